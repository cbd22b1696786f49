"""The building blocks of demo transcripts, one language pack per language.

A conversation is composed from a pack's general lines (greetings, checking
understanding, apologies, closings, and the lines of an agent who assumes
and hurries) and one `Case`: a customer's concrete matter with the words for
each step. Templates carry slots such as {room}, {amount} or {due} that the
composer fills, so that no two transcripts read quite alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

Lines = tuple[str, ...]


@dataclass(frozen=True)
class Case:
    """One matter a customer brings, in one language.

    `summary` and `wrong_guess` are clauses that follow "that …" in the
    agent's mouth; `answer` is in the customer's own words, so a customer who
    is not listened to can repeat it. `due` says how soon the promise falls
    due: "soon", "today", "tomorrow" or "days".
    """

    topic: str
    problem: Lines
    question: Lines
    answer: Lines
    summary: Lines
    wrong_guess: Lines
    action: Lines
    promise: Lines = ()
    due: str = "today"
    upset: Lines = ()
    mistake: Lines = ()
    request: bool = False  # a wish rather than a complaint
    acknowledge: Lines = ()  # instead of the pack's usual acknowledgement

    @property
    def can_recover(self) -> bool:
        return bool(self.upset and self.mistake)


@dataclass(frozen=True)
class Place:
    """How the staff name their desk and the customer names the town."""

    hotel: str
    city: str
    city_in: str  # "in Turku"
    city_to: str  # "to Turku"


@dataclass(frozen=True)
class LanguagePack:
    code: str
    desk: dict[str, str]  # team kind -> how the agent names the desk, with {hotel}
    places: dict[str, Place]  # hotel key -> place
    greeting: dict[str, Lines]  # channel -> lines with {desk}, {agent}, {good_day}
    curt_greeting: dict[str, Lines]
    hello: Lines
    acknowledge_problem: Lines
    acknowledge_request: Lines
    verify: Lines  # with {summary}
    confirm: Lines
    thanks: Lines
    anything_else: Lines
    nothing_else: Lines
    closing: dict[str, Lines]  # with {wish}
    goodbye: dict[str, Lines]
    wishes: tuple[str, str]  # for the day, for the evening
    times_of_day: tuple[str, str, str]  # good morning, good day, good evening
    upset_opening: Lines
    apology: Lines
    still_upset: Lines
    admit: Lines  # with {mistake}
    generic_promise: Lines  # with {due}
    calming: Lines
    recovery_closing: Lines  # with {wish}
    assume: Lines  # with {wrong_guess}
    correct: Lines  # with {answer}
    rush: Lines
    pushback: Lines
    vague: Lines
    unhappy_end: Lines
    dismissive_closing: Lines
    due: dict[str, Lines]  # kind -> with {hour}, {weekday}
    weekdays: Lines  # Monday … Sunday, as used in {weekday}
    cases: tuple[Case, ...]
    twelve_hour_clock: bool = False
    date_pattern: str = "{day}.{month}."  # with {day}, {month} and {month_name}
    month_names: Lines = ()

    def hour_text(self, hour: int) -> str:
        if not self.twelve_hour_clock:
            return str(hour)
        if hour == 12:
            return "noon"
        return f"{hour - 12} pm" if hour > 12 else f"{hour} am"

    def date_text(self, day: date) -> str:
        month_name = self.month_names[day.month - 1] if self.month_names else ""
        return self.date_pattern.format(day=day.day, month=day.month, month_name=month_name)
