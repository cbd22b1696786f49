"""Answering: one answer per invitation, and a follow-up for every unhappy one."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from kohtaamo.conftest import Cast
from kohtaamo.feedback.models import (
    FollowUp,
    FollowUpOutcome,
    FollowUpStatus,
    Invitation,
    InvitationStatus,
    Response,
    RootCause,
    Survey,
)
from kohtaamo.feedback.services import (
    ERROR_ALREADY_ANSWERED,
    ERROR_COMMENT_TOO_LONG,
    ERROR_EXPIRED,
    ERROR_FOLLOWUP_CLOSED,
    ERROR_NOT_ASKED,
    ERROR_OUT_OF_RANGE,
    ERROR_UNKNOWN_OUTCOME,
    followup_assignee,
    followup_close,
    followup_due,
    invitation_create,
)
from kohtaamo.feedback.tests.helpers import answer
from kohtaamo.org.models import Team, TeamMembership, TeamRole, Unit, UnitManager, path_unit_ids
from kohtaamo.testing.factories import (
    EncounterFactory,
    TeamFactory,
    UnitFactory,
    UnitManagerFactory,
    UserFactory,
)

HELSINKI = ZoneInfo("Europe/Helsinki")


def test_promoter_answer_is_stored_without_follow_up(invited: tuple[Invitation, str]) -> None:
    invitation, _token = invited
    response = answer(invitation, nps=10, csat=5, ces=7, comment="  Kiitos avusta!  ")
    response.refresh_from_db()
    invitation.refresh_from_db()
    assert (response.nps, response.csat, response.ces) == (10, 5, 7)
    assert response.comment == "Kiitos avusta!"
    assert response.language == "fi"
    assert invitation.status == InvitationStatus.ANSWERED
    assert invitation.answered_at == response.answered_at
    assert FollowUp.objects.count() == 0


def test_an_answer_copies_its_encounter_and_its_local_day(
    invited: tuple[Invitation, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given an invitation, answered at 22:30 UTC: after midnight in Helsinki
    invitation, _token = invited
    encounter = invitation.encounter
    moment = (timezone.now() + timedelta(days=1)).astimezone(UTC).replace(hour=22, minute=30)
    monkeypatch.setattr(timezone, "now", lambda: moment)

    # When the customer answers
    response = answer(invitation, nps=9)

    # Then the answer holds the encounter's team, staff member and channel,
    # and the Helsinki day, for the reports
    response.refresh_from_db()
    assert (response.team_id, response.staff_id, response.channel) == (
        encounter.team_id,
        encounter.staff_id,
        encounter.channel,
    )
    assert response.answered_at == moment
    assert response.answered_on == moment.date() + timedelta(days=1)


@pytest.mark.parametrize(("nps", "csat"), [(6, 4), (0, None), (9, 2), (None, 1)])
def test_detractor_or_unhappy_csat_opens_followup_for_team_lead(
    invited: tuple[Invitation, str], cast: Cast, nps: int | None, csat: int | None
) -> None:
    invitation, _token = invited
    response = answer(invitation, nps=nps, csat=csat, comment="Odotin puoli tuntia.")
    followup = FollowUp.objects.get()
    assert followup.response == response
    assert followup.assignee == cast.lead
    assert followup.team == cast.team
    assert followup.encounter == invitation.encounter
    assert followup.status == FollowUpStatus.OPEN


@pytest.mark.parametrize(("nps", "csat"), [(7, 3), (8, None), (None, 3)])
def test_passive_or_neutral_answer_opens_no_followup(
    invited: tuple[Invitation, str], nps: int | None, csat: int | None
) -> None:
    invitation, _token = invited
    answer(invitation, nps=nps, csat=csat)
    assert FollowUp.objects.count() == 0


def test_without_team_lead_the_nearest_manager_above_gets_the_followup(
    survey: Survey, cast: Cast
) -> None:
    # given a team without a lead directly under the hotel; the region has a manager
    team = TeamFactory(name="Kokoukset", code="hki-kokoukset", unit=cast.hotel)
    encounter = EncounterFactory(staff=cast.agent, team=team)
    invitation, _token = invitation_create(encounter=encounter, survey=survey)
    # when the customer is a detractor
    answer(invitation, nps=2)
    # then the region's manager owns the follow-up
    assert FollowUp.objects.get().assignee == cast.manager


def test_the_nearest_manager_wins_over_one_higher_up(cast: Cast) -> None:
    team = TeamFactory(name="Kokoukset", code="hki-kokoukset", unit=cast.hotel)
    hotel_manager = UnitManagerFactory(unit=cast.hotel).user
    assert followup_assignee(team=team) == hotel_manager
    TeamMembership.objects.filter(team=cast.team, user=cast.lead).delete()
    assert followup_assignee(team=cast.team) == hotel_manager


def _assignee_by_the_rule(team: Team) -> Any | None:
    """The rule written out in Python, apart from the SQL that states it: the
    team's first active lead, else the first active manager of the nearest
    unit on the path from the team's unit up to the root."""
    leads = TeamMembership.objects.filter(team=team, role=TeamRole.LEAD).order_by("pk")
    for membership in leads:
        if membership.user.is_active:
            return membership.user
    for unit_id in reversed(path_unit_ids(Unit.objects.get(pk=team.unit_id).path)):
        for manager in UnitManager.objects.filter(unit_id=unit_id).order_by("pk"):
            if manager.user.is_active:
                return manager.user
    return None


