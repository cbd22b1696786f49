"""The import rule for encounters (services.encounters_import), on any database."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from django.utils import translation

from kohtaamo.conftest import Cast
from kohtaamo.encounters import services
from kohtaamo.encounters.importing import customer_lookup, messages
from kohtaamo.encounters.importing.errors import RowError
from kohtaamo.encounters.models import Encounter
from kohtaamo.encounters.tests.import_support import as_csv_rows, encounter_row
from kohtaamo.testing.factories import CustomerFactory, EncounterFactory, UserFactory

pytestmark = pytest.mark.django_db


def stored() -> list[tuple[Any, ...]]:
    return list(
        Encounter.objects.order_by("source", "external_id").values_list(
            "source", "external_id", "channel", "topic", "outcome", "customer__external_id"
        )
    )


def test_import_creates_encounters_with_staff_team_and_customer(cast: Cast) -> None:
    # Given a customer and a file naming Aino (in another case) and her team
    customer = CustomerFactory(external_id="CRM-1001")
    rows = [encounter_row(staff_email="Aino@Example.FI", customer_external_id="CRM-1001")]

    # When it is imported
    result = services.encounters_import(rows=as_csv_rows(rows))

    # Then the encounter is there, tied to the right people
    assert (result.written, result.created, result.updated, result.error_count) == (True, 1, 0, 0)
    encounter = Encounter.objects.get()
    assert (encounter.staff, encounter.team, encounter.customer) == (
        cast.agent,
        cast.team,
        customer,
    )
    assert encounter.started_at == datetime(2025, 3, 14, 7, 30, tzinfo=UTC)
    assert encounter.ended_at == datetime(2025, 3, 14, 7, 41, tzinfo=UTC)
    assert (encounter.topic, encounter.outcome) == ("Laskun eräpäivä", "Ratkaistu puhelimessa")
    assert encounter.has_transcript is False


def test_a_time_without_zone_is_read_in_the_organisation_zone(cast: Cast) -> None:
    rows = [encounter_row(started_at="2025-07-01 10:00", ended_at="2025-07-01T10:05:30")]

    services.encounters_import(rows=as_csv_rows(rows))

    encounter = Encounter.objects.get()
    # Helsinki is three hours ahead of UTC in summer.
    assert encounter.started_at == datetime(2025, 7, 1, 7, 0, tzinfo=UTC)
    assert encounter.ended_at == datetime(2025, 7, 1, 7, 5, 30, tzinfo=UTC)


def test_the_morning_clocks_spring_forward_is_compared_in_real_time(cast: Cast) -> None:
    # 03:55 (+02:00) is 01:55 UTC and 04:05 (+03:00) is 01:05 UTC: it ends first.
    rows = [
        encounter_row(started_at="2025-03-30T03:55:00+02:00", ended_at="2025-03-30T04:05:00+03:00")
    ]

    result = services.encounters_import(rows=as_csv_rows(rows))

    assert result.errors == [
        RowError(2, "ended_at", str(messages.ERROR_END_BEFORE_START), "end_before_start")
    ]
    assert Encounter.objects.count() == 0


def test_importing_again_updates_and_never_duplicates(cast: Cast) -> None:
    # Given an imported file
    services.encounters_import(
        rows=as_csv_rows([encounter_row(), encounter_row(external_id="Z-2")])
    )
    first = Encounter.objects.get(external_id="Z-1001")

    # When the same file comes again with one topic changed
    changed = [encounter_row(topic="Varauksen muutos"), encounter_row(external_id="Z-2")]
    result = services.encounters_import(rows=as_csv_rows(changed))

    # Then one row is updated in place and the other is left alone
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    assert Encounter.objects.count() == 2
    again = Encounter.objects.get(external_id="Z-1001")
    assert (again.pk, again.topic) == (first.pk, "Varauksen muutos")
    assert again.updated_at > first.updated_at


def test_importing_the_same_rows_again_writes_nothing(cast: Cast) -> None:
    services.encounters_import(rows=as_csv_rows([encounter_row()]))
    before = Encounter.objects.get()

    result = services.encounters_import(rows=as_csv_rows([encounter_row()]))

    assert (result.created, result.updated, result.unchanged) == (0, 0, 1)
    assert Encounter.objects.get().updated_at == before.updated_at


def test_an_empty_cell_keeps_what_is_stored(cast: Cast) -> None:
    CustomerFactory(external_id="CRM-1001")
    services.encounters_import(rows=as_csv_rows([encounter_row(customer_external_id="CRM-1001")]))

    result = services.encounters_import(
        rows=as_csv_rows([encounter_row(customer_external_id="", topic="", ended_at="")])
    )

    assert result.unchanged == 1
    assert stored() == [
        ("zendesk", "Z-1001", "phone", "Laskun eräpäivä", "Ratkaistu puhelimessa", "CRM-1001")
    ]


def test_one_bad_row_writes_nothing(cast: Cast) -> None:
    # Given a stored encounter the file would update
    services.encounters_import(rows=as_csv_rows([encounter_row()]))
    before = stored()

    # When a file with an update, a new row and one bad row is imported
    rows = [
        encounter_row(topic="Muutettu"),
        encounter_row(external_id="Z-2"),
        encounter_row(external_id="Z-3", staff_email="nobody@example.fi"),
    ]
    result = services.encounters_import(rows=as_csv_rows(rows))

    # Then nothing at all is written, and the bad row is named
    assert result.written is False
    assert (result.rows_read, result.rows_rejected, result.error_count) == (3, 1, 1)
    assert result.errors == [
        RowError(4, "staff_email", str(messages.ERROR_UNKNOWN_STAFF), "unknown_staff")
    ]
    assert stored() == before


def test_partial_writes_the_good_rows_and_reports_the_bad(cast: Cast) -> None:
    rows = [
        encounter_row(external_id="Z-1"),
        encounter_row(external_id="Z-2", team="tuntematon"),
        encounter_row(external_id="Z-3"),
    ]

    result = services.encounters_import(rows=as_csv_rows(rows), partial=True)

    assert (result.written, result.created, result.rows_rejected) == (True, 2, 1)
    assert result.errors == [RowError(3, "team", str(messages.ERROR_UNKNOWN_TEAM), "unknown_team")]
    assert [e[1] for e in stored()] == ["Z-1", "Z-3"]


def test_dry_run_checks_everything_and_writes_nothing(cast: Cast) -> None:
    rows = [encounter_row(external_id="Z-1"), encounter_row(external_id="Z-2", channel="fax")]

    result = services.encounters_import(rows=as_csv_rows(rows), dry_run=True)

    assert (result.written, result.rows_valid, result.error_count) == (False, 1, 1)
    assert result.errors[0].column == "channel"
    assert Encounter.objects.count() == 0


@pytest.mark.parametrize(
    ("values", "column", "message", "params"),
    [
        ({"staff_email": "olli@example.com"}, "staff_email", messages.ERROR_UNKNOWN_STAFF, {}),
        ({"team": "hki-keittiö"}, "team", messages.ERROR_UNKNOWN_TEAM, {}),
        (
            {"channel": "fax"},
            "channel",
            messages.ERROR_UNKNOWN_CHANNEL,
            {"choices": "phone, chat, email, in_person, social, other"},
        ),
        (
            {"customer_external_id": "CRM-404"},
            "customer_external_id",
            messages.ERROR_UNKNOWN_CUSTOMER,
            {},
        ),
        (
            {"started_at": "14.3.2025 9:30"},
            "started_at",
            messages.ERROR_BAD_DATETIME,
            {"zone": "Europe/Helsinki"},
        ),
        ({"started_at": ""}, "started_at", messages.ERROR_REQUIRED, {}),
        (
            {"ended_at": "2025-03-14T09:00:00+02:00"},
            "ended_at",
            messages.ERROR_END_BEFORE_START,
            {},
        ),
        ({"external_id": " "}, "external_id", messages.ERROR_REQUIRED, {}),
        ({"topic": "x" * 201}, "topic", messages.ERROR_TOO_LONG, {"max": 200}),
        ({"outcome": "ok\x00"}, "outcome", messages.ERROR_NUL, {}),
        ({"source": ""}, "source", messages.ERROR_NO_SOURCE, {}),
    ],
)
def test_each_bad_value_is_reported_with_row_and_column(
    cast: Cast, values: dict[str, str], column: str, message: Any, params: dict[str, Any]
) -> None:
    rows = [encounter_row(external_id="Z-1"), encounter_row(**{"external_id": "Z-2", **values})]

    result = services.encounters_import(rows=as_csv_rows(rows))

    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (3, column, str(message) % params if params else str(message))
    ]
    assert Encounter.objects.count() == 0


def test_an_inactive_person_is_unknown_staff(cast: Cast) -> None:
    UserFactory(email="lahtenyt@example.fi", is_active=False)

    result = services.encounters_import(
        rows=as_csv_rows([encounter_row(staff_email="lahtenyt@example.fi")])
    )

    assert [e.code for e in result.errors] == ["unknown_staff"]


def test_a_row_with_several_problems_reports_each(cast: Cast) -> None:
    rows = [encounter_row(channel="fax", staff_email="x@example.fi", customer_external_id="C-0")]

    result = services.encounters_import(rows=as_csv_rows(rows))

    assert [(e.row, e.column) for e in result.errors] == [
        (2, "channel"),
        (2, "staff_email"),
        (2, "customer_external_id"),
    ]
    assert result.rows_rejected == 1


def test_a_repeated_external_id_names_the_row_it_repeats(cast: Cast) -> None:
    rows = [
        encounter_row(external_id="Z-1"),
        encounter_row(external_id="Z-2"),
        encounter_row(external_id="Z-1", topic="Toinen kerta"),
        encounter_row(external_id="Z-1", source="other-desk"),
    ]

    result = services.encounters_import(rows=as_csv_rows(rows), partial=True)

    message = str(messages.ERROR_DUPLICATE_ID) % {"row": 2}
    assert result.errors == [RowError(4, "external_id", message, "duplicate_id")]
    # The first of the repeated rows is written; the same id in another source is not a repeat.
    assert stored() == [
        ("other-desk", "Z-1", "phone", "Laskun eräpäivä", "Ratkaistu puhelimessa", None),
        ("zendesk", "Z-1", "phone", "Laskun eräpäivä", "Ratkaistu puhelimessa", None),
        ("zendesk", "Z-2", "phone", "Laskun eräpäivä", "Ratkaistu puhelimessa", None),
    ]


def test_source_option_fills_rows_without_one(cast: Cast) -> None:
    rows = [encounter_row(source="", external_id="Z-1"), encounter_row(external_id="Z-2")]

    services.encounters_import(rows=as_csv_rows(rows), source="puhelinvaihde")

    assert [(e[0], e[1]) for e in stored()] == [("puhelinvaihde", "Z-1"), ("zendesk", "Z-2")]


def test_rows_for_a_team_outside_the_allowed_ones_are_refused(cast: Cast) -> None:
    rows = [
        encounter_row(external_id="Z-1"),
        encounter_row(external_id="Z-2", team=cast.other_team.code),
    ]

    result = services.encounters_import(
        rows=as_csv_rows(rows), allowed_team_ids=frozenset({cast.team.pk}), partial=True
    )

    assert result.errors == [
        RowError(3, "team", str(messages.ERROR_TEAM_NOT_ALLOWED), "team_not_allowed")
    ]
    assert [e[1] for e in stored()] == ["Z-1"]


def test_messages_are_in_the_active_language(cast: Cast) -> None:
    rows = as_csv_rows([encounter_row(staff_email="x@example.fi")])

    with translation.override("fi"):
        in_finnish = services.encounters_import(rows=rows).errors[0].message
        expected_finnish = str(messages.ERROR_UNKNOWN_STAFF)
    with translation.override("en"):
        in_english = services.encounters_import(rows=rows).errors[0].message

    assert in_finnish == expected_finnish
    assert in_english == "No active staff member has this e-mail address."


def test_only_the_first_errors_are_kept_but_all_are_counted(cast: Cast, settings: Any) -> None:
    settings.KOHTAAMO_IMPORT_ERROR_LIMIT = 3
    rows = [encounter_row(external_id=f"Z-{n}", team="tuntematon") for n in range(5)]
    rows += [encounter_row(external_id="Z-9"), encounter_row(external_id="Z-9")]

    result = services.encounters_import(rows=as_csv_rows(rows))

    assert result.error_count == 6
    assert [(e.row, e.code) for e in result.errors] == [
        (2, "unknown_team"),
        (3, "unknown_team"),
        (4, "unknown_team"),
    ]
    assert result.errors_note() == str(messages.SUMMARY_MORE_ERRORS) % {"shown": 3, "count": 6}


def test_customers_are_found_a_batch_at_a_time_when_there_are_many(
    cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given more customers than are read into memory at once
    monkeypatch.setattr(customer_lookup, "PRELOAD_MAX", 1)
    CustomerFactory(external_id="CRM-1")
    CustomerFactory(external_id="CRM-2")
    rows = [
        encounter_row(external_id="Z-1", customer_external_id="CRM-2"),
        encounter_row(external_id="Z-2", customer_external_id="CRM-3", channel="fax"),
    ]

    result = services.encounters_import(rows=as_csv_rows(rows), partial=True)

    assert [(e.row, e.column) for e in result.errors] == [
        (3, "channel"),
        (3, "customer_external_id"),
    ]
    assert [e[5] for e in stored()] == ["CRM-2"]


def test_an_update_that_moves_the_start_past_a_kept_end_drops_the_end(cast: Cast) -> None:
    EncounterFactory(
        source="zendesk",
        external_id="Z-1001",
        staff=cast.agent,
        team=cast.team,
        started_at=datetime(2025, 3, 14, 7, 30, tzinfo=UTC),
        ended_at=datetime(2025, 3, 14, 7, 41, tzinfo=UTC),
    )

    result = services.encounters_import(
        rows=as_csv_rows([encounter_row(started_at="2025-03-14T12:00:00+02:00", ended_at="")])
    )

    assert (result.written, result.updated) == (True, 1)
    encounter = Encounter.objects.get()
    assert (encounter.started_at, encounter.ended_at) == (
        datetime(2025, 3, 14, 10, 0, tzinfo=UTC),
        None,
    )
