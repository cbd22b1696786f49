"""One encounter with its transcript."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kohtaamo.conftest import Cast
from kohtaamo.core.tests.html import by_id, text_of
from kohtaamo.core.tests.pages import page_client
from kohtaamo.encounters.models import Channel, Speaker, TranscriptTurn
from kohtaamo.testing.factories import CustomerFactory, EncounterFactory

pytestmark = pytest.mark.django_db
START = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Helsinki"))


@pytest.fixture
def call(cast: Cast) -> Any:
    """A phone call of 7 min 30 s with a three-turn transcript."""
    encounter = EncounterFactory(
        staff=cast.agent,
        team=cast.team,
        customer=CustomerFactory(
            name="Pirjo Mäkelä", email="pirjo@example.com", phone="+358401234567"
        ),
        channel=Channel.PHONE,
        started_at=START,
        ended_at=START + timedelta(minutes=7, seconds=30),
        topic="Laskun eräpäivä",
        has_transcript=True,
    )
    lines = [
        (Speaker.STAFF, "Hyvää huomenta, Aino puhelimessa. Miten voin auttaa?", 0),
        (Speaker.CUSTOMER, "Laskuni eräpäivä on jo huomenna, voisiko sitä siirtää?", 8),
        (Speaker.STAFF, "Siirrän sen kahdella viikolla, saatte vahvistuksen tänään.", 125),
    ]
    for position, (speaker, text, second) in enumerate(lines):
        TranscriptTurn.objects.create(
            encounter=encounter,
            position=position,
            speaker=speaker,
            text=text,
            spoken_at=START + timedelta(seconds=second),
        )
    return encounter


def test_the_facts_show_times_duration_and_people(cast: Cast, call: Any) -> None:
    response = page_client(cast.lead).get(reverse("encounters:detail", args=[call.pk]))
    assert text_of(response.content, "encounter-facts") == (
        "Channel Phone Started 2 March 2026, 09:00 Ended 2 March 2026, 09:07 Duration 7 min 30 s "
        "Staff member Aino Agentti Team Vastaanotto (Hotelli Helsinki) Customer Pirjo Mäkelä (Finnish) "
        f"Outcome Ratkaistu Source test:{call.external_id}"
    )


def test_the_customer_is_shown_by_name_only(cast: Cast, call: Any) -> None:
    response = page_client(cast.agent).get(reverse("encounters:detail", args=[call.pk]))
    assert "Pirjo Mäkelä" in response.text
    assert "pirjo@example.com" not in response.text
    assert "+358401234567" not in response.text


def test_turns_tell_staff_and_customer_apart_with_times(cast: Cast, call: Any) -> None:
    response = page_client(cast.agent).get(reverse("encounters:detail", args=[call.pk]))
    transcript = by_id(response.content, "transcript")
    turns = [node for node in transcript.children if not isinstance(node, str)]
    assert [t.attrs["class"] for t in turns] == ["turn staff", "turn customer", "turn staff"]
    assert [t.text() for t in turns] == [
        "Aino Agentti (Staff) 09:00:00 +00:00 Hyvää huomenta, Aino puhelimessa. Miten voin auttaa?",
        "Pirjo Mäkelä (Customer) 09:00:08 +00:08 Laskuni eräpäivä on jo huomenna, voisiko sitä siirtää?",
        "Aino Agentti (Staff) 09:02:05 +02:05 Siirrän sen kahdella viikolla, saatte vahvistuksen tänään.",
    ]


def test_an_encounter_without_transcript_says_so(cast: Cast, encounter: Any) -> None:
    response = page_client(cast.agent).get(reverse("encounters:detail", args=[encounter.pk]))
    assert "This encounter has no transcript." in response.text


def test_someone_elses_encounter_is_not_found(cast: Cast, other_encounter: Any) -> None:
    for role in ("agent", "lead", "manager"):
        response = page_client(getattr(cast, role)).get(
            reverse("encounters:detail", args=[other_encounter.pk])
        )
        assert response.status_code == 404, role


def test_a_200_turn_transcript_takes_as_many_queries_as_a_short_one(cast: Cast, call: Any) -> None:
    client = page_client(cast.lead)
    url = reverse("encounters:detail", args=[call.pk])
    with CaptureQueriesContext(connection) as short:
        client.get(url)
    TranscriptTurn.objects.bulk_create(
        TranscriptTurn(
            encounter=call,
            position=position,
            speaker=Speaker.STAFF if position % 2 else Speaker.CUSTOMER,
            text=f"Vuoro {position}",
            spoken_at=START + timedelta(seconds=position * 2),
        )
        for position in range(3, 200)
    )
    with CaptureQueriesContext(connection) as long:
        response = client.get(url)
    assert response.text.count('<li class="turn ') == 200
    # session, user, the scope (2), the encounter with its people, the turns,
    # the customer's survey answer, the encounter's reviews
    assert len(long) == len(short) == 8
