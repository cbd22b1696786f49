"""Benchmark: what one survey answer costs the web process and PostgreSQL,
against the floor (find the invitation by its link, insert one row), in one
process and one request at a time.

    python benchmarks/intake_cpu.py [--blocks 20] [--block 100] [--database-url URL]

Creates a PostgreSQL database of its own (dropped first; default
kohtaamo_bench_intake_cpu) with open invitations, as `survey_intake.py`
does. Then it calls Django's WSGI handler directly: no HTTP, no gunicorn, no
load generator, only Kohtaamo's URLs and its whole middleware stack, with
the floor view of `bare_intake.py` added at /floor/. Blocks of answers take
turns: the survey link's POST with `survey_intake.py`'s mix of answers
(about a sixth unhappy, so follow-ups open), the floor's POST with the same
mix, and the survey with happy and with unhappy answers only. Around each
block it reads the CPU time of this process and of the PostgreSQL process
serving its connection (from /proc: the server must run on this machine),
and prints per answer the median of the blocks of each kind (for the server
the mean, as the kernel counts its time in ticks of 10 ms), and the ratio
floor / survey of the two summed: the share of the floor's cost that a
survey answer has when nothing else runs beside it.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlencode

# Run as a script: this folder is on the path.
from survey_intake import BARE_TABLE, _answers, _recreate, _setup

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/kohtaamo_bench_intake_cpu"
KINDS = ("survey", "floor", "survey, happy only", "survey, unhappy only")


def _urls() -> list[Any]:
    import bare_intake
    from django.urls import include, path

    return [path("floor/", bare_intake.answer_after_lookup), path("", include("kohtaamo.urls"))]


urlpatterns: list[Any] = []


def _post(app: Any, path: str, data: dict[str, str]) -> str:
    body = urlencode(data).encode()
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1:8000",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "CONTENT_LENGTH": str(len(body)),
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
    }
    statuses: list[str] = []
    result = app(environ, lambda status, headers: statuses.append(status))
    b"".join(result)
    result.close()
    return statuses[0]


def _server_cpu_seconds() -> Callable[[], float | None]:
    """A reader of the CPU time of the PostgreSQL process of this connection."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    tick = os.sysconf("SC_CLK_TCK")

    def read() -> float | None:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:  # the server runs elsewhere
            return None
        return (int(fields[11]) + int(fields[12])) / tick

    return read


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blocks", type=int, default=20, help="blocks of each kind")
    parser.add_argument("--block", type=int, default=100, help="answers in a block")
    parser.add_argument("--database-url", default=DEFAULT_URL)
    args = parser.parse_args()
    warm = 50
    need = len(KINDS) * (args.blocks * args.block + warm)
    _recreate(args.database_url)
    os.environ["KOHTAAMO_HTTPS"] = "0"
    started = time.perf_counter()
    tokens: Iterator[str] = iter(_setup(args.database_url, need).values())
    print(f"setup: {need} invitations in {time.perf_counter() - started:.0f} s", flush=True)
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection

    from kohtaamo.feedback.models import is_unhappy

    urlpatterns.extend(_urls())
    settings.ROOT_URLCONF = __name__
    with connection.cursor() as cursor:
        cursor.execute(BARE_TABLE)
    app = WSGIHandler()
    mix = _answers(need, 7)
    unhappy = [a for a in mix if is_unhappy(nps=int(a["nps"]), csat=int(a["csat"]))]
    happy = [a for a in mix if a not in unhappy]
    pools = {
        "survey": iter(mix * 2),
        "floor": iter(mix * 2),
        "survey, happy only": iter(happy * 8),
        "survey, unhappy only": iter(unhappy * 8),
    }

    def one(kind: str) -> str:
        answer, token = next(pools[kind]), next(tokens)
        if kind == "floor":
            return _post(app, "/floor/", {"token": token, **answer})
        return _post(app, f"/s/{token}/", answer)

    for kind in KINDS:
        for _ in range(warm):
            one(kind)
    server_cpu = _server_cpu_seconds()
    web: dict[str, list[float]] = {kind: [] for kind in KINDS}
    server: dict[str, list[float]] = {kind: [] for kind in KINDS}
    for block in range(args.blocks):
        # Each kind in turn, the order rotating, so that the machine's moods
        # fall on all alike.
        for kind in KINDS[block % 4 :] + KINDS[: block % 4]:
            server_before, web_before = server_cpu(), time.process_time()
            for _ in range(args.block):
                status = one(kind)
                assert status.startswith(("302", "201")), (kind, status)
            web[kind].append((time.process_time() - web_before) / args.block)
            server_after = server_cpu()
            if server_before is not None and server_after is not None:
                server[kind].append((server_after - server_before) / args.block)
    print(
        f"CPU per answer, medians of {args.blocks} blocks of {args.block} "
        "(one request at a time, no HTTP):"
    )
    total: dict[str, float] = {}
    for kind in KINDS:
        web_ms = statistics.median(web[kind]) * 1000
        line = f"  {kind:<22} web process {web_ms:6.3f} ms"
        if server[kind]:
            # The mean: the kernel counts a process's CPU time in whole ticks.
            server_ms = statistics.mean(server[kind]) * 1000
            total[kind] = web_ms + server_ms
            line += f"  PostgreSQL {server_ms:6.3f} ms  together {total[kind]:6.3f} ms"
        print(line)
    if total:
        print(f"floor / survey, together: {total['floor'] / total['survey']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
