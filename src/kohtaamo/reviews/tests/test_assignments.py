"""Weekly samples of encounters for reviewers; named reviewers."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from kohtaamo.conftest import Cast
from kohtaamo.encounters.models import Channel
from kohtaamo.feedback.models import Survey
from kohtaamo.feedback.services import invitation_create, response_submit
from kohtaamo.org.models import TeamRole
from kohtaamo.reviews.models import Review, ReviewAssignment, ReviewerNomination
from kohtaamo.reviews.services import (
    SampleFilter,
    assignments_draw,
    reviewer_nominate,
    week_start,
)
from kohtaamo.reviews.tests.helpers import TOP, finished_review, ratings_by_code
from kohtaamo.testing.clients import client_for
from kohtaamo.testing.factories import EncounterFactory, MembershipFactory, UserFactory

MONDAY = date(2026, 11, 23)


def _at(day: date, hour: int = 10, minutes: int = 7, **extra: Any) -> dict[str, Any]:
    start = timezone.make_aware(datetime(day.year, day.month, day.day, hour))
    return {"started_at": start, "ended_at": start + timedelta(minutes=minutes), **extra}


@pytest.fixture
def week(cast: Cast) -> dict[str, Any]:
    """Five encounters of the agent and two of a colleague in the week of
    MONDAY, one of the lead's own, one the week before, one in Oulu."""
    colleague = UserFactory(first_name="Kalle", last_name="Kollega")
    MembershipFactory(user=colleague, team=cast.team, role=TeamRole.AGENT)
    agent = [
        EncounterFactory(staff=cast.agent, team=cast.team, **_at(MONDAY + timedelta(days=d)))
        for d in range(5)
    ]
    other = [
        EncounterFactory(staff=colleague, team=cast.team, **_at(MONDAY + timedelta(days=6), hour=h))
        for h in (9, 23)
    ]
    return {
        "colleague": colleague,
        "agent": agent,
        "colleague_encounters": other,
        "lead_own": EncounterFactory(staff=cast.lead, team=cast.team, **_at(MONDAY)),
        "before": EncounterFactory(
            staff=cast.agent, team=cast.team, **_at(MONDAY - timedelta(days=1))
        ),
        "oulu": EncounterFactory(staff=cast.outsider, team=cast.other_team, **_at(MONDAY)),
    }


def _draw(
    cast: Cast,
    per_agent: int = 3,
    *,
    reviewer: Any = None,
    by: Any = None,
    sample: SampleFilter | None = None,
    seed: int = 1,
) -> list[ReviewAssignment]:
    return assignments_draw(
        team=cast.team,
        week=MONDAY + timedelta(days=2),
        per_agent=per_agent,
        reviewer=reviewer or cast.lead,
        by=by or cast.lead,
        sample=sample,
        rng=random.Random(seed),
    )


def test_week_start_is_the_monday() -> None:
    assert week_start(date(2026, 11, 29)) == MONDAY
    assert week_start(MONDAY) == MONDAY


def test_draws_n_per_person_from_the_week_of_the_team_only(
    cast: Cast, week: dict[str, Any]
) -> None:
    drawn = _draw(cast, 3)
    by_staff: dict[Any, int] = {}
    for assignment in drawn:
        by_staff[assignment.encounter.staff] = by_staff.get(assignment.encounter.staff, 0) + 1
    # three of the agent's five, both of the colleague's two, none of the lead's own
    assert by_staff == {cast.agent: 3, week["colleague"]: 2}
    ids = {a.encounter_id for a in drawn}
    assert ids <= {e.pk for e in week["agent"] + week["colleague_encounters"]}
    assert {a.week for a in drawn} == {MONDAY}
    assert {a.reviewer for a in drawn} == {cast.lead}


def test_an_encounter_is_never_sampled_twice(cast: Cast, week: dict[str, Any]) -> None:
    first = {a.encounter_id for a in _draw(cast, 3, seed=1)}
    second = {a.encounter_id for a in _draw(cast, 3, seed=2)}
    # the second draw gets only the agent's two left over
    assert first.isdisjoint(second)
    assert first | second == {e.pk for e in week["agent"] + week["colleague_encounters"]}
    assert _draw(cast, 3, seed=3) == []
    assert ReviewAssignment.objects.count() == 7


def test_an_encounter_with_a_lead_review_is_not_drawn(cast: Cast, week: dict[str, Any]) -> None:
    reviewed = week["agent"][0]
    finished_review(reviewed, cast.lead)
    drawn = _draw(cast, 5)
    assert reviewed.pk not in {a.encounter_id for a in drawn}
    assert len(drawn) == 6


def test_filters_by_channel_transcript_and_length(cast: Cast, week: dict[str, Any]) -> None:
    chat = week["agent"][1]
    chat.channel = Channel.CHAT
    chat.has_transcript = True
    chat.ended_at = chat.started_at + timedelta(minutes=30)
    chat.save()
    assert [a.encounter for a in _draw(cast, 5, sample=SampleFilter(channel=Channel.CHAT))] == [
        chat
    ]
    ReviewAssignment.objects.all().delete()
    assert [a.encounter for a in _draw(cast, 5, sample=SampleFilter(has_transcript=True))] == [chat]
    ReviewAssignment.objects.all().delete()
    long_ones = _draw(cast, 5, sample=SampleFilter(min_minutes=20))
    assert [a.encounter for a in long_ones] == [chat]
    ReviewAssignment.objects.all().delete()
    short = _draw(cast, 5, sample=SampleFilter(max_minutes=7))
    assert len(short) == 6 and chat.pk not in {a.encounter_id for a in short}


