// The line-up timer: counts the fifteen minutes down and highlights the
// section whose minute budget is running. The start time is kept in
// sessionStorage, so the wall screen's own reloads do not reset it.
// Without JavaScript the page still shows the agenda and its minutes.
(function () {
  "use strict";
  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }
  ready(function () {
    var timer = document.getElementById("lineup-timer");
    if (!timer) { return; }
    var clock = document.getElementById("lineup-clock");
    var start = document.getElementById("lineup-timer-start");
    var reset = document.getElementById("lineup-timer-reset");
    var total = parseInt(timer.getAttribute("data-total"), 10) * 60;
    var sections = Array.prototype.slice.call(document.querySelectorAll(".agenda-section"));
    var key = "kohtaamo-lineup-start:" + window.location.pathname;
    var ticking = null;

    function show(seconds) {
      var sign = seconds < 0 ? "-" : "";
      var s = Math.abs(seconds);
      clock.textContent = sign + Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
      timer.classList.toggle("over", seconds < 0);
    }
    function highlight(elapsed) {
      var until = 0;
      var current = -1;
      sections.forEach(function (section, index) {
        var from = until;
        until += parseInt(section.getAttribute("data-minutes") || "0", 10) * 60;
        if (current === -1 && elapsed >= from && elapsed < until) { current = index; }
      });
      sections.forEach(function (section, index) {
        section.classList.toggle("current", index === current);
        section.classList.toggle("done", current !== -1 ? index < current : elapsed >= until);
      });
    }
    function tick() {
      var began = parseInt(window.sessionStorage.getItem(key) || "0", 10);
      if (!began) { return; }
      var elapsed = Math.floor((Date.now() - began) / 1000);
      show(total - elapsed);
      highlight(elapsed);
    }
    function run() {
      if (ticking === null) { ticking = window.setInterval(tick, 1000); }
      tick();
      start.hidden = true;
      reset.hidden = false;
    }
    start.hidden = false;
    start.addEventListener("click", function () {
      window.sessionStorage.setItem(key, String(Date.now()));
      run();
    });
    reset.addEventListener("click", function () {
      window.sessionStorage.removeItem(key);
      if (ticking !== null) { window.clearInterval(ticking); ticking = null; }
      show(total);
      sections.forEach(function (s) { s.classList.remove("current", "done"); });
      start.hidden = false;
      reset.hidden = true;
    });
    if (window.sessionStorage.getItem(key)) { run(); }
  });
})();