@pytest.mark.parametrize("seed", range(6))
def test_the_assignee_follows_the_rule_in_any_organisation(db: None, seed: int) -> None:
    # given a random tree of units three deep, teams anywhere in it, and
    # leads and managers, some of them no longer active
    rng = random.Random(seed)
    units = [UnitFactory()]
    for _ in range(6):
        units.append(UnitFactory(parent=rng.choice(units)))
    teams = [TeamFactory(unit=rng.choice(units)) for _ in range(6)]
    people = [UserFactory(is_active=rng.random() < 0.7) for _ in range(8)]
    for team in teams:
        for person in rng.sample(people, rng.randint(0, 2)):
            TeamMembership.objects.create(
                team=team, user=person, role=rng.choice([TeamRole.LEAD, TeamRole.AGENT])
            )
    for unit in rng.sample(units, 3):
        for person in rng.sample(people, rng.randint(1, 2)):
            UnitManagerFactory(unit=unit, user=person)
    # then each team's follow-ups go to whom the rule names
    for team in teams:
        assert followup_assignee(team=team) == _assignee_by_the_rule(team), team


def test_followup_is_due_in_two_working_days_at_the_same_time() -> None:
    friday = datetime(2026, 11, 27, 15, 30, tzinfo=HELSINKI)
    assert followup_due(opened_at=friday) == datetime(2026, 12, 1, 15, 30, tzinfo=HELSINKI)
    before_midsummer = datetime(2026, 6, 18, 9, 0, tzinfo=HELSINKI)
    assert followup_due(opened_at=before_midsummer) == datetime(2026, 6, 23, 9, 0, tzinfo=HELSINKI)


def test_second_submission_is_refused_and_changes_nothing(
    invited: tuple[Invitation, str],
) -> None:
    invitation, _token = invited
    first = answer(invitation, nps=9)
    with pytest.raises(ValidationError) as error:
        answer(invitation, nps=0)
    assert error.value.messages == [str(ERROR_ALREADY_ANSWERED)]
    assert list(Response.objects.values_list("pk", "nps")) == [(first.pk, 9)]
    assert FollowUp.objects.count() == 0


def test_replayed_submission_from_a_stale_invitation_is_refused_by_the_database(
    invited: tuple[Invitation, str],
) -> None:
    # given two copies of the invitation, as two requests would load it
    invitation, _token = invited
    stale = Invitation.objects.get(pk=invitation.pk)
    answer(invitation, nps=10)
    # when the stale copy, which still says "created", is answered
    with pytest.raises(ValidationError) as error:
        answer(stale, nps=1)
    # then the one-to-one constraint refused it and no follow-up was opened
    assert error.value.messages == [str(ERROR_ALREADY_ANSWERED)]
    assert list(Response.objects.values_list("nps", flat=True)) == [10]
    assert FollowUp.objects.count() == 0


def test_expired_invitation_cannot_be_answered(invited: tuple[Invitation, str]) -> None:
    invitation, _token = invited
    invitation.expires_at = timezone.now() - timedelta(seconds=1)
    with pytest.raises(ValidationError) as error:
        answer(invitation)
    assert error.value.messages == [str(ERROR_EXPIRED)]
    assert Response.objects.count() == 0


