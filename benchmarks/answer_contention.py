"""Benchmark: the survey link's one statement, answers of one team at once,
counted in the inbox (as Kohtaamo does) or added to the day rows (as it did).

    python benchmarks/answer_contention.py [--processes 3] [--seconds 4] [--pairs 8]
        [--database-url URL]

Creates a PostgreSQL database of its own (dropped first; default
kohtaamo_bench_contention), migrates it and makes enough open invitations of
one team, staff member and channel (the case in which every answer adds to
the same two day rows). Then, pair after pair, for a few seconds each, N
processes (default 3, as `kohtaamo serve`'s workers) store answers with
`feedback.link_answer.answer_by_link` as fast as they can, once with the
statement as it is (the answer counted in `insights.AnswerInbox`) and once
with the day rows' upserts in the inbox's place (the earlier design, made
here from `insights.aggregates`' own upsert), in alternating order. No HTTP,
no web stack: the statement and the database alone, so that the difference
is not lost in the noise of the whole request.

It prints each pair's rates and ratio, the median ratio with its
distribution-free 95 % interval (`kohtaamo.stats.median`), then folds the
inbox and checks that the days hold every stored answer once.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import time
from typing import Any

# Run as a script: this folder is on the path.
from survey_intake import _recreate, _setup

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/kohtaamo_bench_contention"
# The most answers one process could store in one slice.
PER_PROCESS = 4000


def _day_upserts_from(source: str) -> list[Any]:
    """The earlier design's writes: the answer's counts added to its day rows."""
    from kohtaamo.core.statements import Write
    from kohtaamo.insights.aggregates import COUNT_COLUMNS, DAY_TABLES, _upsert

    counts = Write("counts", "SELECT " + ", ".join(f"%s AS {c}" for c in COUNT_COLUMNS), [])
    upserts = [
        Write(
            name,
            _upsert(
                model,
                keys,
                f"SELECT {', '.join(f'{source}.{k}' for k in keys)}, "
                f"{', '.join(f'counts.{c}' for c in COUNT_COLUMNS)} FROM {source}, counts",
            ),
            [],
        )
        for name, model, keys in DAY_TABLES
    ]
    return [counts, *upserts]


def _answer(variant: str, tokens: list[str], seconds: float, start_at: float, out: Any) -> None:
    from django.db import connection

    from kohtaamo.feedback import link_answer
    from kohtaamo.insights import aggregates

    connection.close()
    link_answer._statement.cache_clear()
    link_answer.answer_inbox_insert_from = (  # type: ignore[assignment]
        _day_upserts_from if variant == "day rows" else aggregates.answer_inbox_insert_from
    )
    happy = link_answer.PostedAnswer(nps=9, csat=5, ces=6, comment="", consent_contact=False)
    link_answer._statement(unhappy=False)
    while time.time() < start_at:
        time.sleep(0.001)
    stored = 0
    for token in tokens:
        if time.time() >= start_at + seconds:
            break
        outcome = link_answer.answer_by_link(token=token, answer=happy, language=None)
        assert outcome is link_answer.LinkAnswer.STORED, outcome
        stored += 1
    out.put(stored)
    connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=4.0, help="length of one slice")
    parser.add_argument("--pairs", type=int, default=8)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    args = parser.parse_args()
    multiprocessing.set_start_method("fork")
    _recreate(args.database_url)
    need = 2 * args.pairs * args.processes * PER_PROCESS
    started = time.perf_counter()
    tokens = list(_setup(args.database_url, need).values())
    print(f"setup: {need} invitations in {time.perf_counter() - started:.0f} s", flush=True)
    from django.db import connection

    from kohtaamo.feedback.models import Response
    from kohtaamo.insights.aggregates import answer_inbox_fold
    from kohtaamo.insights.models import AnswerTeamDay
    from kohtaamo.stats.median import median_with_interval

    connection.close()
    rates: dict[str, list[float]] = {"inbox": [], "day rows": []}
    taken = 0
    for pair in range(args.pairs):
        order = ["inbox", "day rows"] if pair % 2 == 0 else ["day rows", "inbox"]
        for variant in order:
            out: Any = multiprocessing.Queue()
            start_at = time.time() + 1.0
            processes = []
            for _ in range(args.processes):
                mine = tokens[taken : taken + PER_PROCESS]
                taken += PER_PROCESS
                processes.append(
                    multiprocessing.Process(
                        target=_answer, args=(variant, mine, args.seconds, start_at, out)
                    )
                )
            for process in processes:
                process.start()
            for process in processes:
                process.join()
            stored = sum(out.get() for _ in processes)
            if stored >= args.processes * PER_PROCESS:
                print("a process ran out of links: shorten --seconds", file=sys.stderr)
                return 1
            rates[variant].append(stored / args.seconds)
        print(
            f"  pair {pair + 1}: inbox {rates['inbox'][-1]:.0f}/s, "
            f"day rows {rates['day rows'][-1]:.0f}/s, "
            f"ratio {rates['inbox'][-1] / rates['day rows'][-1]:.2f}",
            flush=True,
        )
    ratios = [a / b for a, b in zip(rates["inbox"], rates["day rows"], strict=True)]
    estimate = median_with_interval(ratios)
    assert estimate is not None
    interval = (
        f"95 % interval {estimate.interval.low:.2f}–{estimate.interval.high:.2f}"
        if estimate.interval
        else "too few pairs for a 95 % interval"
    )
    print(
        f"{args.processes} process{'es' if args.processes != 1 else ''} answering links of "
        "one team: inbox "
        f"{statistics.median(rates['inbox']):.0f} answers/s, day rows "
        f"{statistics.median(rates['day rows']):.0f} answers/s (medians of {args.pairs} slices "
        f"of {args.seconds:g} s); ratio inbox / day rows: median {estimate.median:.2f}, {interval}"
    )
    started = time.perf_counter()
    folded = answer_inbox_fold()
    fold_ms = (time.perf_counter() - started) * 1000
    stored_answers = Response.objects.count()
    in_days = sum(AnswerTeamDay.objects.values_list("responses", flat=True))
    print(
        f"fold: {folded} answers from the inbox in {fold_ms:.0f} ms; the days hold {in_days} "
        f"answers of {stored_answers} stored"
    )
    return 0 if in_days == stored_answers else 1


if __name__ == "__main__":
    raise SystemExit(main())
