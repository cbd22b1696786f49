// The top bar on a phone: the navigation and the account links fold away
// behind one "Menu" button, so that a page starts with its content. Without
// JavaScript nothing folds: every link stays in view, as on a desk.
(function () {
  "use strict";
  var bar = document.querySelector(".topbar");
  var button = bar && bar.querySelector(".menu-toggle");
  if (!button) {
    return;
  }
  bar.classList.add("foldable");
  button.hidden = false;
  button.addEventListener("click", function () {
    var open = bar.classList.toggle("open");
    button.setAttribute("aria-expanded", open ? "true" : "false");
  });
})();
