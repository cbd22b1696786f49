"""Invitation rules and the periodic tick that applies them (issue 4)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from kohtaamo.conftest import Cast
from kohtaamo.feedback.models import (
    DecisionOutcome,
    Invitation,
    InvitationDecision,
    InvitationRule,
    InvitationStatus,
    Survey,
)
from kohtaamo.feedback.rules import (
    ERROR_RULE_CHANNELS,
    ERROR_RULE_DELAY,
    ERROR_RULE_EXISTS,
    ERROR_RULE_SAMPLING,
    ERROR_RULE_SURVEY,
    ERROR_RULE_TARGET,
    active_rules_by_team,
    in_sample,
    invitation_rule_create,
    rule_for_team,
)
from kohtaamo.feedback.tasks import feedback_tick_run
from kohtaamo.testing.factories import CustomerFactory, EncounterFactory, TeamFactory


def _ended(hours_ago: float, cast: Cast, **extra: Any) -> Any:
    ended = timezone.now() - timedelta(hours=hours_ago)
    return EncounterFactory(
        staff=cast.agent,
        team=cast.team,
        started_at=ended - timedelta(minutes=10),
        ended_at=ended,
        **extra,
    )


def _rule(cast: Cast, survey: Survey, **values: Any) -> InvitationRule:
    defaults: dict[str, Any] = {
        "unit": cast.hotel,
        "survey": survey,
        "channels": ["phone", "email"],
        "delay_hours": 2,
        "sampling_percent": 100,
    }
    return invitation_rule_create(**{**defaults, **values})


# --- Writing rules --------------------------------------------------------------


def test_rule_needs_exactly_one_of_unit_and_team(cast: Cast, survey: Survey) -> None:
    for target in ({}, {"unit": cast.hotel, "team": cast.team}):
        with pytest.raises(ValidationError) as error:
            invitation_rule_create(
                survey=survey, channels=["phone"], delay_hours=1, sampling_percent=10, **target
            )
        assert error.value.messages == [str(ERROR_RULE_TARGET)]
    assert InvitationRule.objects.count() == 0


def test_rule_values_out_of_range_are_refused_field_by_field(cast: Cast, survey: Survey) -> None:
    with pytest.raises(ValidationError) as error:
        _rule(cast, survey, channels=["fax"], delay_hours=24 * 14 + 1, sampling_percent=101)
    assert error.value.message_dict == {
        "channels": [str(ERROR_RULE_CHANNELS)],
        "delay_hours": [str(ERROR_RULE_DELAY) % {"max": 336}],
        "sampling_percent": [str(ERROR_RULE_SAMPLING) % {"max": 100}],
    }
    assert InvitationRule.objects.count() == 0


def test_second_rule_for_the_same_unit_is_refused(cast: Cast, survey: Survey) -> None:
    _rule(cast, survey)
    with pytest.raises(ValidationError) as error:
        _rule(cast, survey, channels=["chat"])
    assert error.value.messages == [str(ERROR_RULE_EXISTS)]
    assert InvitationRule.objects.count() == 1


def test_survey_of_another_unit_cannot_be_used(cast: Cast) -> None:
    oulu_survey = Survey.objects.create(name="Oulun kysely", unit=cast.other_unit)
    with pytest.raises(ValidationError) as error:
        _rule(cast, oulu_survey)
    assert error.value.message_dict == {"survey": [str(ERROR_RULE_SURVEY)]}


def test_team_rule_comes_before_the_units_and_nearest_unit_before_higher(
    cast: Cast, survey: Survey
) -> None:
    region_rule = _rule(cast, survey, unit=cast.region)
    assert rule_for_team(team=cast.team) == region_rule
    hotel_rule = _rule(cast, survey, unit=cast.hotel)
    assert rule_for_team(team=cast.team) == hotel_rule
    team_rule = _rule(cast, survey, unit=None, team=cast.team, active=False)
    assert rule_for_team(team=cast.team) == team_rule
    # an inactive nearest rule means no invitations for that team
    assert cast.team.pk not in active_rules_by_team()
    assert rule_for_team(team=cast.other_team) is None


def test_sampling_is_deterministic_and_nested() -> None:
    ids = range(1, 5001)
    twenty = {i for i in ids if in_sample(encounter_id=i, percent=20)}
    fifty = {i for i in ids if in_sample(encounter_id=i, percent=50)}
    assert twenty == {i for i in ids if in_sample(encounter_id=i, percent=20)}
    assert twenty <= fifty
    # a fair hash: 20 % of 5,000 within three standard deviations (±85)
    assert abs(len(twenty) - 1000) < 85
    assert {i for i in ids if in_sample(encounter_id=i, percent=0)} == set()
    assert {i for i in ids if in_sample(encounter_id=i, percent=100)} == set(ids)


# --- The tick ----------------------------------------------------------------------


def test_tick_invites_due_encounters_of_the_rules_channels_once(cast: Cast, survey: Survey) -> None:
    # given a rule for phone and e-mail, two hours after the encounter
    _rule(cast, survey)
    due = _ended(3, cast)
    not_yet = _ended(1, cast)
    chat = _ended(3, cast, channel="chat")
    elsewhere = EncounterFactory(
        team=cast.other_team,
        ended_at=timezone.now() - timedelta(hours=3),
        started_at=timezone.now() - timedelta(hours=4),
    )
    # when the tick runs twice
    first = feedback_tick_run()
    second = feedback_tick_run()
    # then only the due phone encounter was invited and e-mailed, once
    assert (first["invited"], first["emails"]) == (1, 1)
    assert (second["invited"], second["emails"]) == (0, 0)
    invitation = Invitation.objects.get()
    assert invitation.encounter == due
    assert invitation.status == InvitationStatus.SENT
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [due.customer.email]
    assert InvitationDecision.objects.get(encounter=due).outcome == DecisionOutcome.INVITED
    for encounter in (not_yet, chat, elsewhere):
        assert not InvitationDecision.objects.filter(encounter=encounter).exists()


def test_tick_respects_fatigue_opt_out_missing_email_and_sampling(
    cast: Cast, survey: Survey
) -> None:
    _rule(cast, survey)
    repeat_customer = CustomerFactory()
    first = _ended(5, cast, customer=repeat_customer)
    again = _ended(4, cast, customer=repeat_customer)
    opted_out = _ended(3, cast, customer=CustomerFactory(consent_surveys=False))
    no_email = _ended(3, cast, customer=CustomerFactory(email=""))
    anonymous = _ended(3, cast, customer=None)
    feedback_tick_run()
    outcomes = dict(InvitationDecision.objects.values_list("encounter_id", "outcome"))
    assert outcomes == {
        first.pk: DecisionOutcome.INVITED,
        again.pk: DecisionOutcome.INVITED_RECENTLY,
        opted_out.pk: DecisionOutcome.OPTED_OUT,
        no_email.pk: DecisionOutcome.NO_EMAIL,
        anonymous.pk: DecisionOutcome.NO_CUSTOMER,
    }
    assert list(Invitation.objects.values_list("encounter_id", flat=True)) == [first.pk]


def test_sampled_out_encounter_is_decided_and_not_invited(cast: Cast, survey: Survey) -> None:
    _rule(cast, survey, sampling_percent=0)
    encounter = _ended(3, cast)
    feedback_tick_run()
    assert InvitationDecision.objects.get().outcome == DecisionOutcome.SAMPLED_OUT
    assert Invitation.objects.filter(encounter=encounter).count() == 0
    assert mail.outbox == []


def test_encounter_invited_through_the_api_is_not_invited_again(cast: Cast, survey: Survey) -> None:
    from kohtaamo.feedback.services import invitation_create

    _rule(cast, survey)
    encounter = _ended(3, cast)
    invitation_create(encounter=encounter, survey=survey)
    feedback_tick_run()
    assert Invitation.objects.filter(encounter=encounter).count() == 1
    assert InvitationDecision.objects.get().outcome == DecisionOutcome.ALREADY_INVITED


def test_old_encounters_are_never_invited_by_a_new_rule(cast: Cast, survey: Survey) -> None:
    # given encounters of last week and a rule made today
    old = _ended(24 * 7, cast)
    _rule(cast, survey)
    feedback_tick_run()
    assert not InvitationDecision.objects.filter(encounter=old).exists()
    assert Invitation.objects.count() == 0


def test_a_team_without_a_rule_gets_no_invitations(cast: Cast, survey: Survey) -> None:
    lonely = TeamFactory(unit=cast.other_unit)
    ended = timezone.now() - timedelta(hours=30)
    EncounterFactory(team=lonely, started_at=ended - timedelta(minutes=5), ended_at=ended)
    assert feedback_tick_run()["decided"] == 0


def test_management_command_enqueues_or_runs_the_tick(cast: Cast, survey: Survey) -> None:
    from io import StringIO

    _rule(cast, survey)
    _ended(3, cast)
    out = StringIO()
    call_command("feedback_tick", "--now", stdout=out)
    assert out.getvalue().strip() == (
        "decided 1, invited 1, e-mails 1, escalations 0, answers added to their days 0"
    )
    out = StringIO()
    # the test settings run enqueued tasks at once (the immediate backend)
    call_command("feedback_tick", stdout=out)
    assert out.getvalue().startswith("feedback tick enqueued (")
    assert len(mail.outbox) == 1
