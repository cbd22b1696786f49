"""`import responses`: historical answers by encounter, checked like the
encounter import, written all or nothing, updated on a second import."""

from __future__ import annotations

import csv
import importlib
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.utils import timezone, translation

from kohtaamo.conftest import Cast
from kohtaamo.encounters.importing import messages
from kohtaamo.feedback.models import FollowUp, Invitation, InvitationStatus, Response, Survey
from kohtaamo.feedback.services import (
    followup_close,
    followup_due,
    invitation_create,
    response_submit,
)
from kohtaamo.feedback.tasks import feedback_tick_run
from kohtaamo.insights.response_rows import (
    ERROR_BEFORE_ENCOUNTER,
    ERROR_CUSTOMER_ANSWERED,
    ERROR_DUPLICATE_ENCOUNTER,
    ERROR_NO_CUSTOMER,
    ERROR_NO_SCORE,
    ERROR_SCORE_RANGE,
    ERROR_UNKNOWN_ENCOUNTER,
    RESPONSE_COLUMNS,
)
from kohtaamo.insights.services import responses_import
from kohtaamo.insights.tests.test_aggregates import _expected_days, _stored_days_and_inbox
from kohtaamo.testing.clients import client_for
from kohtaamo.testing.factories import EncounterFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db
EXAMPLES = Path(__file__).resolve().parents[4] / "examples"


def _row(**values: Any) -> dict[str, Any]:
    row = {
        "encounter_source": "test",
        "encounter_external_id": "E-1",
        "answered_at": "2026-03-14T12:00:00+02:00",
        "nps": "9",
        "csat": "5",
        "ces": "6",
        "comment": "",
    }
    return {**row, **values}


def _csv(path: Path, rows: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=RESPONSE_COLUMNS.in_csv)
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def encounters(cast: Cast) -> list[Any]:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    start = datetime(2026, 3, 14, 9, tzinfo=ZoneInfo("Europe/Helsinki"))
    return [
        EncounterFactory(external_id=f"E-{i}", staff=cast.agent, team=cast.team, started_at=start)
        for i in (1, 2, 3)
    ]


def _messages(result: Any) -> list[tuple[int, str, str]]:
    return [(e.row, e.column, e.message) for e in result.errors]


def test_answers_are_imported_with_the_invitations_they_need(
    encounters: list[Any], tmp_path: Path
) -> None:
    path = _csv(
        tmp_path / "r.csv", [_row(), _row(encounter_external_id="E-2", nps="10", comment="Kiitos!")]
    )

    result = responses_import(path=path)

    assert (result.written, result.created, result.updated, result.error_count) == (True, 2, 0, 0)
    invitations = Invitation.objects.order_by("encounter__external_id")
    assert [(i.encounter.external_id, i.status) for i in invitations] == [
        ("E-1", InvitationStatus.ANSWERED),
        ("E-2", InvitationStatus.ANSWERED),
    ]
    assert Survey.objects.get().name == "Tuodut vastaukset"
    assert list(Response.objects.order_by("nps").values_list("nps", "csat", "ces", "comment")) == [
        (9, 5, 6, ""),
        (10, 5, 6, "Kiitos!"),
    ]


def test_importing_again_updates_and_never_duplicates(
    encounters: list[Any], tmp_path: Path
) -> None:
    responses_import(path=_csv(tmp_path / "a.csv", [_row(), _row(encounter_external_id="E-2")]))

    again = responses_import(
        path=_csv(tmp_path / "b.csv", [_row(nps="3"), _row(encounter_external_id="E-2")])
    )

    assert (again.created, again.updated, again.unchanged) == (0, 1, 1)
    assert Response.objects.count() == Invitation.objects.count() == 2
    assert Response.objects.get(invitation__encounter__external_id="E-1").nps == 3


def test_an_answer_joins_the_open_invitation_of_its_encounter(
    cast: Cast, encounters: list[Any], tmp_path: Path
) -> None:
    survey = Survey.objects.create(name="Kysely")
    invitation, _token = invitation_create(encounter=encounters[0], survey=survey)

    responses_import(path=_csv(tmp_path / "r.csv", [_row()]))

    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ANSWERED
    assert Invitation.objects.count() == 1
    assert invitation.response.nps == 9


