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
        "Vastaanotto · Hotelli Helsinki · you lead this team 3 encounters this week"
    )
    assert _recent_topics(response) == ["Aamiainen", "Lasku", "Reklamaatio", "Vanha asia"]


def test_manager_sees_their_units(cast: Cast, work: None) -> None:
    response = page_client(cast.manager).get(reverse("core:home"))
    assert text_of(response.content, "home-units") == "Etelä-Suomi 1 team · 3 encounters this week"
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