def test_filters_by_detractor_feedback(cast: Cast, week: dict[str, Any]) -> None:
    survey = Survey.objects.create(name="Kysely")
    unhappy, happy = week["agent"][2], week["agent"][3]
    for encounter, nps in ((unhappy, 3), (happy, 10)):
        invitation, _token = invitation_create(encounter=encounter, survey=survey)
        response_submit(
            invitation=invitation, nps=nps, csat=None, ces=None, comment="", consent_contact=False
        )
    drawn = _draw(cast, 5, sample=SampleFilter(detractor_only=True))
    assert [a.encounter for a in drawn] == [unhappy]


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"per_agent": 0}, "per_agent"),
        ({"per_agent": 21}, "per_agent"),
        ({"sample": SampleFilter(min_minutes=10, max_minutes=5)}, "lengths"),
    ],
)
def test_bad_draws_are_refused_and_nothing_is_assigned(
    cast: Cast, week: dict[str, Any], kwargs: dict[str, Any], error: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        _draw(cast, **kwargs)
    assert caught.value.code == error
    assert ReviewAssignment.objects.count() == 0


def test_a_lead_of_another_team_cannot_draw(cast: Cast, week: dict[str, Any]) -> None:
    with pytest.raises(PermissionDenied):
        _draw(cast, by=cast.outsider_lead, reviewer=cast.outsider_lead)
    assert ReviewAssignment.objects.count() == 0


def test_an_agent_who_is_not_named_cannot_be_given_assignments(
    cast: Cast, week: dict[str, Any]
) -> None:
    with pytest.raises(ValidationError) as caught:
        _draw(cast, reviewer=week["colleague"])
    assert caught.value.code == "not_a_reviewer"
    assert ReviewAssignment.objects.count() == 0


def test_a_named_reviewer_gets_no_encounter_of_their_own_and_reviews_the_assigned(
    cast: Cast, week: dict[str, Any]
) -> None:
    colleague = week["colleague"]
    reviewer_nominate(team=cast.team, user=colleague, by=cast.lead)
    drawn = _draw(cast, 2, reviewer=colleague)
    # the agent's two and the lead's one, none of the colleague's own
    assert sorted(a.encounter.staff.email for a in drawn) == [
        cast.agent.email,
        cast.agent.email,
        cast.lead.email,
    ]
    # the colleague opens and finishes the review of an assigned encounter
    client = client_for(colleague)
    assigned = drawn[0].encounter
    url = reverse("reviews:lead_review", kwargs={"pk": assigned.pk})
    assert client.get(url).status_code == 200
    ids = ratings_by_code(TOP)
    data = {"version": 0, "action": "finish", "overall_comment": ""}
    data.update({f"rating-{pk}": str(r.value) for pk, r in ids.items()})
    assert client.post(url, data).status_code == 302
    assert Review.objects.get(encounter=assigned).reviewer == colleague
    # but not an encounter of the agent that was not assigned
    unassigned = next(e for e in week["agent"] if e.pk not in {a.encounter_id for a in drawn})
    assert (
        client.get(reverse("reviews:lead_review", kwargs={"pk": unassigned.pk})).status_code == 404
    )
    assert Review.objects.count() == 1


def test_only_a_member_of_the_team_can_be_named(cast: Cast) -> None:
    with pytest.raises(ValidationError):
        reviewer_nominate(team=cast.team, user=cast.outsider, by=cast.lead)
    with pytest.raises(PermissionDenied):
        reviewer_nominate(team=cast.team, user=cast.agent, by=cast.outsider_lead)
    assert ReviewerNomination.objects.count() == 0


def test_the_lead_draws_on_the_page_and_sees_the_assignments(
    cast: Cast, week: dict[str, Any]
) -> None:
    client = client_for(cast.lead)
    response = client.post(
        reverse("reviews:assignments"),
        {"team": cast.team.pk, "week": "2026-11-25", "per_agent": 1, "reviewer": cast.lead.pk},
        headers={"accept-language": "en"},
        follow=True,
    )
    assert response.status_code == 200
    assert "2 encounters were assigned." in response.content.decode()
    assert len(response.context["mine"]) == 2
    assert [a.is_done for a in response.context["mine"]] == [False, False]


def test_a_bad_week_is_refused_on_the_page(cast: Cast, week: dict[str, Any]) -> None:
    response = client_for(cast.lead).post(
        reverse("reviews:assignments"),
        {"team": cast.team.pk, "week": "30.13.2026", "per_agent": 1, "reviewer": cast.lead.pk},
        headers={"accept-language": "en"},
    )
    assert response.status_code == 400
    assert "Give the week as a date" in response.content.decode()
    assert ReviewAssignment.objects.count() == 0


def test_an_agent_cannot_draw_or_name(cast: Cast, week: dict[str, Any]) -> None:
    client = client_for(cast.agent)
    data = {"team": cast.team.pk, "week": "2026-11-25", "per_agent": 1, "reviewer": cast.agent.pk}
    assert client.post(reverse("reviews:assignments"), data).status_code == 403
    assert (
        client.post(
            reverse("reviews:reviewer_nominate"), {"team": cast.team.pk, "person": cast.agent.pk}
        ).status_code
        == 403
    )
    assert ReviewAssignment.objects.count() == 0 and ReviewerNomination.objects.count() == 0


def test_a_lead_names_a_reviewer_on_the_page(cast: Cast) -> None:
    response = client_for(cast.lead).post(
        reverse("reviews:reviewer_nominate"), {"team": cast.team.pk, "person": cast.agent.pk}
    )
    assert response.status_code == 302
    assert ReviewerNomination.objects.get().user == cast.agent
