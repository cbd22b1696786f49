"""The Django admin of encounters leaves alone what the answers' figures count."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kohtaamo.conftest import Cast
from kohtaamo.testing.clients import client_for
from kohtaamo.testing.factories import EncounterFactory


@pytest.mark.django_db
def test_an_encounters_team_staff_and_channel_cannot_be_changed_in_the_admin(cast: Cast) -> None:
    # Given an encounter of the agent's team on the phone
    encounter = EncounterFactory(team=cast.team, staff=cast.agent, channel="phone")
    url = reverse("admin:encounters_encounter_change", args=[encounter.pk])
    client = client_for(cast.admin)
    page = client.get(url).content.decode()
    # Then the change form shows them but has no inputs for them
    assert 'name="team"' not in page
    assert 'name="staff"' not in page
    assert 'name="channel"' not in page
    assert 'name="topic"' in page
    # And a hand-made post that tries to move it changes nothing of them
    data = {
        "source": encounter.source,
        "external_id": encounter.external_id,
        "started_at_0": encounter.started_at.date().isoformat(),
        "started_at_1": "10:00:00",
        "topic": "Laskutus",
        "outcome": "",
        "team": cast.other_team.pk,
        "staff": cast.outsider.pk,
        "channel": "chat",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    encounter.refresh_from_db()
    assert encounter.topic == "Laskutus"  # the post itself went through
    assert (encounter.team, encounter.staff, encounter.channel) == (cast.team, cast.agent, "phone")


@pytest.mark.django_db
def test_a_new_encounter_made_in_the_admin_names_its_team(cast: Cast) -> None:
    page = client_for(cast.admin).get(reverse("admin:encounters_encounter_add")).content.decode()
    assert 'name="team"' in page
    assert 'name="channel"' in page