def _recent_encounter(cast: Cast, external_id: str = "R-1") -> Any:
    ended = timezone.now() - timedelta(days=2)
    return EncounterFactory(
        external_id=external_id,
        staff=cast.agent,
        team=cast.team,
        started_at=ended - timedelta(minutes=10),
        ended_at=ended,
    )


def _days_ago(days: int) -> str:
    return (timezone.now() - timedelta(days=days)).isoformat(timespec="seconds")


def test_a_recent_unhappy_answer_opens_a_follow_up_due_after_the_import(
    cast: Cast, tmp_path: Path
) -> None:
    # Given an encounter of two days ago whose unhappy answer came yesterday
    encounter = _recent_encounter(cast)
    row = _row(encounter_external_id=encounter.external_id, answered_at=_days_ago(1), nps="2")
    # When the answer is imported
    before = timezone.now()
    responses_import(path=_csv(tmp_path / "r.csv", [{**row, "comment": "Huonoa palvelua."}]))
    # Then the lead has a follow-up, due two working days after the import
    # (not after the answer: the lead hears of it only now), so not overdue
    followup = FollowUp.objects.get()
    assert (followup.assignee, followup.team, followup.response.nps) == (cast.lead, cast.team, 2)
    assert followup.created_at >= before
    assert followup.due_at == followup_due(opened_at=followup.created_at)
    assert feedback_tick_run()["escalations"] == 0


def test_an_old_unhappy_answer_is_history_and_opens_no_follow_up(
    cast: Cast, encounters: list[Any], tmp_path: Path, settings: Any
) -> None:
    # Given answers older than the follow-up window of imports
    settings.KOHTAAMO_IMPORT_FOLLOWUP_DAYS = 14
    recent = _recent_encounter(cast)
    old = _row(nps="1", comment="Ei vastattu.")  # March
    edge = _row(encounter_external_id=recent.external_id, answered_at=_days_ago(1), nps="1")
    # When they are imported
    result = responses_import(path=_csv(tmp_path / "r.csv", [old, edge]))
    # Then both are stored, only the recent one is followed up, nothing escalates
    assert result.created == 2
    assert [f.response.invitation.encounter for f in FollowUp.objects.all()] == [recent]
    assert feedback_tick_run()["escalations"] == 0


def test_an_answer_that_turns_unhappy_on_reimport_opens_one_follow_up(
    cast: Cast, tmp_path: Path
) -> None:
    encounter = _recent_encounter(cast)
    row = _row(encounter_external_id=encounter.external_id, answered_at=_days_ago(1))
    responses_import(path=_csv(tmp_path / "a.csv", [row]))
    responses_import(path=_csv(tmp_path / "b.csv", [{**row, "csat": "1"}]))
    responses_import(path=_csv(tmp_path / "c.csv", [{**row, "csat": "2"}]))

    assert FollowUp.objects.count() == 1


def test_any_bad_row_writes_nothing_and_every_error_names_row_and_column(
    cast: Cast, encounters: list[Any], tmp_path: Path
) -> None:
    EncounterFactory(external_id="NOBODY", customer=None, staff=cast.agent, team=cast.team)
    rows = [
        _row(),
        _row(encounter_external_id="E-404"),
        _row(encounter_external_id="E-2", nps="11"),
        _row(encounter_external_id="E-3", nps="", csat="", ces=""),
        _row(encounter_external_id="NOBODY"),
        _row(encounter_external_id="E-1"),
        _row(encounter_external_id="E-2", answered_at="2026-03-13T12:00:00+02:00"),
        _row(encounter_external_id="E-3", answered_at="eilen"),
    ]

    with translation.override("en"):
        result = responses_import(path=_csv(tmp_path / "r.csv", rows))

        assert result.written is False
        assert Response.objects.count() == Invitation.objects.count() == 0
        assert _messages(result) == [
            (3, "encounter_external_id", str(ERROR_UNKNOWN_ENCOUNTER)),
            (4, "nps", str(ERROR_SCORE_RANGE) % {"low": 0, "high": 10}),
            (5, "nps", str(ERROR_NO_SCORE)),
            (6, "encounter_external_id", str(ERROR_NO_CUSTOMER)),
            (7, "encounter_external_id", str(ERROR_DUPLICATE_ENCOUNTER) % {"row": 2}),
            (8, "answered_at", str(ERROR_BEFORE_ENCOUNTER)),
            (9, "answered_at", str(messages.ERROR_BAD_DATETIME) % {"zone": "Europe/Helsinki"}),
        ]


