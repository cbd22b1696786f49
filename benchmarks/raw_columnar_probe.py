"""Probe, not product: could a column-wise copy of the answers, aggregated
with numpy, bring the raw-answer report within 2× DuckDB (issue 4)?

    pip install -e ".[bench]"
    python benchmarks/nps_report_10m.py --answers 3000000   # leaves its database
    python benchmarks/raw_columnar_probe.py [--database-url URL]

On the answers that `nps_report_10m.py` left in its database, this builds a
table of its own, `probe_answer_chunks`, dropped again at the end: one row
per local day, each column of that day's answers (team, staff, channel, NPS,
CSAT, CES; a missing score as -1) packed into one `bytea` of big-endian
16-bit numbers, made by one set-based statement. It then times, best and
median of seven:

1. the probe: read every chunk and sum NPS, CSAT and CES by team × month in
   numpy, with one histogram per question (group × score), from which the
   counts, Σx and Σx² fall out;
2. DuckDB computing the same from a Parquet file of the same answers
   (exported with COPY, as `nps_report_10m.py` does);

checks that both give the same counts for every team and month, and prints
the ratio. The product reads neither: its reports read the daily
pre-aggregates, and its raw path is one SQL GROUP BY over the answers'
table (about 3× DuckDB, see the README's *Benchmarks*).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import psycopg
from nps_report_10m import copy_to_parquet

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/kohtaamo_bench_nps10m"
RUNS = 7
CHANNELS = ("phone", "chat", "email", "in_person", "social", "other")
# Each question's scores run from -1 (not answered) to its top.
NPS_TOP, CSAT_TOP, CES_TOP = 10, 5, 7

BUILD = f"""
CREATE TABLE probe_answer_chunks AS
SELECT answered_on AS day, count(*) AS n,
       string_agg(int2send(team_id::int2), ''::bytea ORDER BY id) AS team,
       string_agg(int2send(staff_id::int2), ''::bytea ORDER BY id) AS staff,
       string_agg(int2send((array_position(ARRAY{list(CHANNELS)}::text[], channel) - 1)::int2),
                  ''::bytea ORDER BY id) AS channel,
       string_agg(int2send(coalesce(nps, -1)::int2), ''::bytea ORDER BY id) AS nps,
       string_agg(int2send(coalesce(csat, -1)::int2), ''::bytea ORDER BY id) AS csat,
       string_agg(int2send(coalesce(ces, -1)::int2), ''::bytea ORDER BY id) AS ces
FROM feedback_response GROUP BY answered_on
"""

DUCK_SQL = """
SELECT team_id, CAST(date_trunc('month', day) AS DATE) AS month,
       count(*) FILTER (WHERE nps >= 9), count(*) FILTER (WHERE nps BETWEEN 7 AND 8),
       count(*) FILTER (WHERE nps <= 6), count(csat), count(*) FILTER (WHERE csat >= 4),
       count(ces), coalesce(sum(ces), 0), coalesce(sum(ces * ces), 0)
