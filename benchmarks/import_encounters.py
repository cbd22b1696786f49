"""Benchmark: `kohtaamo import encounters` against PostgreSQL's own COPY.

    python benchmarks/import_encounters.py [--rows 1000000] [--database-url URL]

Generates N encounters as CSV in a temporary folder, creates a database of its
own (dropped and created again; default kohtaamo_bench), migrates it, records
the staff, teams and customers the rows name, and then, in the same run:

1. imports the file with `kohtaamo import encounters FILE --timings` in a subprocess,
   measuring its wall time and peak memory (RSS);
2. imports the same file again (every row unchanged);
3. loads the same file with COPY into a plain table of the same columns,
   with no key, index or constraint.

It prints rows per second of each, the ratio of the import to the plain COPY,
and the import's peak memory. The goal is a ratio of at least 0.2 with the
schema's unique keys and foreign keys in force, in under 300 MB at any N.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo

import psycopg

HELSINKI = ZoneInfo("Europe/Helsinki")
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/kohtaamo_bench"
TEAMS = 12
STAFF = 60
CUSTOMERS = 50_000
CHANNELS = ["phone"] * 5 + ["chat"] * 3 + ["email"] * 3 + ["in_person"] * 2 + ["social", "other"]
TOPICS = [
    "Laskun eräpäivä",
    "Varauksen muutos",
    "Huoneen siivous",
    "Aamiaisen allergiat",
    "Pysäköinti",
    "Kanta-asiakasedut",
    "Myöhäinen uloskirjautuminen",
    "Kadonnut tavara",
    "Hyvityspyyntö",
    "Kokoustilan varaus",
]
OUTCOMES = [
    "Ratkaistu",
    "Ratkaistu",
    "Ratkaistu",
    "Siirretty esihenkilölle",
    "Soitetaan takaisin",
    "",
]
COLUMNS = [
    "source",
    "external_id",
    "channel",
    "started_at",
    "ended_at",
    "staff_email",
    "team",
    "customer_external_id",
    "topic",
    "outcome",
]

SETUP = """
from kohtaamo.encounters.models import Customer
from kohtaamo.org.services import person_create, team_create, unit_create

region = unit_create(name="Etelä-Suomi", code="etela")
hotels = [unit_create(name=f"Hotelli {{n}}", code=f"hotelli-{{n}}", parent=region) for n in range(4)]
for n in range({teams}):
    team_create(name=f"Tiimi {{n}}", code=f"tiimi-{{n}}", unit=hotels[n % len(hotels)])
for n in range({staff}):
    person_create(email=f"palvelu{{n}}@example.fi", first_name="Palvelu", last_name=str(n))
