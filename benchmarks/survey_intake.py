"""Benchmark: survey answers posted to `kohtaamo serve`, against a bare Django view.

    python benchmarks/survey_intake.py [--invitations 1500] [--rounds 9] [--workers 3]
        [--concurrency 8] [--replays 0.1] [--time-limit 120] [--database-url URL]

Creates a PostgreSQL database of its own (dropped first; default
kohtaamo_bench_intake), migrates it and makes N invitations per round, one per
customer and encounter, whose link tokens only this run knows. Then, on
loopback, round after round (so that whatever else the machine does falls on
all three servers alike; each round answers links of its own):

1. starts the bare yardstick (`benchmarks/bare_intake.py`) under gunicorn and
   posts N answers to it, plus the replays; then again with the same view
   under Kohtaamo's settings (all its apps and middleware), the "bare Django
   view under the same server settings" that the goal compares with; and
   under Kohtaamo's settings a view that first finds the invitation by its
   link and then inserts, the least any survey answer must do (the floor);
2. starts `kohtaamo serve` (gunicorn, production settings, KOHTAAMO_HTTPS=0)
   with the same worker count; every simulated customer GETs the survey page
   first, as a browser does (timed apart; the page sets no cookie and asks
   no CSRF token), and then all POST their answers at once, plus the
   replays: a share of the links posted a second time, shuffled among the
   first posts so that some race them.

The load generator is bounded: a fixed list of requests, a fixed number in
flight (processes × threads, one new connection per request, as gunicorn's
sync workers close each one), and a time limit after which nothing new is sent.
It prints each server's rate of answered POSTs (each round's and their
median), the ratio product / bare (the median of the rounds' ratios, with
its distribution-free 95 % interval from six rounds up, and whether the
goal is met, missed or not settled by that interval), the p50 and p99 latency of the survey POSTs, and the accounting against the database:
every link answered with 2xx/3xx must have exactly one stored answer (lost:
none; duplicated: none beyond one), and requests that failed are counted.
The goal is a ratio of at least 0.8 to the bare view under Kohtaamo's
settings, p99 at most 200 ms, 0 lost, 0 duplicated; the ratio to the view
with no middleware at all is printed too.
"""

from __future__ import annotations

import argparse
import http.client
import math
import multiprocessing
import os
import queue
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import psycopg

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/kohtaamo_bench_intake"
HERE = Path(__file__).resolve().parent
HOST = "127.0.0.1"
GOAL_RATIO = 0.8
COMMENTS = [
    "",
    "",
    "",
    "Kiitos nopeasta avusta!",
    "Asia hoitui yhdellä puhelulla.",
    "Jonotin puhelimessa yli puoli tuntia.",
    "Virkailija kuunteli ja tarkisti, että ymmärsi oikein.",
    "Lupasitte soittaa takaisin, mutta kukaan ei soittanut.",
    "Tack för snabb hjälp!",
    "Huone ei ollut valmis sovittuun aikaan.",
]
# The bare view's table (see bare_intake.py): one row per key.
BARE_TABLE = (
    "CREATE TABLE bare_answer (id bigserial PRIMARY KEY, key text UNIQUE NOT NULL, "
    "nps int, comment text NOT NULL, answered_at timestamptz NOT NULL)"
)


# --- the load generator ------------------------------------------------------


@dataclass(frozen=True)
class Request:
    """One request to send: `key` names what it answers (for the accounting)."""

    key: str
    method: str
    path: str
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Result:
    key: str
    status: int  # 0: no answer (refused, reset or timed out)
    seconds: float
    body: bytes = b""
    set_cookie: str = ""


def _send(port: int, request: Request, keep_body: bool) -> Result:
    started = time.perf_counter()
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request(request.method, request.path, body=request.body, headers=dict(request.headers))
        response = conn.getresponse()
        body = response.read()
        status = response.status
        cookie = response.getheader("Set-Cookie") or ""
    except (OSError, http.client.HTTPException):
        return Result(request.key, 0, time.perf_counter() - started)
    finally:
        conn.close()
    return Result(
        request.key, status, time.perf_counter() - started, body if keep_body else b"", cookie
    )


