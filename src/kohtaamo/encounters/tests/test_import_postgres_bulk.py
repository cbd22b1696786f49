"""The bulk path of a big import on PostgreSQL (importing/postgres.py): foreign
keys checked once and secondary indexes built once, inside the write
transaction, with the schema exactly as before at the end."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from kohtaamo.conftest import Cast
from kohtaamo.encounters import services
from kohtaamo.encounters.importing import messages, postgres
from kohtaamo.encounters.importing.runner import Progress
from kohtaamo.encounters.models import Encounter, TranscriptTurn
from kohtaamo.encounters.tests.import_support import as_csv_rows, encounter_row
from kohtaamo.testing.factories import UserFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the bulk path is PostgreSQL's only"
    ),
]

TABLES = (Encounter._meta.db_table, TranscriptTurn._meta.db_table)


def schema() -> list[tuple[str, str, str]]:
    """Every constraint and index of the encounter and turn tables, as
    PostgreSQL itself would write them."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE conrelid = ANY(%s::regclass[]) "
            "UNION ALL "
            "SELECT indrelid::regclass::text, indexrelid::regclass::text, "
            "pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = ANY(%s::regclass[]) "
            "ORDER BY 1, 2, 3",
            [list(TABLES), list(TABLES)],
        )
        return cursor.fetchall()


def rows_with_transcripts(count: int, prefix: str = "Z") -> list[dict[str, Any]]:
    turns = [
        {"speaker": "customer", "text": "Hei, laskuni eräpäivä meni jo.", "at": ""},
        {"speaker": "staff", "text": "Katsotaan, siirrän sitä viikolla.", "at": ""},
    ]
    return [encounter_row(external_id=f"{prefix}-{n}", transcript=turns) for n in range(count)]


def test_a_big_import_leaves_every_key_and_index_as_it_was(
    cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given an import big enough for the bulk path, into an empty table
    monkeypatch.setattr(postgres, "BULK_ROWS", 2)
    before = schema()

    # When it is written
    result = services.encounters_import(rows=as_csv_rows(rows_with_transcripts(3)))

    # Then the rows are there, and so is every constraint and index, unchanged
    assert (result.written, result.created, result.error_count) == (True, 3, 0)
    assert TranscriptTurn.objects.count() == 6
    assert schema() == before
    assert len([name for _table, name, definition in before if "FOREIGN KEY" in definition]) == 4


@pytest.mark.parametrize("bulk_rows", [2, 1_000_000], ids=["bulk", "row by row"])
def test_a_person_removed_while_the_import_writes_refuses_the_whole_import(
    cast: Cast, monkeypatch: pytest.MonkeyPatch, bulk_rows: int
) -> None:
    # Given rows of Veera and Aino, and Veera's account removed just before
    # the write transaction starts (another admin, at the worst moment)
    monkeypatch.setattr(postgres, "BULK_ROWS", bulk_rows)
    veera = UserFactory(first_name="Veera", last_name="Virtanen", email="veera@example.fi")
    rows = [
        encounter_row(external_id="Z-1"),
        encounter_row(external_id="Z-2", staff_email="veera@example.fi"),
        encounter_row(external_id="Z-3"),
    ]
    before = schema()

    def remove_veera(progress: Progress) -> None:
        if progress.phase == "writing" and progress.rows_written == 0:
            # In SQL, as another program would; she has nothing else to remove.
            with connection.cursor() as cursor:
                cursor.execute(
                    f"DELETE FROM {type(veera)._meta.db_table} WHERE id = %s", [veera.pk]
                )

    # When the import writes
    result = services.encounters_import(rows=as_csv_rows(rows), progress=remove_veera)

    # Then the database refuses it whole: nothing written, the schema intact
    assert result.written is False
    assert result.file_error == str(messages.ERROR_WRITE_CONFLICT)
    assert Encounter.objects.count() == 0
    assert schema() == before


def foreign_keys(table: str) -> list[int]:
    """The ids of a table's foreign keys: one added again has a new one."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT oid FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'f' "
            "ORDER BY oid",
            [table],
        )
        return [int(oid) for (oid,) in cursor.fetchall()]


def keys_around_a_bulk_import_of_two() -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """The tables' foreign keys before and after two new encounters with
    their four turns are written, which leaves the schema as it was."""
    before_keys, before = {table: foreign_keys(table) for table in TABLES}, schema()
    result = services.encounters_import(rows=as_csv_rows(rows_with_transcripts(2, prefix="N")))
    assert (result.created, result.error_count) == (2, 0)
    assert schema() == before
    return before_keys, {table: foreign_keys(table) for table in TABLES}


def test_a_big_import_into_a_table_many_times_its_size_keeps_the_foreign_keys(
    cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a bulk-sized import (two rows and four turns here) and tables
    # that hold more than twenty times as many rows and turns already
    monkeypatch.setattr(postgres, "BULK_ROWS", 2)
    stored = [encounter_row(external_id=f"S-{n}") for n in range(41)]
    assert services.encounters_import(rows=as_csv_rows(stored)).created == 41
    services.encounters_import(rows=as_csv_rows(rows_with_transcripts(41)))

    # When two new encounters with their transcripts are written
    before, after = keys_around_a_bulk_import_of_two()

    # Then the keys checked each new row as it came and were never dropped
    assert after == before


def test_a_big_import_into_a_table_of_few_rows_checks_the_keys_once_at_the_end(
    cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postgres, "BULK_ROWS", 2)
    services.encounters_import(rows=as_csv_rows(rows_with_transcripts(3)))

    before, after = keys_around_a_bulk_import_of_two()

    # Dropped and added again: the same definitions under new ids
    for table in TABLES:
        assert after[table] != before[table]