FROM '{parquet}' GROUP BY ALL
"""

Figures = dict[tuple[int, str], tuple[int, ...]]


def probe(conn: psycopg.Connection[Any]) -> Figures:
    rows = conn.execute("SELECT day, n, team, nps, csat, ces FROM probe_answer_chunks").fetchall()
    counts = np.array([row[1] for row in rows])
    months = sorted({(row[0].year, row[0].month) for row in rows})
    month_index = {month: i for i, month in enumerate(months)}
    month = np.repeat(
        np.array([month_index[(row[0].year, row[0].month)] for row in rows], dtype=np.int64),
        counts,
    )

    def column(index: int) -> Any:
        return np.frombuffer(b"".join(row[index] for row in rows), dtype=">i2").astype(np.int64)

    team, nps, csat, ces = column(2), column(3), column(4), column(5)
    key = team * len(months) + month
    size = int(key.max()) + 1

    def histogram(scores: Any, top: int) -> Any:
        # Row: a team and month; column: a score, -1 (not answered) first.
        width = top + 2
        return np.bincount(key * width + scores + 1, minlength=size * width).reshape(size, width)

    nps_h, csat_h, ces_h = (
        histogram(nps, NPS_TOP),
        histogram(csat, CSAT_TOP),
        histogram(ces, CES_TOP),
    )
    ces_scores = np.arange(1, CES_TOP + 1)
    answered = ces_h[:, 2:]
    columns = (
        nps_h[:, 10:].sum(axis=1),  # 9 and 10
        nps_h[:, 8:10].sum(axis=1),  # 7 and 8
        nps_h[:, 1:8].sum(axis=1),  # 0 to 6
        csat_h[:, 2:].sum(axis=1),
        csat_h[:, 5:].sum(axis=1),  # 4 and 5
        answered.sum(axis=1),
        answered @ ces_scores,
        answered @ (ces_scores * ces_scores),
    )
    figures: Figures = {}
    for group in np.flatnonzero(nps_h[:, 1:].sum(axis=1) + csat_h[:, 1:].sum(axis=1)):
        team_id, month_number = divmod(int(group), len(months))
        year, month_of_year = months[month_number]
        period = f"{year}-{month_of_year:02d}-01"
        figures[(team_id, period)] = tuple(int(c[group]) for c in columns)
    return figures


def export_parquet(url: str, folder: Path) -> Path:
    """The same answers' team, local day and scores, for DuckDB."""
    query = "SELECT team_id, answered_on, nps, csat, ces FROM feedback_response"
    columns = (
        "'team_id': 'INTEGER', 'day': 'DATE', "
        "'nps': 'SMALLINT', 'csat': 'SMALLINT', 'ces': 'SMALLINT'"
    )
    return copy_to_parquet(url, query, columns, folder / "answers.parquet")


def duck(parquet: Path) -> tuple[list[float], Figures]:
    import duckdb

    conn = duckdb.connect()
    times, rows = [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        rows = conn.execute(DUCK_SQL.format(parquet=parquet)).fetchall()
        times.append(time.perf_counter() - started)
    return times, {(row[0], row[1].isoformat()): tuple(int(v) for v in row[2:]) for row in rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", default=os.environ.get("KOHTAAMO_BENCH_DATABASE_URL", DEFAULT_URL)
    )
    args = parser.parse_args()
    with psycopg.connect(args.database_url, autocommit=True) as conn:
        answers = conn.execute("SELECT count(*) FROM feedback_response").fetchone()
        print(f"answers in {args.database_url}: {answers[0] if answers else 0:,}")
        conn.execute("DROP TABLE IF EXISTS probe_answer_chunks")
        started = time.perf_counter()
        conn.execute(BUILD)
        conn.execute("VACUUM ANALYZE probe_answer_chunks")
        built = time.perf_counter() - started
        try:
            probe_times, probe_figures = [], {}
            for _ in range(RUNS):
                started = time.perf_counter()
                probe_figures = probe(conn)
                probe_times.append(time.perf_counter() - started)
        finally:
            conn.execute("DROP TABLE probe_answer_chunks")
    with tempfile.TemporaryDirectory(prefix="kohtaamo-probe-") as folder:
        duck_times, duck_figures = duck(export_parquet(args.database_url, Path(folder)))
    same = probe_figures == duck_figures
    best_probe, best_duck = min(probe_times), min(duck_times)
    print(f"chunks built in                    {built:>10.1f} s")
    print(f"teams × months                     {len(probe_figures):>10,}")
    print(
        f"probe (chunks + numpy), best of {RUNS}  {best_probe * 1000:>8.1f} ms"
        f"  (median {statistics.median(probe_times) * 1000:.1f} ms)"
    )
    print(
        f"DuckDB (Parquet), best of {RUNS}        {best_duck * 1000:>8.1f} ms"
        f"  (median {statistics.median(duck_times) * 1000:.1f} ms)"
    )
    print(
        f"probe / DuckDB                     {best_probe / best_duck:>10.2f}  (raw-path goal ≤ 2)"
    )
    print(f"same counts in both                {'yes' if same else 'NO':>10}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
