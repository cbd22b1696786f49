"""The start page shows each role what it needs first."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from kohtaamo.conftest import Cast
from kohtaamo.core.tests.html import text_of
from kohtaamo.core.tests.pages import page_client
from kohtaamo.testing.factories import EncounterFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def work(cast: Cast) -> None:
    """Two encounters of the agent this week, one of the lead, one older, one in Oulu."""
    now = timezone.now()
    EncounterFactory(staff=cast.agent, team=cast.team, topic="Aamiainen", has_transcript=True)
    EncounterFactory(
        staff=cast.agent, team=cast.team, topic="Lasku", started_at=now - timedelta(days=1)
    )
    EncounterFactory(
        staff=cast.lead, team=cast.team, topic="Reklamaatio", started_at=now - timedelta(days=2)
    )
    EncounterFactory(
        staff=cast.agent, team=cast.team, topic="Vanha asia", started_at=now - timedelta(days=20)
    )
    EncounterFactory(staff=cast.outsider, team=cast.other_team, topic="Oulun huone")


def _figure(response: Any) -> str:
    return response.context["summary"].encounters_last_7_days


def _recent_topics(response: Any) -> list[str]:
    return [s.topic for s in response.context["summary"].recent_encounters]


def test_agent_sees_own_work_and_own_team(cast: Cast, work: None) -> None:
    response = page_client(cast.agent).get(reverse("core:home"))
    assert "Your encounters in the last 7 days" in response.text
    assert _figure(response) == 2
    assert text_of(response.content, "home-teams") == "Vastaanotto · Hotelli Helsinki"
    assert _recent_topics(response) == ["Aamiainen", "Lasku", "Vanha asia"]
    assert "home-units" not in response.text
    assert "home-organisation" not in response.text


def test_lead_sees_their_team_with_this_weeks_count(cast: Cast, work: None) -> None:
    response = page_client(cast.lead).get(reverse("core:home"))
    assert _figure(response) == 3
    assert text_of(response.content, "home-teams") == (
        "Vastaanotto · Hotelli Helsinki · you lead this team 3 encounters in the last 7 days"
    )
    assert _recent_topics(response) == ["Aamiainen", "Lasku", "Reklamaatio", "Vanha asia"]


def test_manager_sees_their_units(cast: Cast, work: None) -> None:
    response = page_client(cast.manager).get(reverse("core:home"))
    assert (
        text_of(response.content, "home-units")
        == "Etelä-Suomi 1 team · 3 encounters in the last 7 days"
    )
    assert "home-teams" not in response.text
    assert "Oulun huone" not in response.text


def test_admin_sees_the_whole_organisation(cast: Cast, work: None) -> None:
    response = page_client(cast.admin).get(reverse("core:home"))
    assert _figure(response) == 4
    assert text_of(response.content, "home-organisation") == "Units 3 Teams 2 Active people 6"
    assert reverse("org:person_create") in response.text
    assert "Oulun huone" in text_of(response.content, "home-recent")


def test_home_needs_a_login(db: None) -> None:
    response = page_client(None).get(reverse("core:home"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next=/"


def _unhappy_answer(cast: Cast, team: Any, *, overdue: bool = False) -> None:
    from kohtaamo.feedback.models import FollowUp, Survey
    from kohtaamo.feedback.services import invitation_create
    from kohtaamo.feedback.tests.helpers import answer

    survey = Survey.objects.first() or Survey.objects.create(name="Asiakaskysely")
    encounter = EncounterFactory(
        staff=cast.agent if team == cast.team else cast.outsider, team=team
    )
    invitation, _token = invitation_create(encounter=encounter, survey=survey)
    followup = answer(invitation, nps=2, comment="Kukaan ei soittanut.").followup
    if overdue:
        FollowUp.objects.filter(pk=followup.pk).update(due_at=timezone.now() - timedelta(hours=1))


def test_the_day_starts_with_the_customers_waiting_for_a_call_back_and_the_line_up(
    cast: Cast,
) -> None:
    # given two unhappy answers in the lead's team, one of them overdue, and one in Oulu
    _unhappy_answer(cast, cast.team, overdue=True)
    _unhappy_answer(cast, cast.team)
    _unhappy_answer(cast, cast.other_team, overdue=True)
    # when the lead opens the start page
    response = page_client(cast.lead).get(reverse("core:home"))
    # then the first card says what waits today, with the way to each
    assert text_of(response.content, "home-today") == (
        "Today 2 open follow-ups · 1 overdue Line-up of Vastaanotto"
    )
    assert reverse("feedback:followups") in response.text
    assert reverse("lineup:team_lineup", args=[cast.team.pk]) in response.text
    # and the manager of the south counts the same two, not Oulu's
    manager = page_client(cast.manager).get(reverse("core:home"))
    assert text_of(manager.content, "home-today") == "Today 2 open follow-ups · 1 overdue"


def test_an_agent_gets_the_line_up_but_makes_no_call_backs(cast: Cast) -> None:
    _unhappy_answer(cast, cast.team, overdue=True)
    response = page_client(cast.agent).get(reverse("core:home"))
    assert text_of(response.content, "home-today") == "Today Line-up of Vastaanotto"
    assert reverse("feedback:followups") not in text_of(response.content, "home-today")


def test_a_lead_with_nothing_waiting_is_told_so(cast: Cast) -> None:
    response = page_client(cast.lead).get(reverse("core:home"))
    assert text_of(response.content, "home-today") == (
        "Today No open follow-ups. Line-up of Vastaanotto"
    )
