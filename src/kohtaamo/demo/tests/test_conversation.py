"""Composing conversations: every template fills, and each course reads as it
should (checking understanding, admitting mistakes, or going badly)."""

from __future__ import annotations

import random
import re
from datetime import datetime

import pytest

from kohtaamo.demo.context import DEMO_TIME_ZONE
from kohtaamo.demo.conversation import (
    Course,
    Turn,
    conversation_compose,
    conversation_slots,
    due_phrase,
)
from kohtaamo.demo.steps.transcripts import PACKS
from kohtaamo.demo.vocabulary.conversations import Case, LanguagePack
from kohtaamo.demo.vocabulary.conversations.fi import PACK as FI
from kohtaamo.demo.vocabulary.topics import TOPICS
from kohtaamo.encounters.models import Speaker

# A Thursday morning in Helsinki.
THURSDAY_MORNING = datetime(2026, 3, 12, 9, 20, tzinfo=DEMO_TIME_ZONE)


def _compose(
    pack: LanguagePack, case: Case, course: Course, channel: str = "phone", seed: int = 0
) -> tuple[list[Turn], dict[str, str]]:
    rng = random.Random(seed)
    slots = conversation_slots(
        pack,
        rng,
        agent="Aino",
        team_kind="phone_centre",
        hotel_key="turku",
        when=THURSDAY_MORNING,
    )
    turns = conversation_compose(
        pack=pack,
        case=case,
        course=course,
        channel=channel,
        slots=slots,
        when=THURSDAY_MORNING,
        rng=rng,
    )
    return turns, slots


def _due_pattern(pack: LanguagePack) -> re.Pattern[str]:
    """Any due time the pack can say, with its hour and weekday."""
    phrases = []
    for template in (t for templates in pack.due.values() for t in templates):
        phrase = re.escape(template)
        phrase = phrase.replace(r"\{hour\}", r"(\d{1,2}( [ap]m)?|noon)")
        phrases.append(phrase.replace(r"\{weekday\}", "(" + "|".join(pack.weekdays) + ")"))
    return re.compile("|".join(phrases))


@pytest.mark.parametrize("language", sorted(PACKS))
def test_every_case_composes_in_every_course_with_every_slot_filled(language: str) -> None:
    pack = PACKS[language]
    for case in pack.cases:
        assert case.topic in TOPICS
        courses = [c for c in Course if c != Course.RECOVERY or case.can_recover]
        for course in courses:
            for channel in ("phone", "chat"):
                # when
                turns, _slots = _compose(pack, case, course, channel)

                # then
                texts = [turn.text for turn in turns]
                assert turns[0].speaker == Speaker.STAFF
                assert {turn.speaker for turn in turns} == {Speaker.STAFF, Speaker.CUSTOMER}
                assert all(text and "{" not in text and "}" not in text for text in texts), texts
                assert all("  " not in text for text in texts), texts


def test_a_good_conversation_checks_understanding_before_solving() -> None:
    # given
    case = FI.cases[0]

    # when
    turns, slots = _compose(FI, case, Course.GOOD)

    # then
    summary = case.summary[0].format_map(slots)
    assert summary == (
        f"huoneen {slots['room']} suihkusta tulee vain kylmää vettä, mutta lavuaarin hana toimii"
    )
    assert turns[4].speaker == Speaker.STAFF
    assert turns[4].text in {line.replace("{summary}", summary) for line in FI.verify}
    assert turns[5].text in FI.confirm
    assert turns[6].text.startswith(tuple(line.format_map(slots) for line in case.action))


def test_a_recovery_apologises_admits_the_mistake_promises_a_due_time_and_calms_down() -> None:
    # given
    case = FI.cases[0]

    # when
    turns, _slots = _compose(FI, case, Course.RECOVERY)

    # then
    assert turns[1].text.startswith(FI.upset_opening)
    assert turns[2].text.startswith(FI.apology)
    assert case.mistake[0] in turns[6].text
    assert _due_pattern(FI).search(turns[6].text)
    assert turns[7].text in FI.calming


@pytest.mark.parametrize("seed", range(5))
def test_a_bad_conversation_hurries_never_verifies_and_leaves_the_customer_unhappy(
    seed: int,
) -> None:
    # given
    case = FI.cases[0]

    # when
    turns, slots = _compose(FI, case, Course.BAD, seed=seed)

    # then
    summary = case.summary[0].format_map(slots)
    staff_texts = [t.text for t in turns if t.speaker == Speaker.STAFF]
    customer_texts = [t.text for t in turns if t.speaker == Speaker.CUSTOMER]
    assert not any(summary in text for text in staff_texts)
    assert not any(_due_pattern(FI).search(text) for text in staff_texts)
    assert any(text in FI.rush for text in staff_texts)
    assert customer_texts[-1] in FI.unhappy_end


def test_a_promise_due_today_after_three_moves_to_tomorrow() -> None:
    # given
    late_afternoon = datetime(2026, 3, 12, 16, 5, tzinfo=DEMO_TIME_ZONE)

    # when
    phrases = {due_phrase(FI, "today", late_afternoon, random.Random(s)) for s in range(40)}

    # then
    assert phrases <= {
        "huomenna klo 12 mennessä",
        "huomenna ennen kello 10",
        "huomenna ennen kello 11",
        "huomenna ennen kello 12",
        "huomenna ennen kello 14",
        "huomenna aamupäivän aikana, viimeistään kello 11",
    }
    assert "huomenna klo 12 mennessä" in phrases


def test_a_promise_due_in_days_names_a_working_day() -> None:
    # when: two or three working days after a Thursday
    phrases = {due_phrase(FI, "days", THURSDAY_MORNING, random.Random(s)) for s in range(60)}

    # then
    hours = (10, 12, 14, 16)
    assert phrases <= (
        {f"{day} kello {h} mennessä" for day in ("maanantaina", "tiistaina") for h in hours}
        | {"viimeistään maanantaina", "viimeistään tiistaina", "kahden arkipäivän kuluessa"}
    )
    assert "viimeistään maanantaina" in phrases


def test_english_due_times_use_the_twelve_hour_clock() -> None:
    # when: a promise due today, made at 9.20
    phrases = {
        due_phrase(PACKS["en"], "today", THURSDAY_MORNING, random.Random(s)) for s in range(40)
    }

    # then
    hours = ("11 am", "noon", "1 pm")
    assert phrases == {f"{word} {h} today" for word in ("by", "before") for h in hours}
