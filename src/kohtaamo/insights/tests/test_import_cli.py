"""`kohtaamo import responses` run as a real command, in a subprocess."""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kohtaamo.conftest import Cast
from kohtaamo.feedback.models import Response
from kohtaamo.testing.factories import EncounterFactory
from kohtaamo.testing.subprocesses import kohtaamo_command, subprocess_env

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]
HEADER = "encounter_source,encounter_external_id,answered_at,nps,csat,ces,comment\n"


def run_import(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**subprocess_env(), "LANGUAGE": "en"}
    return subprocess.run(
        kohtaamo_command("import", "responses", *args),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_command_imports_answers_and_a_second_run_changes_nothing(
    cast: Cast, tmp_path: Path
) -> None:
    EncounterFactory(
        source="crm",
        external_id="A-1",
        staff=cast.agent,
        team=cast.team,
        started_at=datetime(2026, 3, 1, 9, tzinfo=ZoneInfo("Europe/Helsinki")),
    )
    path = tmp_path / "r.csv"
    path.write_text(HEADER + "crm,A-1,2026-03-01T15:00:00+02:00,9,5,6,Kiitos\n", encoding="utf-8")

    first = run_import(str(path))
    second = run_import(str(path))

    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "1 row read: 1 new, 0 updated, 0 unchanged."
    assert second.stdout.strip() == "1 row read: 0 new, 0 updated, 1 unchanged."
    assert Response.objects.count() == 1


def test_the_command_lists_errors_and_exits_1(cast: Cast, tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(HEADER + "crm,NOPE,2026-03-01T15:00:00+02:00,9,,,\n", encoding="utf-8")

    done = run_import(str(path))

    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "Row 2, encounter_external_id: No encounter has this source and external id; "
        "import the encounters first."
    ]
    assert Response.objects.count() == 0
