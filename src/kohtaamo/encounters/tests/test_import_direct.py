"""The direct way of a big CSV import on PostgreSQL (postgres.DirectWrite):
rows of new keys go by COPY straight into the table, and anything else falls
back to the staged import, which then reports and writes exactly as always."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.utils import translation

from kohtaamo.conftest import Cast
from kohtaamo.encounters import services
from kohtaamo.encounters.importing import cli, customer_lookup, messages, postgres, runner
from kohtaamo.encounters.importing.errors import ImportResult
from kohtaamo.encounters.models import Encounter
from kohtaamo.encounters.tests.import_support import encounter_row, write_csv
from kohtaamo.encounters.tests.test_import_postgres_bulk import foreign_keys as table_foreign_keys
from kohtaamo.encounters.tests.test_import_postgres_bulk import schema
from kohtaamo.testing.factories import CustomerFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the direct way is PostgreSQL's only"
    ),
]

# Everything the import writes into an encounter, in a fixed order.
STORED = (
    "source",
    "external_id",
    "channel",
    "started_at",
    "ended_at",
    "staff_id",
    "team_id",
    "customer_id",
    "topic",
    "outcome",
    "has_transcript",
)


@pytest.fixture(autouse=True)
def small_files_go_direct(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postgres, "DIRECT_MIN_BYTES", 0)
    # Batches of two rows, so that a file of a few rows has several.
    monkeypatch.setattr(runner, "READ_BATCH", 2)


def varied_rows(cast: Cast, count: int = 7, prefix: str = "D") -> list[dict[str, Any]]:
    """Rows that use every optional column's default and both kinds of time."""
    customer = CustomerFactory(external_id="CRM-77")
    rows = []
    for n in range(count):
        row = encounter_row(external_id=f"{prefix}-{n}")
        if n % 2:
            row.update(topic="", outcome="", ended_at="")
        if n % 3 == 0:
            row.update(customer_external_id=customer.external_id)
        if n == 4:
            # A naive time is read in the organisation's zone.
            row.update(started_at="2025-06-01T10:00:00", ended_at="2025-06-01 10:20")
        if n == 5:
            row.update(staff_email=cast.lead.email.upper(), team=" hki-vastaanotto ")
        rows.append(row)
    return rows


def stored() -> list[tuple[Any, ...]]:
    return list(Encounter.objects.order_by("external_id").values_list(*STORED))


def import_file(path: Path, **options: Any) -> ImportResult:
    return services.file_import(kind="encounters", path=path, direct=True, **options)


def phases(result: ImportResult) -> list[str]:
    return [phase for phase, _seconds in result.timings]


def test_new_rows_go_straight_in_and_are_stored_as_the_staged_import_stores_them(
    cast: Cast, tmp_path: Path
) -> None:
    # Given a file of new rows that leaves optional columns empty
    path = write_csv(tmp_path / "e.csv", varied_rows(cast))
    before = schema()

    # When it is imported the direct way, and then (into an empty table) staged
    direct = import_file(path)
    by_direct = stored()
    Encounter.objects.all().delete()
    staged = services.file_import(kind="encounters", path=path)

    # Then the direct way wrote them, every value as the staged import does
    assert phases(direct) == ["direct", "finish"]
    assert "direct" not in phases(staged)
    assert (direct.written, direct.created, direct.error_count) == (True, 7, 0)
    assert (staged.created, staged.summary()) == (7, direct.summary())
    assert by_direct == stored()
    assert {row[8] for row in by_direct} == {"", "Laskun eräpäivä"}
    # and the table has every key and index it had
    assert schema() == before


def customer_index() -> int:
    """The id of the index by customer: one built again has a new one."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.indexrelid FROM pg_index i JOIN pg_attribute a "
            "ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] "
            "WHERE i.indrelid = 'encounters_encounter'::regclass AND a.attname = 'customer_id'"
        )
        (oid,) = cursor.fetchone()
    return int(oid)


def foreign_keys() -> list[int]:
    """The ids of the encounter table's foreign keys: one added again has a new one."""
    return table_foreign_keys(Encounter._meta.db_table)


