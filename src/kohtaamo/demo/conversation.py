"""Compose a believable conversation from a language pack and a case.

Three courses, after the checklist of the essays (listen, ask and verify,
don't assume; promise only what you can keep; admit and fix mistakes):

- GOOD: the agent asks, checks their understanding, solves, and often makes
  a promise with a due time.
- RECOVERY: an upset customer; the agent apologises, admits the mistake,
  fixes it and promises a follow-up, and the customer calms down.
- BAD: the agent assumes, hurries, promises nothing definite, and the
  customer leaves unhappy.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from kohtaamo.demo.vocabulary.conversations import Case, LanguagePack
from kohtaamo.encounters.models import Speaker


class Course(StrEnum):
    GOOD = "good"
    RECOVERY = "recovery"
    BAD = "bad"


@dataclass(frozen=True)
class Turn:
    speaker: Speaker
    text: str


def _join(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def conversation_slots(
    pack: LanguagePack,
    rng: random.Random,
    *,
    agent: str,
    team_kind: str,
    hotel_key: str,
    when: datetime,
) -> dict[str, str]:
    """The values a conversation's templates may ask for."""
    place = pack.places[hotel_key]
    room = rng.randrange(1, 6) * 100 + rng.randrange(1, 40)
    wish = pack.wishes[0] if when.hour < 17 else pack.wishes[1]
    return {
        "agent": agent,
        "desk": pack.desk[team_kind].format(hotel=place.hotel),
        "hotel": place.hotel,
        "city": place.city,
        "city_in": place.city_in,
        "city_to": place.city_to,
        "room": str(room),
        "room_next": str(room + 2),
        "booking": str(rng.randrange(100_000, 1_000_000)),
        "member": str(rng.randrange(10_000_000, 100_000_000)),
        "giftcard": f"AUR-{rng.randrange(100_000, 1_000_000)}",
        "amount": str(rng.randrange(79, 320)),
        "small_amount": str(rng.randrange(6, 29)),
        "stay_date": pack.date_text((when + timedelta(days=rng.randrange(5, 60))).date()),
        "past_date": pack.date_text((when - timedelta(days=rng.randrange(3, 21))).date()),
        "good_day": pack.times_of_day[0 if when.hour < 10 else 1 if when.hour < 17 else 2],
        "wish": wish,
        "wish_cap": wish[:1].upper() + wish[1:],
    }


def due_phrase(pack: LanguagePack, kind: str, when: datetime, rng: random.Random) -> str:
    """A due time such as "huomenna klo 12 mennessä", true to the moment."""
    if kind == "today" and when.hour >= 15:
        kind = "tomorrow"
    hour = rng.choice((10, 11, 12, 14))
    weekday = ""
    if kind == "today":
        first = max(when.hour + 2, 10)
        hour = rng.randrange(first, max(first, min(when.hour + 4, 18)) + 1)
    elif kind == "days":
        day = when.date()
        working_days = rng.choice((2, 3))
        while working_days:
            day += timedelta(days=1)
            if day.weekday() < 5:
                working_days -= 1
        weekday = pack.weekdays[day.weekday()]
        hour = rng.choice((10, 12, 14, 16))
    template = rng.choice(pack.due[kind])
    return template.format(hour=pack.hour_text(hour), weekday=weekday)


def conversation_compose(
    *,
    pack: LanguagePack,
    case: Case,
    course: Course,
    channel: str,
    slots: dict[str, str],
    when: datetime,
    rng: random.Random,
) -> list[Turn]:
    pick = rng.choice

    def fill(text: str) -> str:
        return text.format_map(slots)

    summary = fill(pick(case.summary))
    answer = fill(pick(case.answer))
    due = due_phrase(pack, case.due, when, rng)
    promise = fill(pick(case.promise).replace("{due}", due)) if case.promise else ""
    turns: list[Turn] = []

    def staff(text: str) -> None:
        if text:
            turns.append(Turn(Speaker.STAFF, fill(text)))

    def customer(text: str) -> None:
        if text:
            turns.append(Turn(Speaker.CUSTOMER, fill(text)))

    if course == Course.RECOVERY:
        staff(pick(pack.greeting[channel]))
        customer(_join(pick(pack.upset_opening), pick(case.upset)))
        staff(_join(pick(pack.apology), pick(case.question)))
        customer(_join(pick(pack.still_upset), answer))
        staff(pick(pack.verify).replace("{summary}", summary))
        customer(pick(pack.confirm))
        promise = promise or pick(pack.generic_promise).replace("{due}", due)
        admit = pick(pack.admit).replace("{mistake}", pick(case.mistake))
        staff(_join(admit, pick(case.action), promise))
        customer(pick(pack.calming))
        staff(pick(pack.recovery_closing))
        customer(pick(pack.goodbye[channel]))
        return turns

    if course == Course.BAD:
        curt = rng.random() < 0.6
        staff(pick(pack.curt_greeting[channel] if curt else pack.greeting[channel]))
        customer(_join(pick(pack.hello), pick(case.problem)))
        if rng.random() < 0.7:
            staff(pick(pack.assume).replace("{wrong_guess}", pick(case.wrong_guess)))
            customer(pick(pack.correct).replace("{answer}", answer))
        staff(pick(pack.rush))
        customer(pick(pack.pushback))
        staff(pick(pack.vague))
        customer(pick(pack.unhappy_end))
        staff(pick(pack.dismissive_closing))
        return turns

    acknowledge = case.acknowledge or (
        pack.acknowledge_request if case.request else pack.acknowledge_problem
    )
    staff(pick(pack.greeting[channel]))
    customer(_join(pick(pack.hello), pick(case.problem)))
    staff(_join(pick(acknowledge), pick(case.question)))
    customer(answer)
    staff(pick(pack.verify).replace("{summary}", summary))
    customer(pick(pack.confirm))
    staff(_join(pick(case.action), promise if rng.random() < 0.85 else ""))
    customer(pick(pack.thanks))
    if rng.random() < 0.6:
        staff(pick(pack.anything_else))
        customer(pick(pack.nothing_else))
    staff(pick(pack.closing[channel]))
    customer(pick(pack.goodbye[channel]))
    return turns