@pytest.mark.parametrize(
    ("values", "question", "low", "high"),
    [({"nps": 11}, "NPS", 0, 10), ({"csat": 0}, "CSAT", 1, 5), ({"ces": 8}, "CES", 1, 7)],
)
def test_out_of_range_value_is_refused(
    invited: tuple[Invitation, str], values: dict[str, int], question: str, low: int, high: int
) -> None:
    invitation, _token = invited
    with pytest.raises(ValidationError) as error:
        answer(invitation, **values)
    assert error.value.messages == [
        str(ERROR_OUT_OF_RANGE % {"question": question, "low": low, "high": high})
    ]
    assert Response.objects.count() == 0
    assert Invitation.objects.get().status == InvitationStatus.CREATED


def test_answer_to_a_question_that_is_off_is_refused(
    invited: tuple[Invitation, str], survey: Survey
) -> None:
    invitation, _token = invited
    survey.ask_ces = False
    survey.save()
    with pytest.raises(ValidationError) as error:
        answer(invitation, ces=5)
    assert error.value.messages == [str(ERROR_NOT_ASKED % {"question": "CES"})]
    assert Response.objects.count() == 0


def test_too_long_comment_is_refused(invited: tuple[Invitation, str]) -> None:
    invitation, _token = invited
    with pytest.raises(ValidationError) as error:
        answer(invitation, comment="ä" * 1_000_000)
    assert error.value.messages == [str(ERROR_COMMENT_TOO_LONG % {"limit_value": 4000})]
    assert Response.objects.count() == 0


def test_database_refuses_out_of_range_values_written_past_the_service(
    invited: tuple[Invitation, str],
) -> None:
    invitation, _token = invited
    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(invitation=invitation, nps=11, language="fi")
    assert Response.objects.count() == 0


# --- Closing a follow-up -----------------------------------------------------------


@pytest.fixture
def followup(invited: tuple[Invitation, str]) -> FollowUp:
    invitation, _token = invited
    return answer(invitation, nps=3, comment="Asiani jäi hoitamatta.").followup


def test_lead_closes_followup_with_outcome_and_root_cause(followup: FollowUp, cast: Cast) -> None:
    followup_close(
        followup=followup,
        outcome=FollowUpOutcome.RESOLVED,
        root_cause=RootCause.WAITING_TIME,
        note=" Soitin ja pahoittelin. ",
        by=cast.lead,
    )
    followup.refresh_from_db()
    assert followup.status == FollowUpStatus.CLOSED
    assert followup.outcome == FollowUpOutcome.RESOLVED
    assert followup.root_cause == RootCause.WAITING_TIME
    assert followup.note == "Soitin ja pahoittelin."
    assert followup.closed_by == cast.lead
    assert followup.closed_at is not None
    assert followup.contacted_at == followup.closed_at


def test_customer_not_reached_records_no_contact(followup: FollowUp, cast: Cast) -> None:
    followup_close(
        followup=followup,
        outcome=FollowUpOutcome.NOT_REACHED,
        root_cause=RootCause.OTHER,
        note="",
        by=cast.lead,
    )
    followup.refresh_from_db()
    assert followup.status == FollowUpStatus.CLOSED
    assert followup.contacted_at is None


def test_closed_followup_cannot_be_closed_again(followup: FollowUp, cast: Cast) -> None:
    followup_close(
        followup=followup, outcome="resolved", root_cause="advice", note="", by=cast.lead
    )
    with pytest.raises(ValidationError) as error:
        followup_close(
            followup=followup, outcome="other", root_cause="other", note="x", by=cast.manager
        )
    assert error.value.messages == [str(ERROR_FOLLOWUP_CLOSED)]
    followup.refresh_from_db()
    assert (followup.outcome, followup.closed_by) == ("resolved", cast.lead)


def test_unknown_outcome_is_refused(followup: FollowUp, cast: Cast) -> None:
    with pytest.raises(ValidationError) as error:
        followup_close(followup=followup, outcome="lost", root_cause="other", note="", by=cast.lead)
    assert error.value.messages == [str(ERROR_UNKNOWN_OUTCOME)]
    followup.refresh_from_db()
    assert followup.status == FollowUpStatus.OPEN