Customer.objects.bulk_create(
    (Customer(external_id=f"CRM-{{n:06d}}", name=f"Asiakas {{n}}") for n in range({customers})),
    batch_size=5000,
)
"""


def generate_csv(path: Path, rows: int, seed: int) -> None:
    """Encounters of one year in time order, as a helpdesk exports them:
    Helsinki time with its UTC offset."""
    rng = random.Random(seed)
    start = datetime(2025, 1, 1, 6, 0, tzinfo=UTC)
    step = timedelta(days=365) / max(rows, 1)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for n in range(rows):
            started = start + step * n
            ended = started + timedelta(seconds=rng.randint(60, 1800))
            customer = f"CRM-{rng.randrange(CUSTOMERS):06d}" if rng.random() < 0.8 else ""
            writer.writerow(
                [
                    "helpdesk",
                    f"HD-{n:08d}",
                    rng.choice(CHANNELS),
                    started.astimezone(HELSINKI).isoformat(timespec="seconds"),
                    ended.astimezone(HELSINKI).isoformat(timespec="seconds"),
                    f"palvelu{rng.randrange(STAFF)}@example.fi",
                    f"tiimi-{rng.randrange(TEAMS)}",
                    customer,
                    rng.choice(TOPICS),
                    rng.choice(OUTCOMES),
                ]
            )


def recreate_database(url: str) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def kohtaamo(args: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Run `kohtaamo ARGS`; returns (seconds, peak RSS in MB, exit status)."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "kohtaamo.cli", *args], env=env)
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    return seconds, usage.ru_maxrss / 1024, process.returncode  # ru_maxrss is in KiB on Linux


def copy_plain(url: str, path: Path) -> float:
    """Seconds to COPY the file into a plain table of the same columns."""
    with psycopg.connect(url) as conn:
        conn.execute("DROP TABLE IF EXISTS bench_plain_copy")
        conn.execute(
            "CREATE TABLE bench_plain_copy (source text, external_id text, channel text, "
            "started_at timestamptz, ended_at timestamptz, staff_email text, team text, "
            "customer_external_id text, topic text, outcome text)"
        )
        conn.commit()
        started = time.perf_counter()
        with conn.cursor() as cursor, path.open("rb") as handle:
            sql = "COPY bench_plain_copy FROM STDIN WITH (FORMAT csv, HEADER true)"
            with cursor.copy(sql) as copy:
                while chunk := handle.read(1 << 20):
                    copy.write(chunk)
        conn.commit()
        return time.perf_counter() - started


def count_encounters(url: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT count(*) FROM encounters_encounter").fetchone()
        return int(row[0]) if row else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument(
        "--database-url", default=os.environ.get("KOHTAAMO_BENCH_DATABASE_URL", DEFAULT_URL)
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kohtaamo-bench-") as folder:
        data = Path(folder)
        csv_path = data / "encounters.csv"
        print(f"Generating {args.rows:,} encounters …", flush=True)
        generate_csv(csv_path, args.rows, args.seed)
        size_mb = csv_path.stat().st_size / 1e6
        print(f"  {csv_path.name}: {size_mb:,.0f} MB", flush=True)

        env = {
            **os.environ,
            "KOHTAAMO_DATA_DIR": str(data),
            "KOHTAAMO_DATABASE_URL": args.database_url,
            "DJANGO_SETTINGS_MODULE": "kohtaamo.settings",
        }
        recreate_database(args.database_url)
        subprocess.run(
            [sys.executable, "-m", "kohtaamo.cli", "manage", "migrate", "-v0"], env=env, check=True
        )
        setup = SETUP.format(teams=TEAMS, staff=STAFF, customers=CUSTOMERS)
        subprocess.run(
            [sys.executable, "-c", f"import django; django.setup()\n{setup}"], env=env, check=True
        )

        print("kohtaamo import (new rows) …", flush=True)
        seconds, peak_mb, status = kohtaamo(
            ["import", "encounters", str(csv_path), "--quiet", "--timings"], env
        )
        stored = count_encounters(args.database_url)
        if status != 0 or stored != args.rows:
            print(f"import failed: exit status {status}, {stored:,} rows stored", file=sys.stderr)
            return 1
        print("kohtaamo import (same file again) …", flush=True)
        again, again_mb, status = kohtaamo(["import", "encounters", str(csv_path), "--quiet"], env)
        if status != 0 or count_encounters(args.database_url) != args.rows:
            print("re-import failed", file=sys.stderr)
            return 1
        print("COPY into a plain table …", flush=True)
        plain = copy_plain(args.database_url, csv_path)

    import_rate = args.rows / seconds
    copy_rate = args.rows / plain
    print()
    print(f"rows                         {args.rows:>12,}")
    print(f"kohtaamo import              {import_rate:>12,.0f} rows/s  ({seconds:.1f} s)")
    print(f"kohtaamo import, unchanged   {args.rows / again:>12,.0f} rows/s  ({again:.1f} s)")
    print(f"COPY into a plain table      {copy_rate:>12,.0f} rows/s  ({plain:.1f} s)")
    print(f"ratio import / COPY          {import_rate / copy_rate:>12.3f}")
    print(f"import peak memory           {max(peak_mb, again_mb):>12.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
