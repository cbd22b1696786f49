"""The transcripts the demo writes: believable, timed, and recorded with an
outcome that fits how the conversation went."""

from __future__ import annotations

import re

import pytest
from django.db.models import Max, Min

from kohtaamo.demo.loader import demo_load
from kohtaamo.demo.steps.transcripts import PACKS
from kohtaamo.demo.tests.support import SMALL, TODAY
from kohtaamo.demo.vocabulary.topics import RECOVERED_OUTCOMES, UNRESOLVED_OUTCOMES
from kohtaamo.encounters.models import Encounter, Speaker, TranscriptTurn

pytestmark = pytest.mark.django_db

# A promise with a due time, as the staff say it in any of the languages.
PROMISE_WITH_DUE_TIME = re.compile(
    r"(huomenna klo 12 mennessä|kello \d+ mennessä|viimeistään|by noon tomorrow"
    r"|by \d+ [ap]m|före klockan \d+|senast)"
)


def _staff_lines() -> list[str]:
    return list(TranscriptTurn.objects.filter(speaker=Speaker.STAFF).values_list("text", flat=True))


def test_transcripts_hold_promises_with_due_times_and_apologies() -> None:
    # when
    demo_load(seed=1, scale=SMALL, today=TODAY)

    # then
    lines = _staff_lines()
    apologies = tuple(line for pack in PACKS.values() for line in pack.apology)
    assert any(PROMISE_WITH_DUE_TIME.search(line) for line in lines)
    assert any(line.startswith(apologies) for line in lines)
    assert any(line.startswith(("Ymmärsinkö oikein", "Eli jos ymmärsin oikein")) for line in lines)


def test_transcripts_are_in_the_customers_language() -> None:
    # when
    demo_load(seed=1, scale=SMALL, today=TODAY)

    # then
    for encounter in Encounter.objects.filter(has_transcript=True).select_related("customer"):
        first = encounter.turns.order_by("position").first()
        assert first is not None
        greetings = PACKS[encounter.customer.language].greeting[encounter.channel]
        curt = PACKS[encounter.customer.language].curt_greeting[encounter.channel]
        openers = {line.split("{")[0] for line in greetings + curt}
        assert any(first.text.startswith(opener) for opener in openers), first.text


def test_a_transcript_starts_with_the_encounter_and_ends_before_it_does() -> None:
    # when
    demo_load(seed=1, scale=SMALL, today=TODAY)

    # then
    encounters = Encounter.objects.filter(has_transcript=True).annotate(
        first=Min("turns__spoken_at"), last=Max("turns__spoken_at")
    )
    assert encounters.count() == SMALL.transcripts
    for encounter in encounters:
        assert encounter.first == encounter.started_at
        assert encounter.ended_at is not None
        assert encounter.ended_at > encounter.last


def test_a_conversation_that_went_badly_is_recorded_as_unresolved() -> None:
    # when
    demo_load(seed=1, scale=SMALL, today=TODAY)

    # then
    unhappy = {line for pack in PACKS.values() for line in pack.unhappy_end}
    calmed = {line for pack in PACKS.values() for line in pack.calming}
    went_badly = recovered = 0
    for encounter in Encounter.objects.filter(has_transcript=True):
        texts = set(encounter.turns.values_list("text", flat=True))
        if texts & unhappy:
            went_badly += 1
            assert encounter.outcome in UNRESOLVED_OUTCOMES
        elif texts & calmed:
            recovered += 1
            assert encounter.outcome in RECOVERED_OUTCOMES
    assert went_badly > 0
    assert recovered > 0
