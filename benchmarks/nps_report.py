"""Benchmark: the NPS report by team × month over N survey answers.

    python benchmarks/nps_report.py [--answers 100000] [--database-url URL]

Creates a PostgreSQL database of its own (dropped and created again; default
kohtaamo_bench_nps), migrates it, and builds an organisation of 12 teams and
60 staff with N encounters over one year, each answered once (an invitation
and a response, as the survey stores them). Then, in the same run, it times

1. the product's report path (`insights.selectors.report_rows`, the function
   behind the results page, the API and the command line): best and median
   of several runs, in one process;
2. `kohtaamo report nps --by team --period month --format json` as a person
   runs it (a new process, Django start-up included);
3. the same counts by a hand-written SQL GROUP BY, for scale.

It checks that 1 and 3 give the same counts and prints the times.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/kohtaamo_bench_nps"
RUNS = 7
REPORT_ARGS = ("report", "nps", "--by", "team", "--period", "month", "--format", "json")

BUILD = """
import random, secrets
from datetime import UTC, datetime, timedelta
from kohtaamo.encounters.models import Customer, Encounter
from kohtaamo.feedback.models import Invitation, Response, Survey
from kohtaamo.feedback.services import response_copies
from kohtaamo.insights.aggregates import answer_days_rebuild
from kohtaamo.org.services import person_create, team_create, unit_create

rng = random.Random(1)
answers = {answers}
region = unit_create(name="Etelä-Suomi", code="etela")
hotels = [unit_create(name=f"Hotelli {{n}}", code=f"hotelli-{{n}}", parent=region) for n in range(4)]
teams = [team_create(name=f"Tiimi {{n}}", code=f"tiimi-{{n:02d}}", unit=hotels[n % 4]) for n in range(12)]
staff = [person_create(email=f"palvelu{{n}}@example.fi", first_name="Palvelu", last_name=str(n)) for n in range(60)]
Customer.objects.bulk_create((Customer(external_id=f"CRM-{{n:06d}}") for n in range(20000)), batch_size=5000)
customers = list(Customer.objects.values_list("pk", flat=True))
survey = Survey.objects.create(name="Kysely")
# In UTC: adding to a Helsinki time is wall-clock arithmetic, which breaks at DST.
start = datetime(2025, 1, 1, 4, tzinfo=UTC)
step = timedelta(days=365) / answers
channels = ["phone", "chat", "email", "in_person", "social"]
batch = 10000
for first in range(0, answers, batch):
    encounters = []
    for n in range(first, min(first + batch, answers)):
        team = rng.randrange(12)
        started = start + step * n
        encounters.append(Encounter(source="bench", external_id=f"B-{{n:08d}}", channel=rng.choice(channels),
            started_at=started, ended_at=started + timedelta(minutes=8), staff=staff[rng.randrange(60)],
            team=teams[team], customer_id=rng.choice(customers)))
    Encounter.objects.bulk_create(encounters, batch_size=5000)
    invitations = [Invitation(survey=survey, encounter=e, customer_id=e.customer_id, language="fi",
        token_hash=secrets.token_hex(32), status="answered", created_at=e.ended_at,
        expires_at=e.ended_at + timedelta(days=14), answered_at=e.ended_at + timedelta(hours=3))
        for e in encounters]
    Invitation.objects.bulk_create(invitations, batch_size=5000)
    responses = []
    for invitation in invitations:
        tilt = (invitation.encounter.team_id % 5) * 0.04
        draw = rng.random()
        nps = rng.choice((9, 10)) if draw < 0.45 + tilt else rng.choice((7, 8)) if draw < 0.8 else rng.randrange(7)
        responses.append(Response(invitation=invitation, nps=nps, csat=rng.randint(1, 5),
            ces=rng.randint(1, 7), language="fi", answered_at=invitation.answered_at,
            **response_copies(encounter=invitation.encounter, answered_at=invitation.answered_at)))
    Response.objects.bulk_create(responses, batch_size=5000)
