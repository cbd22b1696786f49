"""`kohtaamo import` run as a real command, in a subprocess, on the test database."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
from pathlib import Path

import pytest
from django.db import connection
from django.utils import translation

from kohtaamo.conftest import Cast
from kohtaamo.encounters.importing import messages, postgres
from kohtaamo.encounters.models import Encounter
from kohtaamo.encounters.tests.import_support import (
    customer_row,
    encounter_row,
    many_encounter_rows,
    write_csv,
    write_customers_csv,
)
from kohtaamo.encounters.tests.test_import_postgres_bulk import schema
from kohtaamo.testing.subprocesses import kohtaamo_command, subprocess_env

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def run_import(*args: str, language: str = "en") -> subprocess.CompletedProcess[str]:
    env = {**subprocess_env(), "LANGUAGE": language}
    return subprocess.run(
        kohtaamo_command("import", *args), env=env, capture_output=True, text=True, timeout=120
    )


def test_the_command_imports_a_file_and_says_what_it_did(cast: Cast, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "e.csv", [encounter_row(external_id="Z-1"), encounter_row(external_id="Z-2")]
    )

    done = run_import("encounters", str(path), "--quiet")

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2 rows read: 2 new, 0 updated, 0 unchanged."
    assert sorted(Encounter.objects.values_list("external_id", flat=True)) == ["Z-1", "Z-2"]


def test_timings_say_where_the_import_spent_its_time(cast: Cast, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "e.csv", [encounter_row(external_id=f"T-{n}") for n in range(3)])

    done = run_import("encounters", str(path), "--quiet", "--timings", language="fi")

    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert lines[0] == "Aika vaiheittain:"
    phases = [line.strip().rsplit(": ", 1)[0] for line in lines[1:]]
    assert phases == [
        "rivien luku ja tarkistus",
        "toistuvien tunnisteiden haku",
        "jo tallennettujen rivien haku",
        "muuttuneiden rivien päivitys",
        "uusien rivien lisäys",
        "litteraatit, indeksit ja avaimet",
    ]
    seconds = [line.rsplit(": ", 1)[1] for line in lines[1:]]
    assert all(s.endswith(" s") and float(s[:-2].replace(",", ".")) >= 0 for s in seconds)
    assert all("," in s for s in seconds)  # Finnish decimal comma


def test_the_command_lists_errors_writes_nothing_and_exits_1(cast: Cast, tmp_path: Path) -> None:
    rows = [encounter_row(external_id="Z-1"), encounter_row(external_id="Z-2", team="tuntematon")]
    path = write_csv(tmp_path / "e.csv", rows)

    done = run_import("encounters", str(path), "--quiet")

    assert done.returncode == 1
    assert done.stderr.splitlines() == ["Row 3, team: No team has this code."]
    assert Encounter.objects.count() == 0


def test_partial_writes_the_good_rows_and_exits_2(cast: Cast, tmp_path: Path) -> None:
    rows = [encounter_row(external_id="Z-1"), encounter_row(external_id="Z-2", channel="fax")]
    path = write_csv(tmp_path / "e.csv", rows)

    done = run_import("encounters", str(path), "--partial", "--quiet")

    assert done.returncode == 2
    assert list(Encounter.objects.values_list("external_id", flat=True)) == ["Z-1"]


def test_dry_run_exits_0_and_writes_nothing(cast: Cast, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "e.csv", [encounter_row()])

    done = run_import("encounters", str(path), "--dry-run", "--quiet")

    assert done.returncode == 0
    assert done.stdout.strip() == "Dry run: 1 of 1 rows is valid. Nothing was written."
    assert Encounter.objects.count() == 0


def test_a_latin1_file_is_refused_with_the_encoding_message(cast: Cast, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "e.csv", [encounter_row(topic="Käynti")], encoding="latin-1")

    done = run_import("encounters", str(path), "--quiet")

    assert done.returncode == 1
    with translation.override("en"):
        assert done.stderr.strip() == str(messages.ERROR_NOT_UTF8) % {"line": 2}
    assert Encounter.objects.count() == 0


def test_the_command_imports_customers(tmp_path: Path) -> None:
    path = write_customers_csv(tmp_path / "c.csv", [customer_row()])

    done = run_import("customers", str(path), "--quiet")

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1 row read: 1 new, 0 updated, 0 unchanged."


def test_the_progress_bar_speaks_the_users_language(cast: Cast, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "e.csv", [encounter_row(external_id="P-1")])
    done = run_import("encounters", str(path), language="fi")
    assert done.returncode == 0
    assert "Luetaan" in done.stderr
    assert "riviä" in done.stderr
    assert " rows" not in done.stderr


ROWS = 40_000


@pytest.mark.parametrize("phase", ["Reading", "Writing"])
def test_an_import_killed_half_way_can_be_run_again(cast: Cast, tmp_path: Path, phase: str) -> None:
    # Given the first half of a file already imported
    rows = many_encounter_rows(ROWS)
    write_csv(tmp_path / "half.csv", rows[: ROWS // 2])
    assert run_import("encounters", str(tmp_path / "half.csv"), "--quiet").returncode == 0
    path = write_csv(tmp_path / "all.csv", rows)

    # When the import of the whole file is killed with SIGKILL half-way
    env = {**subprocess_env(), "LANGUAGE": "en"}
    process = subprocess.Popen(
        kohtaamo_command("import", "encounters", str(path)), env=env, stderr=subprocess.PIPE
    )
    seen = threading.Event()
    watcher = threading.Thread(target=_watch_for, args=(process, phase.encode(), seen))
    watcher.start()
    assert seen.wait(timeout=120), f"the import never reached {phase}"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    watcher.join(timeout=30)

    # Then it was killed before it finished, and left nothing half-written
    assert process.returncode == -signal.SIGKILL
    assert Encounter.objects.count() == ROWS // 2

    # When it is run again, then every row is there exactly once
    assert run_import("encounters", str(path), "--quiet").returncode == 0
    assert Encounter.objects.count() == ROWS
    assert Encounter.objects.values("source", "external_id").distinct().count() == ROWS


# A file big enough for the direct way (postgres.DIRECT_MIN_BYTES).
DIRECT_ROWS = 120_000


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the direct way is PostgreSQL's only")
def test_a_direct_import_killed_half_way_leaves_the_table_and_its_indexes_as_they_were(
    cast: Cast, tmp_path: Path
) -> None:
    # Given a file that goes the direct way, which drops the foreign keys and
    # the index by customer until its end
    path = write_csv(tmp_path / "big.csv", many_encounter_rows(DIRECT_ROWS, prefix="KILL"))
    assert path.stat().st_size >= postgres.DIRECT_MIN_BYTES
    before = schema()

    # When the import is killed with SIGKILL while it sends rows
    env = {**subprocess_env(), "LANGUAGE": "en"}
    process = subprocess.Popen(
        kohtaamo_command("import", "encounters", str(path)), env=env, stderr=subprocess.PIPE
    )
    seen = threading.Event()
    watcher = threading.Thread(target=_watch_for, args=(process, b"Reading", seen))
    watcher.start()
    assert seen.wait(timeout=120), "the import never started reading"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    watcher.join(timeout=30)

    # Then nothing was written, and every key and index is there again
    assert process.returncode == -signal.SIGKILL
    assert Encounter.objects.count() == 0
    assert schema() == before

    # And run again, it goes the direct way and stores every row once
    done = run_import("encounters", str(path), "--quiet", "--timings")
    assert done.returncode == 0, done.stderr
    assert "reading, checking and writing the rows" in done.stderr
    assert Encounter.objects.count() == DIRECT_ROWS
    assert schema() == before


def _watch_for(process: subprocess.Popen[bytes], marker: bytes, seen: threading.Event) -> None:
    """Read the progress bar's output until the marker shows, then drain it."""
    assert process.stderr is not None
    output = b""
    while chunk := os.read(process.stderr.fileno(), 4096):
        output += chunk
        if marker in output and b"rows" in output.split(marker)[-1]:
            seen.set()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fi", "12\xa0345 riviä luettu: uusia 12\xa0000, päivitettyjä 345, ennallaan 0."),
        ("en", "12,345 rows read: 12,000 new, 345 updated, 0 unchanged."),
    ],
)
def test_the_summary_groups_big_numbers_as_the_language_does(language: str, expected: str) -> None:
    from django.utils import translation

    from kohtaamo.encounters.importing.errors import ImportResult

    result = ImportResult(rows_read=12_345, created=12_000, updated=345, written=True)
    with translation.override(language):
        assert result.summary() == expected
