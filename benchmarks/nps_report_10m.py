"""Benchmark: NPS by team × month over N answers (default 10,000,000) through
the product's report path, from the daily pre-aggregate and from the raw
answers, against DuckDB over the same answers.

    pip install -e ".[bench]"
    python benchmarks/nps_report_10m.py [--answers 10000000] [--database-url URL] [--reuse]

Creates a PostgreSQL database of its own (dropped and created again; default
kohtaamo_bench_nps10m), migrates it, makes 12 teams in 4 hotels and 60 staff,
and loads N encounters, invitations and answers over the year 2025 with
set-based SQL in the server (generate_series, no rows through Python), then
builds the daily aggregate with `answer_days_rebuild` (the rebuild command).
With `--reuse`, a database left by an earlier run with the same N is used
as it is (migrated, its column-wise copies deleted so that they are built
and timed again): loading 10M answers takes a quarter of an hour.
It exports the answers (team, local answer time, language, scores) with COPY
to a Parquet file for DuckDB, and then times, in one process:

1. `report_rows(by="team", period="month")` reading the pre-aggregates as
   an admin's report does (the day × team table), with intervals (best and
   median of several runs);
2. the raw path, as a report limited to the Finnish answers reads it (the
   aggregates have no language column): first from the answers' table
   alone, then after building every closed day's column-wise copy
   (`insights.chunks`, timed), from the copies; every answer here is in
   Finnish, so the filter keeps them all, the most work;
3. DuckDB computing the same counts and NPS from the Parquet file, with the
   same language filter;
4. the results page (team × month over 2025) through Django's request
   handler, as an admin (the day × team table), as the region's manager
   (the finer table, through the access rule) and as the region's manager
   with the language filter (the copies, through the access rule): p95 of
   50 renders after a first one, which loads templates and translations and
   is printed on its own (the admin's first also loads the URL
   configuration, which a server's workers load as they start, see
   `kohtaamo.wsgi`).

It checks that 1, 2 and 3 give the same counts and NPS and prints times and
ratios, and the load average before and after (the machine may be shared).
Goals (issue 4): 1 ≤ 1/20 of 3, 2 (from the copies) ≤ 2 × 3, page p95 ≤
150 ms.
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
from urllib.parse import urlsplit, urlunsplit

import psycopg

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/kohtaamo_bench_nps10m"
RUNS = 7
RAW_RUNS = 3
PAGE_RENDERS = 50
TEAMS = 12
STAFF = 60

# Staff member k works in team k % 12; answers come three hours after the
# encounter.


def answers_in(url: str) -> int | None:
    """How many answers the database holds, None when it does not exist."""
    try:
        with psycopg.connect(url) as conn:
            found = conn.execute("SELECT count(*) FROM feedback_response").fetchone()
    except psycopg.Error:
        return None
    return int(found[0]) if found else None


def recreate_database(url: str) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def load(n: int) -> dict[str, float]:
    """Organisation through the services, answers set-based in the server."""
    from django.conf import settings
    from django.db import connection

    from kohtaamo.encounters.models import Customer
    from kohtaamo.feedback.models import Survey
    from kohtaamo.insights.aggregates import answer_days_rebuild
    from kohtaamo.org.services import person_create, team_create, unit_create

    region = unit_create(name="Etelä-Suomi", code="etela")
    hotels = [
        unit_create(name=f"Hotelli {h}", code=f"hotelli-{h}", parent=region) for h in range(4)
    ]
    for t in range(TEAMS):
        team_create(name=f"Tiimi {t:02d}", code=f"tiimi-{t:02d}", unit=hotels[t % 4])
    for s in range(STAFF):
        person_create(email=f"palvelu{s:02d}@example.fi", first_name="Palvelu", last_name=str(s))
    customer = Customer.objects.create(external_id="CRM-1")
    survey = Survey.objects.create(name="Kysely")
    times: dict[str, float] = {}
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(0.42)")
        cursor.execute(
            f"""
            INSERT INTO encounters_encounter (id, source, external_id, channel, started_at,
                ended_at, staff_id, team_id, customer_id, topic, outcome, has_transcript,
                created_at, updated_at)
            SELECT n, 'bench', 'B-' || lpad(n::text, 9, '0'),
                   (ARRAY['phone','chat','email','in_person','social'])[1 + (n * 7) %% 5],
                   t, t + interval '8 minutes', st.ids[1 + k], tm.ids[1 + k %% {TEAMS}],
                   %(customer)s, '', '', false, now(), now()
            FROM (SELECT n, timestamptz '2025-01-01 02:00+00'
                            + make_interval(secs => n * 31536000.0 / %(n)s) AS t,
                         floor(random() * {STAFF})::int AS k
                  FROM generate_series(1, %(n)s) AS n) AS g
            CROSS JOIN (SELECT array_agg(id ORDER BY email) AS ids FROM auth_user
                        WHERE email LIKE 'palvelu%%') AS st
            CROSS JOIN (SELECT array_agg(id ORDER BY code) AS ids FROM org_team) AS tm
            """,
            {"customer": customer.pk, "n": n},
        )
        cursor.execute(
            """
            INSERT INTO feedback_invitation (id, survey_id, encounter_id, customer_id, language,
                token_hash, status, created_at, expires_at, sent_at, answered_at,
                email_attempts, email_error)
            SELECT id, %(survey)s, id, customer_id, 'fi', md5(id::text) || md5('k' || id),
                   'answered', ended_at, ended_at + interval '14 days', ended_at,
                   ended_at + interval '3 hours', 0, ''
            FROM encounters_encounter WHERE source = 'bench'
            """,
            {"survey": survey.pk},
        )
        # Teams differ a little (tilt by team), as in benchmarks/nps_report.py.
        # The answer's copies of its encounter and local day, as
        # feedback.services.response_copies makes them.
        cursor.execute(
            """
            INSERT INTO feedback_response (id, invitation_id, nps, csat, ces, comment,
                consent_contact, language, answered_at, team_id, staff_id, channel,
                answered_on, imported)
            SELECT i.id, i.id,
                   CASE WHEN r < 0.45 + (e.team_id %% 5) * 0.04 THEN 9 + floor(random() * 2)
                        WHEN r < 0.8 THEN 7 + floor(random() * 2)
                        ELSE floor(random() * 7) END,
                   CASE WHEN random() < 0.9 THEN 1 + floor(random() * 5) END,
                   CASE WHEN random() < 0.8 THEN 1 + floor(random() * 7) END,
                   '', false, 'fi', i.answered_at, e.team_id, e.staff_id, e.channel,
                   (i.answered_at AT TIME ZONE %(zone)s)::date, false
            FROM (SELECT *, random() AS r FROM feedback_invitation) AS i
            JOIN encounters_encounter e ON e.id = i.encounter_id
            """,
            {"zone": settings.TIME_ZONE},
        )
    times["load"] = time.perf_counter() - started
    started = time.perf_counter()
    answer_days_rebuild()
    times["aggregate"] = time.perf_counter() - started
    return times


def export_parquet(url: str, folder: Path) -> Path:
    """The answers as DuckDB gets them: team code, local answer time, scores.

    The team comes from the encounter, not from the answer's copy of it, so
    that equal figures also show that the copies are right."""
    query = """SELECT t.code, (r.answered_at AT TIME ZONE 'Europe/Helsinki'), r.language,
                      r.nps, r.csat, r.ces
               FROM feedback_response r
               JOIN feedback_invitation i ON i.id = r.invitation_id
               JOIN encounters_encounter e ON e.id = i.encounter_id
               JOIN org_team t ON t.id = e.team_id"""
    columns = (
        "'team': 'VARCHAR', 'local_at': 'TIMESTAMP', 'language': 'VARCHAR', "
        "'nps': 'SMALLINT', 'csat': 'SMALLINT', 'ces': 'SMALLINT'"
    )
    return copy_to_parquet(url, query, columns, folder / "answers.parquet")


def copy_to_parquet(url: str, query: str, columns: str, parquet: Path) -> Path:
    """The rows of `query` in PostgreSQL, through COPY to CSV, as a Parquet
    file with `columns` (DuckDB's `'name': 'TYPE', …`) for DuckDB to read."""
    import duckdb

    csv_path = parquet.with_suffix(".csv")
    with (
        psycopg.connect(url) as conn,
        conn.cursor() as cursor,
        csv_path.open("wb") as out,
        cursor.copy(f"COPY ({query}) TO STDOUT (FORMAT csv)") as copy,
    ):
        for chunk in copy:
            out.write(chunk)
    duckdb.sql(
        f"""COPY (SELECT * FROM read_csv('{csv_path}', header=false, columns={{{columns}}}))
            TO '{parquet}' (FORMAT parquet)"""
    )
    csv_path.unlink()
    return parquet


DUCK_SQL = """
SELECT team, CAST(date_trunc('month', local_at) AS DATE) AS month,
       count(*) FILTER (WHERE nps >= 9) AS p, count(*) FILTER (WHERE nps BETWEEN 7 AND 8) AS pa,
       count(*) FILTER (WHERE nps <= 6) AS d, count(csat) AS csat_n,
       count(*) FILTER (WHERE csat >= 4) AS csat_ok, count(ces) AS ces_n,
       sum(ces) AS ces_sum, sum(ces * ces) AS ces_sq
FROM '{parquet}' WHERE language = 'fi' GROUP BY ALL
"""


def duck(parquet: Path) -> tuple[list[float], list[tuple[Any, ...]]]:
    import duckdb

    conn = duckdb.connect()
    times, rows = [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        rows = conn.execute(DUCK_SQL.format(parquet=parquet)).fetchall()
        times.append(time.perf_counter() - started)
    figures = sorted(
        (
            team,
            month.isoformat(),
            p,
            pa,
            d,
            csat_n,
            csat_ok,
            ces_n,
            int(ces_sum or 0),
            int(ces_sq or 0),
            round(100 * (p - d) / (p + pa + d), 6),
        )
        for team, month, p, pa, d, csat_n, csat_ok, ces_n, ces_sum, ces_sq in rows
    )
    return times, figures


def product(mode: str, runs: int) -> tuple[list[float], list[tuple[Any, ...]]]:
    """`mode`: "aggregate" (an admin's report), or "raw", the report of
    the Finnish answers, which reads the column-wise copies where a day has
    one and the answers' table elsewhere."""
    from kohtaamo.feedback.models import Response
    from kohtaamo.insights.models import AnswerDay, AnswerTeamDay
    from kohtaamo.insights.selectors import report_rows

    aggregate = mode == "aggregate"
    times, rows = [], []
    for _ in range(runs):
        started = time.perf_counter()
        rows = report_rows(
            responses=Response.objects.all(),
            answer_days=AnswerDay.objects.all(),
            team_days=AnswerTeamDay.objects.all(),
            by="team",
            period="month",
            language=None if aggregate else "fi",
        )
        times.append(time.perf_counter() - started)
    figures = sorted(
        (
            r.group,
            r.period.isoformat(),
            r.figures.counts.promoters,
            r.figures.counts.passives,
            r.figures.counts.detractors,
            r.figures.counts.csat_n,
            r.figures.counts.csat_satisfied,
            r.figures.counts.ces_n,
            r.figures.counts.ces_total,
            r.figures.counts.ces_squares,
            round(r.figures.nps.score, 6),
        )
        for r in rows
    )
    # Every row carries its interval (computed by kohtaamo.stats in report_rows).
    assert all(r.figures.nps.interval is not None for r in rows)
    return times, figures


def page_times(user: Any, url: str) -> tuple[float, list[float], int]:
    """The first render in this process, then PAGE_RENDERS more, through
    Django's whole request handler (middleware, session, sign-in) without the
    test framework's instrumentation, which records every template rendered."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    times = []
    for _ in range(PAGE_RENDERS + 1):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, secure=True)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
        assert b"group-table" in response.content
    return times[0], times[1:], len(queries)


PAGE_URL = "/insights/?by=team&period=month&date_from=2025-01-01&date_to=2025-12-31"


def page_readers() -> dict[str, tuple[Any, str]]:
    """An admin, who reads the day × team table; the region's manager, who
    sees the same answers through the access rule on the finer day × team ×
    staff × channel table, the most rows any reader's page sums; and the
    manager's page of the Finnish answers, from the column-wise copies."""
    from django.contrib.auth import get_user_model

    from kohtaamo.org.models import Unit
    from kohtaamo.org.services import manager_add, person_create

    users = get_user_model().objects
    admin = users.filter(username="admin@example.fi").first() or users.create_superuser(
        "admin@example.fi", "x" * 20
    )
    manager = users.filter(email="johtaja@example.fi").first()
    if manager is None:
        manager = person_create(email="johtaja@example.fi", first_name="Johtaja", last_name="Etelä")
        manager_add(user=manager, unit=Unit.objects.get(code="etela"))
    return {
        "admin": (admin, PAGE_URL),
        "region manager": (manager, PAGE_URL),
        "region manager, Finnish answers": (manager, PAGE_URL + "&language=fi"),
    }


def p95(times: list[float]) -> float:
    return sorted(times)[max(0, round(0.95 * len(times)) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=10_000_000)
    parser.add_argument(
        "--database-url", default=os.environ.get("KOHTAAMO_BENCH_DATABASE_URL", DEFAULT_URL)
    )
    parser.add_argument(
        "--reuse", action="store_true", help="use the database of an earlier run with this N"
    )
    args = parser.parse_args()
    load_before = os.getloadavg()
    reuse = args.reuse and answers_in(args.database_url) == args.answers
    if not reuse:
        recreate_database(args.database_url)
    with tempfile.TemporaryDirectory(prefix="kohtaamo-bench-") as folder_name:
        folder = Path(folder_name)
        os.environ.update(
            {
                "KOHTAAMO_DATA_DIR": str(folder),
                "KOHTAAMO_DATABASE_URL": args.database_url,
                "DJANGO_SETTINGS_MODULE": "kohtaamo.settings",
            }
        )
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        from kohtaamo.insights.models import AnswerChunk, AnswerDay, AnswerTeamDay

        if reuse:
            print(f"Reusing the {args.answers:,} answers of {args.database_url}", flush=True)
            AnswerChunk.objects.all().delete()
        else:
            print(f"Loading {args.answers:,} answers …", flush=True)
            loaded = load(args.answers)
            with psycopg.connect(args.database_url, autocommit=True) as conn:
                conn.execute("VACUUM ANALYZE")
            print(f"  loaded in {loaded['load']:.1f} s, aggregated in {loaded['aggregate']:.1f} s")

        day_rows = AnswerDay.objects.count()
        team_day_rows = AnswerTeamDay.objects.count()
        parquet = export_parquet(args.database_url, folder)
        duck_times, duck_figures = duck(parquet)
        pre_times, pre_figures = product("aggregate", runs=RUNS)
        table_times, table_figures = product("raw", runs=RAW_RUNS)
        from kohtaamo.insights.chunks import answer_chunks_build

        started = time.perf_counter()
        chunks = answer_chunks_build()
        chunks_built = time.perf_counter() - started
        raw_times, raw_figures = product("raw", runs=RUNS)
        pages = {role: page_times(user, url) for role, (user, url) in page_readers().items()}
    duck_best, pre_best, raw_best = min(duck_times), min(pre_times), min(raw_times)
    table_best = min(table_times)
    same = pre_figures == raw_figures == table_figures == duck_figures
    total = sum(f[2] + f[3] + f[4] for f in pre_figures)
    print()
    print(f"answers                                   {args.answers:>12,}")
    print(f"answers counted (NPS)                     {total:>12,}")
    print(f"daily aggregate rows (day×team×staff×ch.) {day_rows:>12,}")
    print(f"daily aggregate rows (day×team)           {team_day_rows:>12,}")
    print(f"teams × months                            {len(pre_figures):>12,}")
    print(f"DuckDB (Parquet), best of {RUNS}              {duck_best * 1000:>10.1f} ms")
    print(f"report_rows from the aggregate, best      {pre_best * 1000:>10.1f} ms")
    print(
        f"report_rows from the aggregate, median    {statistics.median(pre_times) * 1000:>10.1f} ms"
    )
    print(f"raw path, answers' table only, best of {RAW_RUNS}  {table_best * 1000:>10.1f} ms")
    print(f"column-wise copies: {chunks:,} days built in".ljust(42) + f"{chunks_built:>10.1f} s")
    print(f"raw path from the copies, best of {RUNS}       {raw_best * 1000:>10.1f} ms")
    print(
        f"raw path from the copies, median          {statistics.median(raw_times) * 1000:>10.1f} ms"
    )
    print(f"aggregate / DuckDB                        {pre_best / duck_best:>12.3f}  (goal ≤ 0.05)")
    print(f"raw (table only) / DuckDB                 {table_best / duck_best:>12.2f}")
    print(f"raw (copies) / DuckDB                     {raw_best / duck_best:>12.2f}  (goal ≤ 2)")
    for role, (first_page, renders, page_queries) in pages.items():
        print(
            f"results page ({role}), p95 of {PAGE_RENDERS} renders".ljust(60)
            + f"{p95(renders) * 1000:>10.1f} ms  (median {statistics.median(renders) * 1000:.1f}"
            f" ms, {page_queries} queries; goal ≤ 150)"
        )
        print(
            f"results page ({role}), first render".ljust(60)
            + f"{first_page * 1000:>10.1f} ms  (not in the p95)"
        )
    print(f"same figures in all four                  {'yes' if same else 'NO':>12}")
    # Another process busy on the same two cores shows here.
    print(
        "load average (1, 5, 15 min) at start "
        + ", ".join(f"{x:.2f}" for x in load_before)
        + ", at end "
        + ", ".join(f"{x:.2f}" for x in os.getloadavg())
    )
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