def _run_share(
    port: int, requests: Sequence[Request], threads: int, deadline: float, keep_body: bool
) -> list[Result]:
    """One generator process: `threads` connections in flight until the list
    is done or the deadline (time.time()) has passed."""
    todo: queue.SimpleQueue[Request] = queue.SimpleQueue()
    for request in requests:
        todo.put(request)
    results: list[Result] = []
    lock = threading.Lock()

    def loop() -> None:
        while time.time() < deadline:
            try:
                request = todo.get_nowait()
            except queue.Empty:
                return
            result = _send(port, request, keep_body)
            with lock:
                results.append(result)

    workers = [threading.Thread(target=loop) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return results


@dataclass(frozen=True)
class Load:
    results: list[Result]
    seconds: float


def load_run(
    *,
    port: int,
    requests: Sequence[Request],
    processes: int,
    threads: int,
    time_limit: float,
    keep_body: bool = False,
) -> Load:
    """Send the requests with processes × threads in flight, at most for time_limit s."""
    shares = [list(requests[i::processes]) for i in range(processes)]
    # Spawned, not forked: the calling process may run threads (pytest's,
    # psycopg's), and a fork copies their locks in whatever state they are.
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=processes, mp_context=spawn) as pool:
        # Start the processes before the clock does.
        list(pool.map(abs, range(processes)))
        started = time.perf_counter()
        deadline = time.time() + time_limit
        futures = [
            pool.submit(_run_share, port, share, threads, deadline, keep_body) for share in shares
        ]
        results = [result for future in futures for result in future.result()]
        seconds = time.perf_counter() - started
    return Load(results, seconds)


# --- the accounting ----------------------------------------------------------


@dataclass(frozen=True)
class Accounting:
    sent: int  # requests that got an answer or failed
    ok: int  # answered 2xx or 3xx
    failed: int  # answered otherwise, or not at all
    answered_keys: int  # distinct keys with at least one 2xx/3xx answer
    lost: int  # of those, keys with no stored row
    duplicated: int  # stored rows beyond one per key
    unconfirmed: int  # keys stored although no request for them got a 2xx/3xx


def account(results: Iterable[Result], stored: Mapping[str, int]) -> Accounting:
    """Compare what the server said with what the database holds.

    `stored` counts the rows per key. A key whose every request failed may
    still have been stored (the server committed, then the answer was lost):
    that is counted as unconfirmed, not as lost.
    """
    results = list(results)
    ok_keys = {r.key for r in results if 200 <= r.status < 400}
    ok = sum(1 for r in results if 200 <= r.status < 400)
    return Accounting(
        sent=len(results),
        ok=ok,
        failed=len(results) - ok,
        answered_keys=len(ok_keys),
        lost=sum(1 for key in ok_keys if stored.get(key, 0) == 0),
        duplicated=sum(count - 1 for count in stored.values() if count > 1),
        unconfirmed=sum(1 for key, count in stored.items() if count and key not in ok_keys),
    )