def test_partial_writes_the_good_rows_and_dry_run_nothing(
    encounters: list[Any], tmp_path: Path
) -> None:
    path = _csv(tmp_path / "r.csv", [_row(), _row(encounter_external_id="E-404")])

    dry = responses_import(path=path, dry_run=True)
    assert (dry.written, dry.rows_valid, Response.objects.count()) == (False, 1, 0)

    partial = responses_import(path=path, partial=True)
    assert (partial.written, partial.created, partial.rows_rejected) == (True, 1, 1)
    assert Response.objects.count() == 1


def test_an_unknown_column_stops_the_import_before_any_row(
    encounters: list[Any], tmp_path: Path
) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        "encounter_source,encounter_external_id,answered_at,nps,mood\ntest,E-1,2026-03-14T12:00:00+02:00,9,hyvä\n",
        encoding="utf-8",
    )

    result = responses_import(path=path)

    assert result.file_error.startswith(str(messages.ERROR_UNKNOWN_COLUMNS).split("%")[0])
    assert Response.objects.count() == 0


def test_the_example_file_imports_into_the_examples_encounters(tmp_path: Path) -> None:
    from kohtaamo.encounters import services
    from kohtaamo.encounters.models import ImportKind

    with (EXAMPLES / "encounters.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for email in {r["staff_email"] for r in rows}:
        UserFactory(email=email)
    for code in {r["team"] for r in rows}:
        TeamFactory(code=code)
    services.file_import(kind=ImportKind.CUSTOMERS, path=EXAMPLES / "customers.csv")
    services.file_import(kind=ImportKind.ENCOUNTERS, path=EXAMPLES / "encounters.csv")

    result = responses_import(path=EXAMPLES / "responses.csv")

    assert (result.written, result.created, result.error_count) == (True, 5, 0)
    # The example's answers are from March 2025: history, not call-backs.
    assert FollowUp.objects.count() == 0


def test_json_lines_carry_numbers_as_numbers(encounters: list[Any], tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(
        '{"encounter_source": "test", "encounter_external_id": "E-1", '
        '"answered_at": "2026-03-14T12:00:00+02:00", "nps": 10, "csat": 5}\n'
        '{"encounter_source": "test", "encounter_external_id": "E-2", '
        '"answered_at": "2026-03-14T12:00:00+02:00", "nps": true}\n',
        encoding="utf-8",
    )

    with translation.override("en"):
        result = responses_import(path=path)

        assert _messages(result) == [(2, "nps", str(ERROR_SCORE_RANGE) % {"low": 0, "high": 10})]
    assert Response.objects.count() == 0


def _customer_answer(encounter: Any, *, nps: int) -> Response:
    """The customer's own answer, given through the survey link."""
    invitation, _token = invitation_create(
        encounter=encounter, survey=Survey.objects.create(name="Kysely")
    )
    return response_submit(
        invitation=invitation, nps=nps, csat=None, ces=None, comment="", consent_contact=False
    )


def test_an_import_never_changes_an_answer_the_customer_gave_through_the_survey(
    encounters: list[Any], tmp_path: Path
) -> None:
    # Given a customer who answered E-1's survey through its link
    own = _customer_answer(encounters[0], nps=8)
    # When a file gives E-1 another answer (and E-2 a new one)
    path = _csv(
        tmp_path / "r.csv", [_row(nps="1", csat="1", ces="1"), _row(encounter_external_id="E-2")]
    )
    with translation.override("en"):
        dry = responses_import(path=path, dry_run=True)
        whole = responses_import(path=path)
        partial = responses_import(path=path, partial=True)
        message = str(ERROR_CUSTOMER_ANSWERED)
    # Then the row is an error by row and column, in a dry run too, the
    # import writes nothing, --partial writes only E-2, and the customer's
    # answer is as they gave it
    expected = [(2, "encounter_external_id", message)]
    assert (_messages(dry), dry.rows_valid) == (expected, 1)
    assert (_messages(whole), whole.written, whole.updated) == (expected, False, 0)
    assert (_messages(partial), partial.created, partial.updated) == (expected, 1, 0)
    own.refresh_from_db()
    assert (own.nps, own.csat, own.ces, own.imported) == (8, None, None, False)
    assert Response.objects.filter(imported=True).count() == 1


def test_an_imported_answer_on_an_invitation_sent_earlier_can_still_be_corrected(
    encounters: list[Any], tmp_path: Path
) -> None:
    # Given an encounter invited by e-mail whose answer came by import instead
    invitation, _token = invitation_create(
        encounter=encounters[0], survey=Survey.objects.create(name="Kysely")
    )
    responses_import(path=_csv(tmp_path / "a.csv", [_row(nps="3")]))
    # When a corrected file is imported
    again = responses_import(path=_csv(tmp_path / "b.csv", [_row(nps="7")]))
    # Then the imported answer is updated
    assert (again.error_count, again.updated) == (0, 1)
    assert Response.objects.get(invitation=invitation).nps == 7


def test_a_corrected_answer_no_longer_unhappy_loses_its_open_follow_up(
    cast: Cast, tmp_path: Path
) -> None:
    # Given two recent unhappy answers imported with follow-ups, one of which
    # the lead has already closed after calling the customer
    first, second = _recent_encounter(cast, "R-1"), _recent_encounter(cast, "R-2")
    rows = [
        _row(encounter_external_id=e.external_id, answered_at=_days_ago(1), nps="1", csat="2")
        for e in (first, second)
    ]
    responses_import(path=_csv(tmp_path / "a.csv", rows))
    called = FollowUp.objects.get(encounter=second)
    followup_close(followup=called, outcome="resolved", root_cause="other", note="", by=cast.lead)
    # When a corrected file makes both happy (NPS 10, CSAT 5)
    happy = [{**row, "nps": "10", "csat": "5"} for row in rows]
    result = responses_import(path=_csv(tmp_path / "b.csv", happy))
    # Then the open follow-up is gone, the closed one stays as it was, nothing
    # escalates later, and the daily figures equal the answers
    assert result.updated == 2
    assert list(FollowUp.objects.values_list("encounter", "status")) == [(second.pk, "closed")]
    FollowUp.objects.update(due_at=timezone.now() - timedelta(hours=1))
    assert feedback_tick_run()["escalations"] == 0
    assert _stored_days_and_inbox() == _expected_days()


def test_a_corrected_answer_that_stays_unhappy_keeps_its_follow_up(
    cast: Cast, tmp_path: Path
) -> None:
    encounter = _recent_encounter(cast)
    row = _row(encounter_external_id=encounter.external_id, answered_at=_days_ago(1), nps="1")
    responses_import(path=_csv(tmp_path / "a.csv", [row]))
    opened = FollowUp.objects.get()

    responses_import(path=_csv(tmp_path / "b.csv", [{**row, "nps": "6", "csat": "5"}]))

    assert list(FollowUp.objects.values_list("pk", "status")) == [(opened.pk, "open")]


def test_answers_imported_before_the_marker_existed_are_marked_as_imported(
    encounters: list[Any], tmp_path: Path
) -> None:
    # Given an answer imported earlier (on the import's own survey) and a
    # customer's own answer, from before answers were marked
    responses_import(path=_csv(tmp_path / "a.csv", [_row()]))
    own = _customer_answer(encounters[1], nps=8)
    Response.objects.update(imported=False)
    # When the migration marks the existing answers
    migration = importlib.import_module("kohtaamo.feedback.migrations.0010_response_imported")
    migration.mark_imported(apps, None)
    # Then only the import's answer is marked
    assert dict(Response.objects.values_list("pk", "imported")) == {
        Response.objects.get(invitation__encounter=encounters[0]).pk: True,
        own.pk: False,
    }


def test_the_admin_tells_imported_answers_from_the_customers_own(
    cast: Cast, encounters: list[Any], tmp_path: Path
) -> None:
    _customer_answer(encounters[0], nps=8)
    responses_import(path=_csv(tmp_path / "r.csv", [_row(encounter_external_id="E-2")]))
    admin = client_for(cast.admin)

    imported = admin.get("/admin/feedback/response/?imported__exact=1")
    own = admin.get("/admin/feedback/response/?imported__exact=0")

    assert imported.status_code == own.status_code == 200
    assert imported.context["cl"].result_count == 1
    assert own.context["cl"].result_count == 1
    assert "E-2" in str(imported.context["cl"].result_list[0].invitation.encounter.external_id)
