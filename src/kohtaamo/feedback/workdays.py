"""Working-day arithmetic for follow-up deadlines (pure: no Django imports).

A follow-up is due in two *working* days, so that a complaint on a Friday or
before Midsummer is not overdue before anyone was back at work. Finnish public
holidays come from the `holidays` package, which also lists Midsummer Eve and
Christmas Eve, the days almost every Finnish workplace is closed.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import holidays


@cache
def _finnish_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("FI", years=year))


def calendars_load(today: date) -> None:
    """Load this year's and next year's holidays ahead of need (a follow-up
    opened in late December falls due in January). The first load imports the
    `holidays` package's module of every country, about 60 ms of CPU: a
    server's worker does it as it starts (`kohtaamo/wsgi.py`), not while the
    first unhappy customer's answer waits."""
    for year in (today.year, today.year + 1):
        _finnish_holidays(year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _finnish_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start` (the start itself not counted)."""
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    remaining = days
    while remaining:
        current += timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current
