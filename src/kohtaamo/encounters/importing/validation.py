"""Checks of single values that both kinds of import share.

Each check returns the clean value, or `INVALID` after adding the problem to
the row's list; the row validators in `encounter_rows` and `customer_rows`
collect the problems of a row and report them together.
"""

from __future__ import annotations

from datetime import UTC, datetime, timezone, tzinfo
from typing import Any, Final

from django.utils.functional import Promise

from kohtaamo.encounters.importing import messages
from kohtaamo.encounters.importing.errors import ErrorCollector
from kohtaamo.encounters.importing.formats import Problem


class _Invalid:
    """The marker of a value that failed its check."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Final = _Invalid()

TRUE_WORDS = frozenset({"1", "true", "yes", "kyllä", "ja", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "ei", "nej", "off"})


Problems = list[tuple[str, Any, str, tuple[str | int, ...], dict[str, Any]]]
"""The problems of one row: (column, message, code, path below the column,
parameters of the message). A plain list, because most rows have none and a
row's checks run a million times in a big import."""


def add(
    problems: Problems,
    column: str,
    template: Promise | str,
    code: str,
    path: tuple[str | int, ...] = (),
    **params: Any,
) -> _Invalid:
    problems.append((column, template, code, path, params))
    return INVALID


def add_format_problems(problems: Problems, found: list[Problem]) -> None:
    for problem in found:
        add(problems, problem.column, problem.template, problem.code)


def report(problems: Problems, number: int, errors: ErrorCollector) -> None:
    for column, template, code, path, params in problems:
        errors.add(number, column, template, code, path, **params)


def text(
    value: Any, column: str, max_length: int, problems: Problems, *, required: bool = False
) -> str | _Invalid:
    """Text, stripped; a number in JSON is read as its digits. "" when empty."""
    if value.__class__ is str:
        value = value.strip()
    elif value is None:
        value = ""
    elif isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    else:
        return add(problems, column, messages.ERROR_NOT_TEXT, "not_text")
    if not value:
        if required:
            return add(problems, column, messages.ERROR_REQUIRED, "required")
        return value
    if len(value) > max_length:
        return add(problems, column, messages.ERROR_TOO_LONG, "too_long", max=max_length)
    if "\x00" in value:
        # PostgreSQL cannot store NUL in text; say so instead of failing later.
        return add(problems, column, messages.ERROR_NUL, "nul_character")
    return value


def moment(
    value: Any,
    column: str,
    zone: tzinfo,
    problems: Problems,
    *,
    path: tuple[str | int, ...] = (),
) -> datetime | _Invalid | None:
    """An ISO 8601 date and time, aware; a naive one is read in `zone`.
    None when the value is empty."""
    if value.__class__ is str:
        value = value.strip()
        if not value:
            return None
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return add(
                problems, column, messages.ERROR_BAD_DATETIME, "bad_datetime", path, zone=str(zone)
            )
    elif value is None:
        return None
    elif not isinstance(value, datetime):
        return add(
            problems, column, messages.ERROR_BAD_DATETIME, "bad_datetime", path, zone=str(zone)
        )
    stored = aware(value, zone)
    if stored is None:
        return add(
            problems, column, messages.ERROR_BAD_DATETIME, "bad_datetime", path, zone=str(zone)
        )
    return stored


def aware(value: datetime, zone: tzinfo) -> datetime | None:
    """A parsed time as it is compared and stored: a naive one read in
    `zone`. None for the years 1 and 9999, which may not survive the
    conversion to UTC."""
    if not 1 < value.year < 9999:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    elif value.tzinfo.__class__ is timezone:
        # A fixed UTC offset, as most files give: compared and stored in real
        # time already, and converting a million of them costs a second.
        return value
    # In UTC, because Python compares two times of one zone by their wall-clock
    # reading, which puts 03:39 before 04:09 on the morning clocks spring forward.
    return value.astimezone(UTC)


def boolean(value: Any, column: str, problems: Problems) -> bool | _Invalid | None:
    """true/false, 1/0, yes/no (also in Finnish and Swedish). None when empty."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        if value in (0, 1):
            return bool(value)
    elif isinstance(value, str):
        word = value.strip().lower()
        if not word:
            return None
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
    return add(problems, column, messages.ERROR_BAD_BOOLEAN, "bad_boolean")
