"""The score of a review (issue 5). Pure Python, no database.

The formula, as the help page states it too:

    A rating r on a scale whose values run from 1 to t counts

        s = (r - 1) / (t - 1)

    so the lowest value counts 0 and the highest 1 (yes/no is the scale
    1 = no, 2 = yes). With weights w, the review score is the weighted mean
    of the rated criteria on 0–100:

        score = 100 · Σ w·s / Σ w

    where both sums run over the rated criteria only: a criterion marked
    N/A is left out of the numerator and the denominator. If a critical
    criterion fails (answered "no", or given the lowest value of its scale)
    the score is 0, whatever the rest, and the review is counted as a
    critical fail. A review where every criterion is N/A has no score.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


class OffScaleError(ValueError):
    """A rating outside its criterion's scale."""


@dataclass(frozen=True)
class Rating:
    """One criterion's answer: `value` 1…`scale_top`, or None for N/A."""

    value: int | None
    scale_top: int
    weight: int = 1
    is_critical: bool = False


@dataclass(frozen=True)
class Score:
    value: float | None
    critical_failed: bool
    rated: int
    not_applicable: int


def rating_fraction(value: int, scale_top: int) -> float:
    """(r − 1) / (t − 1): 0 for the lowest value of the scale, 1 for the top."""
    if scale_top < 2:
        raise OffScaleError(f"a scale needs at least two values, not {scale_top}")
    if isinstance(value, bool) or not 1 <= value <= scale_top:
        raise OffScaleError(f"{value!r} is not on the scale 1–{scale_top}")
    return (value - 1) / (scale_top - 1)


def review_score(ratings: Iterable[Rating]) -> Score:
    weighted = 0.0
    weights = 0
    rated = 0
    not_applicable = 0
    critical_failed = False
    for rating in ratings:
        if rating.weight < 1:
            raise OffScaleError(f"a weight must be at least 1, not {rating.weight}")
        if rating.value is None:
            not_applicable += 1
            continue
        fraction = rating_fraction(rating.value, rating.scale_top)
        rated += 1
        weighted += rating.weight * fraction
        weights += rating.weight
        if rating.is_critical and rating.value == 1:
            critical_failed = True
    if critical_failed:
        return Score(0.0, True, rated, not_applicable)
    value = 100 * weighted / weights if weights else None
    return Score(value, False, rated, not_applicable)