def percentile(values: Sequence[float], p: float) -> float:
    """The nearest-rank percentile (p in 0–100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


# --- the servers -------------------------------------------------------------


def _drop(url: str) -> None:
    """Drop the database of this URL if it exists, whoever is connected to it."""
    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}" WITH (FORCE)')


def _recreate(url: str) -> None:
    _drop(url)
    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{parts.path.lstrip("/")}"')


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


class Server:
    """A gunicorn started for the benchmark and stopped when it is done."""

    def __init__(self, command: list[str], env: Mapping[str, str], port: int, ready: str) -> None:
        self.port = port
        self.process = subprocess.Popen(
            command,
            env={**os.environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        give_up = time.monotonic() + 60
        while time.monotonic() < give_up:
            if self.process.poll() is not None:
                raise RuntimeError(
                    self.process.stderr.read().decode() if self.process.stderr else ""
                )
            if _send(port, Request("", "GET", ready), False).status == 200:
                return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"server on port {port} did not start")

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)
        if self.process.stderr:
            self.process.stderr.close()


def _gunicorn_args(port: int, workers: int) -> list[str]:
    # What `kohtaamo serve` passes, so that the two servers differ only in the app.
    return [f"--bind={HOST}:{port}", f"--workers={workers}", "--timeout=60", "--access-logfile=-"]


# --- the run -----------------------------------------------------------------


def _answers(n: int, seed: int) -> list[dict[str, str]]:
    """N answers of a plausible mix: about a fifth detractors, so follow-ups open."""
    rng = random.Random(seed)
    nps_weights = [2, 1, 1, 2, 2, 3, 5, 10, 14, 25, 35]
    answers = []
    for _ in range(n):
        nps = rng.choices(range(11), weights=nps_weights)[0]
        answers.append(
            {
                "nps": str(nps),
                "csat": str(max(1, min(5, round(nps / 2)))),
                "ces": str(rng.randint(max(1, nps // 2), 7)),
                "comment": rng.choice(COMMENTS),
                **({"consent_contact": "on"} if rng.random() < 0.4 else {}),
            }
        )
    return answers


def _with_replays(requests: list[Request], share: float, seed: int) -> list[Request]:
    """The requests plus a share of them again, shuffled so that some race."""
    rng = random.Random(seed)
    replays = rng.sample(requests, k=round(len(requests) * share))
    everything = requests + replays
    rng.shuffle(everything)
    return everything


def _setup(url: str, n: int) -> dict[str, str]:
    """Migrate and make N invitations; returns invitation id → link token."""
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "kohtaamo.settings",
            "KOHTAAMO_DATABASE_URL": url,
            "KOHTAAMO_SECRET_KEY": "benchmark-only-" + "x" * 40,
        }
    )
    sys.path.insert(0, str(HERE.parent / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from kohtaamo.encounters.models import Customer, Encounter
    from kohtaamo.feedback.models import Invitation, Survey
    from kohtaamo.feedback.services import new_token, token_hash
    from kohtaamo.org.models import TeamRole
    from kohtaamo.org.services import membership_set, person_create, team_create, unit_create

    call_command("migrate", verbosity=0)
    unit = unit_create(name="Hotelli Aurora Helsinki", code="bench-hki")
    team = team_create(name="Puhelinpalvelu", code="bench-puh", unit=unit)
    lead = person_create(email="esihenkilo@bench.example", first_name="Liisa", last_name="Laine")
    agent = person_create(email="asiakaspalvelija@bench.example", first_name="Aki", last_name="Aho")
    membership_set(user=lead, team=team, role=TeamRole.LEAD)
    membership_set(user=agent, team=team, role=TeamRole.AGENT)
    survey = Survey.objects.create(name="Palautekysely")
    customers = Customer.objects.bulk_create(
        Customer(external_id=f"bench-{i}", name=f"Asiakas {i}", email=f"a{i}@bench.example")
        for i in range(n)
    )
    now = timezone.now()
    encounters = Encounter.objects.bulk_create(
        Encounter(
            source="bench",
            external_id=str(i),
            channel="phone",
            started_at=now - timedelta(hours=3, minutes=5),
            ended_at=now - timedelta(hours=3),
            staff=agent,
            team=team,
            customer=customer,
        )
        for i, customer in enumerate(customers)
    )
    tokens = [new_token() for _ in range(n)]
    invitations = Invitation.objects.bulk_create(
        Invitation(
            survey=survey,
            encounter=encounter,
            customer=encounter.customer,
            language="fi",
            token_hash=token_hash(token),
            created_at=now,
            expires_at=now + timedelta(days=14),
            sent_at=now,
        )
        for encounter, token in zip(encounters, tokens, strict=True)
    )
    connection.close()
    return {str(inv.pk): token for inv, token in zip(invitations, tokens, strict=True)}


# The yardsticks (bare_intake.py): the bare view with no middleware and apps;
# the same view under Kohtaamo's settings, which the goal is measured
# against; and under Kohtaamo's settings a view that first finds the
# invitation by its link, the floor of what a survey answer can reach.
BARE_STACKS = {"none": "bare view POST", "kohtaamo": "bare+stack POST", "lookup": "lookup+insert"}
BARE_SETTINGS = {"none": "none", "kohtaamo": "kohtaamo", "lookup": "kohtaamo"}


def _bare_run(
    stack: str,
    env: Mapping[str, str],
    workers: int,
    requests: list[Request],
    url: str,
    bounded: Mapping[str, Any],
) -> tuple[Load, Accounting]:
    """Post the answers to the bare view (empty table first) and account for them."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("TRUNCATE bare_answer")
    port = _free_port()
    server = Server(
        [
            sys.executable,
            "-m",
            "gunicorn",
            f"--chdir={HERE}",
            *_gunicorn_args(port, workers),
            "bare_intake:application",
        ],
        {**env, "KOHTAAMO_BARE_STACK": BARE_SETTINGS[stack]},
        port,
        "/answer/",
    )
    try:
        load = load_run(port=port, requests=requests, **bounded)
    finally:
        server.stop()
    stored = _stored_counts(url, "SELECT key, count(*) FROM bare_answer GROUP BY key")
    return load, account(load.results, stored)


