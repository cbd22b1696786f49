"""The checklist point of the day: one criterion of the active default
scorecard per working day, the same for every team (issue 6).

Filled in once the reviews app lands; until then there is no point.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class PointOfDay:
    criterion: Any
    name: str
    guidance: str
    question: str
    number: int
    of: int


def point_of_day(day: date) -> PointOfDay | None:
    return None
