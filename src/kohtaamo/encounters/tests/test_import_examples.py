"""The example files of the README import cleanly, customers first."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from kohtaamo.encounters import services
from kohtaamo.encounters.models import Customer, Encounter, ImportKind
from kohtaamo.testing.factories import TeamFactory, UserFactory

EXAMPLES = Path(__file__).resolve().parents[4] / "examples"


def _people_and_teams() -> tuple[set[str], set[str]]:
    with (EXAMPLES / "encounters.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with (EXAMPLES / "encounters.jsonl").open(encoding="utf-8") as handle:
        rows += [json.loads(line) for line in handle if line.strip()]
    return {r["staff_email"] for r in rows}, {r["team"] for r in rows}


@pytest.mark.django_db
def test_the_example_files_import_without_errors() -> None:
    # Given the staff and teams the examples name (as in `kohtaamo demo`)
    emails, codes = _people_and_teams()
    for email in emails:
        UserFactory(email=email)
    for code in codes:
        TeamFactory(code=code)

    # When the three files are imported in the README's order
    results = [
        services.file_import(kind=ImportKind.CUSTOMERS, path=EXAMPLES / "customers.csv"),
        services.file_import(kind=ImportKind.ENCOUNTERS, path=EXAMPLES / "encounters.csv"),
        services.file_import(kind=ImportKind.ENCOUNTERS, path=EXAMPLES / "encounters.jsonl"),
    ]

    # Then every row is in
    assert [(r.written, r.created, r.error_count) for r in results] == [
        (True, 6, 0),
        (True, 7, 0),
        (True, 3, 0),
    ]
    assert Customer.objects.count() == 6
    assert Encounter.objects.filter(has_transcript=True).count() == 2
