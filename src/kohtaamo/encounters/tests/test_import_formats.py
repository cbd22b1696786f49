"""Import files: CSV with or without a BOM, other encodings, JSON Lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from kohtaamo.conftest import Cast
from kohtaamo.encounters import services
from kohtaamo.encounters.importing import messages
from kohtaamo.encounters.importing.errors import RowError
from kohtaamo.encounters.models import Encounter, ImportKind
from kohtaamo.encounters.tests.import_support import encounter_row, write_csv, write_jsonl

pytestmark = pytest.mark.django_db


def import_file(path: Path) -> services.ImportResult:
    return services.file_import(kind=ImportKind.ENCOUNTERS, path=path)


def test_csv_with_and_without_bom_import_the_same(cast: Cast, tmp_path: Path) -> None:
    plain = write_csv(tmp_path / "plain.csv", [encounter_row(external_id="Z-1")])
    with_bom = write_csv(
        tmp_path / "bom.csv", [encounter_row(external_id="Z-2")], encoding="utf-8-sig"
    )
    assert with_bom.read_bytes().startswith(b"\xef\xbb\xbf")

    results = [import_file(plain), import_file(with_bom)]

    assert [(r.written, r.created) for r in results] == [(True, 1), (True, 1)]
    assert sorted(Encounter.objects.values_list("external_id", "topic")) == [
        ("Z-1", "Laskun eräpäivä"),
        ("Z-2", "Laskun eräpäivä"),
    ]


def test_a_latin1_file_gets_a_clear_message_and_writes_nothing(cast: Cast, tmp_path: Path) -> None:
    rows = [encounter_row(external_id="Z-1", topic="Tilaus"), encounter_row(topic="Käynti")]
    path = write_csv(tmp_path / "excel.csv", rows, encoding="latin-1")

    result = import_file(path)

    assert result.file_error == str(messages.ERROR_NOT_UTF8) % {"line": 3}
    assert result.written is False
    assert Encounter.objects.count() == 0


def test_semicolons_of_a_finnish_spreadsheet_are_understood(cast: Cast, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "excel.csv", [encounter_row()], delimiter=";")

    result = import_file(path)

    assert (result.written, result.created) == (True, 1)


def test_missing_required_columns_are_named(cast: Cast, tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_text("external_id,channel,started_at\nZ-1,phone,2025-03-14T09:30\n")

    result = import_file(path)

    assert result.file_error == str(messages.ERROR_MISSING_COLUMNS) % {
        "columns": "staff_email, team"
    }


def test_an_unknown_column_is_named(cast: Cast, tmp_path: Path) -> None:
    path = tmp_path / "typo.csv"
    path.write_text("external_id,channel,started_at,staff_email,team,asiakas\n")

    result = services.file_import(kind=ImportKind.ENCOUNTERS, path=path)

    assert result.file_error == str(messages.ERROR_UNKNOWN_COLUMNS) % {
        "columns": "asiakas",
        "known": "source, external_id, channel, started_at, ended_at, staff_email, team, "
        "customer_external_id, topic, outcome",
    }


def test_a_row_with_the_wrong_number_of_cells_is_reported(cast: Cast, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "e.csv", [encounter_row(external_id="Z-1")])
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n")  # an empty line is no row
        handle.write("zendesk,Z-2,phone\n")

    result = import_file(path)

    expected = str(messages.ERROR_CELL_COUNT) % {"found": 3, "expected": 10}
    assert result.errors == [RowError(4, "", expected, "cell_count")]


def test_an_empty_file_is_refused(cast: Cast, tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")

    assert import_file(path).file_error == str(messages.ERROR_EMPTY_FILE)


def test_another_file_type_is_refused(cast: Cast, tmp_path: Path) -> None:
    path = tmp_path / "encounters.xlsx"
    path.write_bytes(b"PK\x03\x04")

    assert import_file(path).file_error == str(messages.ERROR_UNKNOWN_FORMAT)


def test_json_lines_are_numbered_by_line(cast: Cast, tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "e.jsonl",
        [
            encounter_row(external_id="Z-1"),
            "",
            '{"external_id": "Z-2", ',
            '["not", "an", "object"]',
            encounter_row(external_id="Z-3", asiakas="x"),
            encounter_row(external_id=4004),
        ],
    )

    result = services.file_import(kind=ImportKind.ENCOUNTERS, path=path, partial=True)

    assert [(e.row, e.column, e.code) for e in result.errors] == [
        (3, "", "bad_json"),
        (4, "", "not_object"),
        (5, "asiakas", "unknown_field"),
    ]
    # A number is read as its digits.
    assert sorted(Encounter.objects.values_list("external_id", flat=True)) == ["4004", "Z-1"]


def test_a_json_lines_file_in_another_encoding_gets_the_clear_message(
    cast: Cast, tmp_path: Path
) -> None:
    path = tmp_path / "e.jsonl"
    path.write_bytes('{"topic": "Käynti"}\n'.encode("utf-16"))

    assert import_file(path).file_error == str(messages.ERROR_NOT_UTF8) % {"line": 1}


def test_transcripts_are_stored_in_order_and_replaced_on_import(cast: Cast, tmp_path: Path) -> None:
    # Given an encounter imported with a transcript of two turns
    turns = [
        {
            "speaker": "staff",
            "text": "Hyvää huomenta, Aino palveluksessanne.",
            "at": "2025-03-14T09:30:05+02:00",
        },
        {"speaker": "customer", "text": "Huomenta! Laskuni eräpäivä on mennyt ohi."},
    ]
    import_file(write_jsonl(tmp_path / "a.jsonl", [encounter_row(transcript=turns)]))
    encounter = Encounter.objects.get()
    assert encounter.has_transcript is True
    assert list(encounter.turns.values_list("position", "speaker", "text")) == [
        (1, "staff", "Hyvää huomenta, Aino palveluksessanne."),
        (2, "customer", "Huomenta! Laskuni eräpäivä on mennyt ohi."),
    ]

    # When a row without a transcript comes, then the turns stay
    import_file(write_jsonl(tmp_path / "b.jsonl", [encounter_row(topic="Lasku")]))
    assert encounter.turns.count() == 2

    # When a new transcript comes, then it replaces the old one
    new = [{"speaker": "staff", "text": "Selvä, siirrän eräpäivää viikolla."}]
    result = import_file(write_jsonl(tmp_path / "c.jsonl", [encounter_row(transcript=new)]))
    assert result.written is True
    assert list(encounter.turns.values_list("position", "text")) == [
        (1, "Selvä, siirrän eräpäivää viikolla.")
    ]

    # When an empty transcript comes, then the encounter has none
    import_file(write_jsonl(tmp_path / "d.jsonl", [encounter_row(transcript=[])]))
    encounter.refresh_from_db()
    assert (encounter.has_transcript, encounter.turns.count()) == (False, 0)


def test_a_bad_turn_is_reported_by_its_place(cast: Cast, tmp_path: Path) -> None:
    turns = [
        {"speaker": "staff", "text": "Hei!"},
        {"speaker": "robot", "text": ""},
        "no",
    ]
    path = write_jsonl(tmp_path / "e.jsonl", [encounter_row(transcript=turns)])

    result = import_file(path)

    assert [(e.row, e.column_label, e.code) for e in result.errors] == [
        (1, "transcript.1.speaker", "unknown_speaker"),
        (1, "transcript.1.text", "required"),
        (1, "transcript.2", "bad_turn"),
    ]
    assert Encounter.objects.count() == 0