def _fold() -> tuple[float, int]:
    """The survey link counts its answers in the inbox: fold it into the
    days as the tick or a report would, timed (the work the answers put off)."""
    from django.db import connection

    from kohtaamo.insights.aggregates import answer_inbox_fold

    started = time.perf_counter()
    folded = answer_inbox_fold()
    seconds = time.perf_counter() - started
    connection.close()
    return seconds, folded


def _stored_counts(url: str, sql: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        return {str(key): count for key, count in conn.execute(sql)}


def _report(
    name: str, rates: Sequence[float], accounting: Accounting, results: Sequence[Result] = ()
) -> None:
    latency = ""
    if results:
        posts = [r.seconds * 1000 for r in results]
        latency = f"p50 {percentile(posts, 50):6.1f} ms  p99 {percentile(posts, 99):6.1f} ms  "
    print(
        f"{name:<16} {statistics.median(rates):7.0f} answers/s (rounds: "
        f"{', '.join(f'{rate:.0f}' for rate in rates)})  {latency}sent {accounting.sent}  "
        f"ok {accounting.ok}  failed {accounting.failed}  lost {accounting.lost}  "
        f"duplicated {accounting.duplicated}  unconfirmed {accounting.unconfirmed}"
    )


def ratio_line(ratios: Sequence[float], goal: float) -> str:
    """The rounds' ratios of survey to bare view: their median with its 95 %
    interval (two of the rounds' own ratios, `kohtaamo.stats.median`), each
    round's ratio, and whether the goal is met, missed or not settled by
    that many rounds. One round's ratio moves with whatever else the shared
    machine does during its phases; the interval says how far the median
    could."""
    from kohtaamo.stats.median import median_with_interval

    estimate = median_with_interval(ratios)
    if estimate is None:
        return "ratio survey / bare view under Kohtaamo's settings: no rounds"
    rounds = ", ".join(f"{r:.2f}" for r in ratios)
    head = (
        f"ratio survey / bare view under Kohtaamo's settings: median {estimate.median:.2f} "
        f"of {estimate.n} rounds"
    )
    if estimate.interval is None or estimate.ranks is None or estimate.coverage is None:
        return (
            f"{head} (too few rounds for a 95 % interval: 6 or more; rounds: {rounds}); "
            f"goal ≥ {goal}: not settled"
        )
    low, high = estimate.interval.low, estimate.interval.high
    if low >= goal:
        verdict = "met (the whole interval reaches it)"
    elif high < goal:
        verdict = "missed (the whole interval falls short)"
    else:
        verdict = "not settled (the interval spans it)"
    return (
        f"{head}, 95 % interval {low:.2f}–{high:.2f} (the rounds ranked {estimate.ranks[0]} "
        f"and {estimate.ranks[1]}, coverage {estimate.coverage:.1%}; rounds: {rounds}); "
        f"goal ≥ {goal}: {verdict}"
    )


def sum_accounts(accounts: Iterable[Accounting]) -> Accounting:
    """The accountings of several runs over different keys, added up."""
    fields = Accounting.__dataclass_fields__
    return Accounting(**{f: sum(getattr(a, f) for a in accounts) for f in fields})


def _product_run(
    env: Mapping[str, str],
    workers: int,
    tokens: Mapping[str, str],
    answers: Mapping[str, Mapping[str, str]],
    replays: float,
    bounded: Mapping[str, Any],
) -> tuple[Load, Load, int]:
    """`kohtaamo serve`: every customer GETs the page, then all POST.
    Returns the GETs, the POSTs and how many pages had the form."""
    port = _free_port()
    kohtaamo = str(Path(sys.executable).with_name("kohtaamo"))
    product = Server(
        [kohtaamo, "serve", f"--bind={HOST}:{port}", f"--workers={workers}"],
        env,
        port,
        "/healthz",
    )
    try:
        pages = [Request(key, "GET", f"/s/{token}/") for key, token in tokens.items()]
        got = load_run(port=port, requests=pages, keep_body=True, **bounded)
        # The survey sets no cookie and needs no CSRF token (views/survey.py):
        # the link is the credential. A link whose page did not load is not posted.
        loaded = {page.key for page in got.results if page.status == 200 and b"<form" in page.body}
        requests = [
            Request(
                key,
                "POST",
                f"/s/{tokens[key]}/",
                urlencode(answers[key]).encode(),
                (("Content-Type", "application/x-www-form-urlencoded"),),
            )
            for key in tokens
            if key in loaded
        ]
        posted = load_run(port=port, requests=_with_replays(requests, replays, 1), **bounded)
    finally:
        product.stop()
    return got, posted, len(loaded)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--invitations", type=int, default=1500, help="answers per round")
    parser.add_argument(
        "--rounds",
        type=int,
        default=9,
        help="rounds of the three servers one after another; rates are the rounds' medians",
    )
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers of both servers")
    parser.add_argument("--processes", type=int, default=2, help="load generator processes")
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight")
    parser.add_argument("--replays", type=float, default=0.1, help="share of links posted twice")
    parser.add_argument("--time-limit", type=float, default=120.0, help="seconds per phase")
    parser.add_argument(
        "--conn-max-age",
        type=int,
        default=60,
        help="KOHTAAMO_DB_CONN_MAX_AGE of both servers (Kohtaamo's default 60; 0: a connection "
        "per request)",
    )
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    args = parser.parse_args()
    n, rounds = args.invitations, max(1, args.rounds)
    processes = max(1, min(args.processes, args.concurrency))
    threads = max(1, args.concurrency // processes)
    bounded = {"processes": processes, "threads": threads, "time_limit": args.time_limit}

    _recreate(args.database_url)
    started = time.perf_counter()
    tokens = _setup(args.database_url, n * rounds)
    print(f"setup: migrated and {n * rounds} invitations in {time.perf_counter() - started:.1f} s")
    with psycopg.connect(args.database_url, autocommit=True) as conn:
        conn.execute(BARE_TABLE)
        # Fresh statistics, as autovacuum would have them by the time customers answer.
        conn.execute("ANALYZE")
    answers = dict(zip(tokens, _answers(n * rounds, args.seed), strict=True))
    env = {
        "KOHTAAMO_DATABASE_URL": args.database_url,
        "KOHTAAMO_SECRET_KEY": "benchmark-only-" + "x" * 40,
        "KOHTAAMO_HTTPS": "0",
        "KOHTAAMO_DEBUG": "0",
        "KOHTAAMO_ALLOWED_HOSTS": HOST,
        "KOHTAAMO_DATA_DIR": "/tmp/kohtaamo-bench-intake",
        "KOHTAAMO_DB_CONN_MAX_AGE": str(args.conn_max_age),
    }
    print(
        f"load: {rounds} rounds of {n} answers + {round(n * args.replays)} replays, "
        f"{args.concurrency} in flight ({processes} processes × {threads} threads), "
        f"{args.workers} gunicorn workers each, database connections kept "
        f"{args.conn_max_age} s; load average before: {os.getloadavg()[0]:.1f}"
    )
    form = (("Content-Type", "application/x-www-form-urlencoded"),)
    keys = list(tokens)
    rates: dict[str, list[float]] = {name: [] for name in (*BARE_STACKS, "survey")}
    bare_accounts: dict[str, list[Accounting]] = {stack: [] for stack in BARE_STACKS}
    posts: list[Result] = []
    gets: list[Result] = []
    get_seconds = 0.0
    with_form = 0
    # The servers take turns, round after round, so that whatever else the
    # machine does falls on all of them alike; each round answers other links.
    for r in range(rounds):
        round_keys = keys[r * n : (r + 1) * n]
        # 1. The bare view, alone and under Kohtaamo's settings.
        bare_requests = {
            stack: _with_replays(
                [
                    Request(
                        key,
                        "POST",
                        "/lookup/" if stack == "lookup" else "/answer/",
                        urlencode(
                            {"token": tokens[key], **answers[key]}
                            if stack == "lookup"
                            else {"key": key, **answers[key]}
                        ).encode(),
                        form,
                    )
                    for key in round_keys
                ],
                args.replays,
                1,
            )
            for stack in BARE_STACKS
        }
        for stack in BARE_STACKS:
            load, accounting = _bare_run(
                stack, env, args.workers, bare_requests[stack], args.database_url, bounded
            )
            rates[stack].append(accounting.ok / load.seconds)
            bare_accounts[stack].append(accounting)
        # 2. The product.
        got, posted, loaded = _product_run(
            env,
            args.workers,
            {key: tokens[key] for key in round_keys},
            answers,
            args.replays,
            bounded,
        )
        posted_ok = sum(1 for result in posted.results if 200 <= result.status < 400)
        rates["survey"].append(posted_ok / posted.seconds)
        posts += posted.results
        gets += got.results
        get_seconds += got.seconds
        with_form += loaded
        print(
            f"  round {r + 1}: "
            + "  ".join(f"{name} {rates[name][-1]:.0f}/s" for name in rates)
            + f"  (load average {os.getloadavg()[0]:.1f})",
            flush=True,
        )

    product_acc = account(
        posts,
        _stored_counts(
            args.database_url,
            "SELECT invitation_id, count(*) FROM feedback_response GROUP BY invitation_id",
        ),
    )
    fold_seconds, folded = _fold()
    with psycopg.connect(args.database_url) as conn:
        followups = conn.execute("SELECT count(*) FROM feedback_followup").fetchone()
        answered = conn.execute(
            "SELECT count(*) FROM feedback_invitation WHERE status = 'answered'"
        ).fetchone()
        stored, in_days = conn.execute(
            "SELECT (SELECT count(*) FROM feedback_response), "
            "(SELECT coalesce(sum(responses), 0) FROM insights_answerteamday)"
        ).fetchone() or (0, 0)

    get_ms = [r.seconds * 1000 for r in gets]
    print(
        f"survey page GET  {len(gets) / get_seconds:7.0f} pages/s    p50 "
        f"{percentile(get_ms, 50):6.1f} ms  p99 {percentile(get_ms, 99):6.1f} ms  "
        f"with the form {with_form} of {len(gets)}"
    )
    for stack in BARE_STACKS:
        _report(BARE_STACKS[stack], rates[stack], sum_accounts(bare_accounts[stack]))
    _report("survey POST", rates["survey"], product_acc, posts)
    statuses = Counter(r.status for r in posts)
    print(f"survey POST statuses: {dict(sorted(statuses.items()))}")
    print(
        f"invitations answered {answered[0] if answered else 0} of {n * rounds}, "
        f"follow-ups opened {followups[0] if followups else 0}"
    )
    print(
        f"inbox folded into the days after the rounds: {folded} answers in "
        f"{fold_seconds * 1000:.0f} ms ({fold_seconds * 1e6 / max(folded, 1):.1f} µs an answer); "
        f"the days hold {in_days} answers of {stored} stored"
    )
    ratios = {
        stack: statistics.median(s / b for s, b in zip(rates["survey"], rates[stack], strict=True))
        for stack in BARE_STACKS
    }
    p99 = percentile([r.seconds * 1000 for r in posts], 99)
    floor = statistics.median(
        lk / b for lk, b in zip(rates["lookup"], rates["kohtaamo"], strict=True)
    )
    print(
        ratio_line(
            [s / b for s, b in zip(rates["survey"], rates["kohtaamo"], strict=True)], GOAL_RATIO
        )
    )
    print(
        f"survey / bare view with no middleware: {ratios['none']:.2f}; "
        f"survey p99 {p99:.0f} ms (goal ≤ 200)"
    )
    print(
        f"the floor: lookup+insert / bare view under Kohtaamo's settings {floor:.2f}; "
        f"survey / lookup+insert {ratios['lookup']:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