def test_a_table_many_times_bigger_than_the_file_keeps_its_foreign_keys(
    cast: Cast, tmp_path: Path
) -> None:
    # Given a table that holds more than twenty times the rows of the next
    # file (which its first batch of two puts at two rows)
    stored = [encounter_row(external_id=f"S-{n}") for n in range(41)]
    import_file(write_csv(tmp_path / "stored.csv", stored))
    keys, before = foreign_keys(), schema()

    # When a file of two new rows goes the direct way
    rows = [encounter_row(external_id=f"N-{n}") for n in range(2)]
    result = import_file(write_csv(tmp_path / "next.csv", rows))

    # Then its foreign keys checked each new row and were never dropped
    assert (result.created, phases(result)) == (2, ["direct", "finish"])
    assert foreign_keys() == keys
    assert schema() == before
    assert Encounter.objects.count() == 43


def test_into_an_empty_table_the_index_by_customer_is_built_at_the_end(
    cast: Cast, tmp_path: Path
) -> None:
    before = customer_index()

    keys = foreign_keys()

    result = import_file(write_csv(tmp_path / "e.csv", varied_rows(cast)))

    # and its foreign keys are checked once at the end too
    assert (result.created, phases(result)) == (7, ["direct", "finish"])
    assert customer_index() != before
    assert foreign_keys() != keys


def test_a_table_that_holds_more_rows_than_the_file_keeps_its_index_by_customer(
    cast: Cast, tmp_path: Path
) -> None:
    # Given a table that holds more rows than the next file brings
    import_file(write_csv(tmp_path / "first.csv", varied_rows(cast)))
    before = customer_index()
    rows = [encounter_row(external_id=f"N-{n}") for n in range(3)]

    # When the file goes the direct way
    result = import_file(write_csv(tmp_path / "next.csv", rows))

    # Then the index was kept up to date, not built again over every row
    assert (result.created, phases(result)) == (3, ["direct", "finish"])
    assert customer_index() == before
    assert Encounter.objects.count() == 10