# `kohtaamo report nps` reads the daily aggregates, as every writer keeps them.
answer_days_rebuild()
"""

MEASURE = """
import json, statistics, time
from kohtaamo.feedback.models import Response
from kohtaamo.insights.selectors import report_rows

times = []
for _ in range({runs}):
    started = time.perf_counter()
    rows = report_rows(responses=Response.objects.all(), by="team", period="month")
    times.append(time.perf_counter() - started)
counts = sorted((r.group, r.period.isoformat(), r.figures.nps.promoters, r.figures.nps.passives,
    r.figures.nps.detractors) for r in rows)
print(json.dumps({{"best": min(times), "median": statistics.median(times), "rows": len(rows),
    "counts": counts}}))
"""

PLAIN_SQL = """
SELECT t.code, (date_trunc('month', r.answered_at AT TIME ZONE 'Europe/Helsinki'))::date,
       count(*) FILTER (WHERE r.nps >= 9), count(*) FILTER (WHERE r.nps BETWEEN 7 AND 8),
       count(*) FILTER (WHERE r.nps <= 6)
FROM feedback_response r
JOIN feedback_invitation i ON i.id = r.invitation_id
JOIN encounters_encounter e ON e.id = i.encounter_id
JOIN org_team t ON t.id = e.team_id
GROUP BY 1, 2
"""


def recreate_database(url: str) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def django_script(code: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{code}"],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.stderr.write(done.stderr)
        raise SystemExit(done.returncode)
    return done.stdout


def plain_group_by(url: str) -> tuple[float, list[tuple[str, str, int, int, int]]]:
    with psycopg.connect(url) as conn:
        started = time.perf_counter()
        rows = conn.execute(PLAIN_SQL).fetchall()
        seconds = time.perf_counter() - started
    return seconds, sorted((code, day.isoformat(), p, n, d) for code, day, p, n, d in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument(
        "--database-url", default=os.environ.get("KOHTAAMO_BENCH_DATABASE_URL", DEFAULT_URL)
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kohtaamo-bench-") as folder:
        env = {
            **os.environ,
            "KOHTAAMO_DATA_DIR": str(Path(folder)),
            "KOHTAAMO_DATABASE_URL": args.database_url,
            "DJANGO_SETTINGS_MODULE": "kohtaamo.settings",
        }
        recreate_database(args.database_url)
        subprocess.run(
            [sys.executable, "-m", "kohtaamo.cli", "manage", "migrate", "-v0"], env=env, check=True
        )
        print(f"Building {args.answers:,} answers …", flush=True)
        started = time.perf_counter()
        django_script(BUILD.format(answers=args.answers), env)
        print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)
        with psycopg.connect(args.database_url, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")
        measured = json.loads(django_script(MEASURE.format(runs=RUNS), env))
        started = time.perf_counter()
        cli = subprocess.run(
            [sys.executable, "-m", "kohtaamo.cli", *REPORT_ARGS],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        cli_seconds = time.perf_counter() - started
        records = json.loads(cli.stdout)
        plain_seconds, plain_counts = plain_group_by(args.database_url)
    product_counts = [tuple(row) for row in measured["counts"]]
    same = product_counts == plain_counts and sum(r["n"] for r in records) == args.answers
    print()
    print(f"answers                                 {args.answers:>10,}")
    print(f"groups × months                         {measured['rows']:>10,}")
    print(f"report_rows, team × month, best         {measured['best'] * 1000:>10.0f} ms")
    print(f"report_rows, team × month, median       {measured['median'] * 1000:>10.0f} ms")
    print(f"kohtaamo report nps (new process)       {cli_seconds * 1000:>10.0f} ms")
    print(f"plain SQL GROUP BY (counts only)        {plain_seconds * 1000:>10.0f} ms")
    print(f"same counts as the plain GROUP BY       {'yes' if same else 'NO':>10}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
