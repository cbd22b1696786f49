"""The checklist point of the day: one criterion of the active default
scorecard per working day, the same for every team on the same day (issue 6).

The rotation counts Finnish working days (`feedback.workdays`) from a fixed
Monday, so it needs no stored state and every process agrees on it. A day
off keeps the point of the working day before it, so a team that meets on a
Saturday talks about Friday's point. A new version of the scorecard changes
the points, not the count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from kohtaamo.feedback.workdays import is_working_day
from kohtaamo.reviews.selectors import default_checklist_criteria

ROTATION_EPOCH = date(2024, 1, 1)


@dataclass(frozen=True)
class PointOfDay:
    criterion: Any
    name: str
    guidance: str
    question: str
    number: int
    of: int


@lru_cache(maxsize=512)
def working_days_since_epoch(day: date) -> int:
    """How many working days from the epoch up to and including `day`."""
    if day < ROTATION_EPOCH:
        return 0
    count = 0
    current = ROTATION_EPOCH
    while current <= day:
        count += is_working_day(current)
        current += timedelta(days=1)
    return count


def rotation_index(day: date, points: int) -> int:
    """Which point (0-based) of `points` is the day's."""
    return max(working_days_since_epoch(day) - 1, 0) % points


def point_of_day(day: date) -> PointOfDay | None:
    criteria = default_checklist_criteria()
    if not criteria:
        return None
    index = rotation_index(day, len(criteria))
    criterion = criteria[index]
    return PointOfDay(
        criterion=criterion,
        name=criterion.localized("name"),
        guidance=criterion.localized("guidance"),
        question=criterion.localized("question"),
        number=index + 1,
        of=len(criteria),
    )