def test_a_file_imported_again_falls_back_and_changes_nothing(
    cast: Cast, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_csv(tmp_path / "e.csv", varied_rows(cast))
    import_file(path)
    first = stored()
    sent: list[int] = []
    send = postgres.DirectWrite.load_columns
    monkeypatch.setattr(
        postgres.DirectWrite,
        "load_columns",
        lambda writer, block: sent.append(len(block[0])) or send(writer, block),
    )

    again = import_file(path)

    # Refused by the first batch's keys, before a row was sent
    assert sent == []
    assert phases(again)[:2] == ["direct_refused", "read"]
    assert (again.written, again.created, again.updated, again.unchanged) == (True, 0, 0, 7)
    assert stored() == first


def test_a_stored_key_in_a_later_batch_rolls_the_direct_way_back_and_is_updated(
    cast: Cast, tmp_path: Path
) -> None:
    # Given a stored encounter that the file's last row changes
    write_csv(tmp_path / "old.csv", [encounter_row(external_id="D-6", topic="Vanha aihe")])
    assert services.file_import(kind="encounters", path=tmp_path / "old.csv").created == 1
    path = write_csv(tmp_path / "e.csv", varied_rows(cast))

    result = import_file(path)

    # Then the unique key refused the COPY, and the staged import did the rest
    assert phases(result)[0] == "direct_refused"
    assert (result.created, result.updated, result.error_count) == (6, 1, 0)
    assert Encounter.objects.count() == 7
    assert Encounter.objects.get(external_id="D-6").topic == "Laskun eräpäivä"


def test_a_repeated_id_is_reported_by_row_as_the_staged_import_reports_it(
    cast: Cast, tmp_path: Path
) -> None:
    rows = varied_rows(cast)
    rows.append(encounter_row(external_id="D-1"))
    path = write_csv(tmp_path / "e.csv", rows)
    before = schema()

    result = import_file(path)
    staged = services.file_import(kind="encounters", path=path)

    assert phases(result)[0] == "direct_refused"
    assert result.written is False
    assert [(e.row, e.column, e.code) for e in result.errors] == [
        (9, "external_id", "duplicate_id")
    ]
    assert result.errors == staged.errors
    assert Encounter.objects.count() == 0
    assert schema() == before


def test_a_bad_row_stops_an_all_or_nothing_import_with_the_staged_errors(
    cast: Cast, tmp_path: Path
) -> None:
    rows = varied_rows(cast)
    rows[3].update(channel="kirjekyyhky")
    rows[6].update(external_id="D-0")
    path = write_csv(tmp_path / "e.csv", rows)

    result = import_file(path)
    staged = services.file_import(kind="encounters", path=path)

    # Every error is there, the repeated id too, as the staged import lists them
    assert phases(result)[0] == "direct_refused"
    assert [(e.row, e.code) for e in result.errors] == [(5, "unknown_channel"), (8, "duplicate_id")]
    assert result.errors == staged.errors
    assert (result.written, Encounter.objects.count()) == (False, 0)


def test_a_partial_import_writes_the_good_rows_the_direct_way(cast: Cast, tmp_path: Path) -> None:
    rows = varied_rows(cast)
    rows[2].update(started_at="eilen")
    path = write_csv(tmp_path / "e.csv", rows)

    result = import_file(path, partial=True)

    assert phases(result) == ["direct", "finish"]
    assert [(e.row, e.column, e.code) for e in result.errors] == [(4, "started_at", "bad_datetime")]
    assert (result.written, result.created, result.rows_rejected) == (True, 6, 1)
    assert Encounter.objects.count() == 6


def test_rows_checked_by_column_and_one_by_one_are_stored_in_the_files_order(
    cast: Cast, tmp_path: Path
) -> None:
    # Given a file whose second batch of two has a bad row (checked one by one)
    rows = varied_rows(cast)
    rows[3].update(channel="fax")
    path = write_csv(tmp_path / "e.csv", rows)

    # When it is imported in part the direct way
    result = import_file(path, partial=True)

    # Then the good rows got their ids in the file's order
    assert phases(result) == ["direct", "finish"]
    in_id_order = Encounter.objects.order_by("pk").values_list("external_id", flat=True)
    assert list(in_id_order) == ["D-0", "D-1", "D-2", "D-4", "D-5", "D-6"]


def test_a_file_that_stops_being_utf8_half_way_gets_the_staged_message(
    cast: Cast, tmp_path: Path
) -> None:
    # A spreadsheet saved in Latin-1 after the first rows were typed in UTF-8
    rows = varied_rows(cast)
    rows[5].update(topic="Pysäköinti")
    path = write_csv(tmp_path / "e.csv", rows[:5])
    write_csv(tmp_path / "rest.csv", rows[5:], encoding="latin-1")
    lines = (tmp_path / "rest.csv").read_bytes().split(b"\r\n", 1)[1]
    path.write_bytes(path.read_bytes() + lines)

    result = import_file(path)

    assert phases(result)[0] == "direct_refused"
    assert result.file_error == str(messages.ERROR_NOT_UTF8) % {"line": 7}
    assert (result.written, Encounter.objects.count()) == (False, 0)


def test_customers_looked_up_batch_by_batch_keep_the_staged_import(
    cast: Cast, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The lookup queries between batches, while the COPY would hold the connection
    monkeypatch.setattr(customer_lookup, "PRELOAD_MAX", 0)
    path = write_csv(tmp_path / "e.csv", varied_rows(cast))

    result = import_file(path)

    assert phases(result)[:2] == ["direct_refused", "read"]
    assert (result.created, result.error_count) == (7, 0)


def test_only_the_command_line_asks_for_the_direct_way(cast: Cast, tmp_path: Path) -> None:
    # A web upload's progress must be seen by the page while it runs
    path = write_csv(tmp_path / "e.csv", varied_rows(cast))

    result = services.file_import(kind="encounters", path=path)

    assert "direct" not in phases(result)
    assert "direct_refused" not in phases(result)


def test_the_command_goes_the_direct_way_and_says_so_in_its_timings(
    cast: Cast, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "e.csv", varied_rows(cast))

    status = cli.run_import_command(
        kind="encounters",
        path=path,
        source=None,
        dry_run=False,
        partial=False,
        progress=False,
        timings=True,
    )

    printed = capsys.readouterr()
    assert status == 0
    assert Encounter.objects.count() == 7
    with translation.override(cli.terminal_language()):
        assert str(messages.TIMING_PHASES["direct"]) in printed.err


def test_a_partial_import_leaves_out_a_row_of_an_unknown_customer_as_the_staged_way_does(
    cast: Cast, tmp_path: Path
) -> None:
    # Given a file whose third row names a customer nobody has imported
    rows = varied_rows(cast, count=5)
    rows[2].update(customer_external_id="CRM-404")
    path = write_csv(tmp_path / "e.csv", rows)

    # When it is imported with --partial the direct way, and then staged
    direct = import_file(path, partial=True)
    by_direct = stored()
    Encounter.objects.all().delete()
    staged = services.file_import(kind="encounters", path=path, partial=True)

    # Then both report the row and store the four others, the same way
    assert phases(direct) == ["direct", "finish"]
    assert (direct.created, direct.error_count) == (4, 1) == (staged.created, staged.error_count)
    assert "D-2" not in {row[1] for row in by_direct}
    assert by_direct == stored()
