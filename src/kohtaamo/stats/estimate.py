"""Pieces every result shares: the interval type and the few-answers flag.

A figure from a handful of answers is mostly noise, so every result carries
`few_answers` (n below a threshold, 30 by default) and pages grey such a
figure out and explain why instead of showing it as a bare number. Thirty is
the usual rule of thumb for when normal-approximation intervals start to
behave; it is a parameter because some units may want a stricter line.
"""

from __future__ import annotations

from dataclasses import dataclass

from kohtaamo.stats.messages import (
    ERROR_CONFIDENCE_RANGE,
    ERROR_COUNT_NOT_WHOLE,
    ERROR_NEGATIVE_COUNT,
    ERROR_SUBSET_LARGER_THAN_TOTAL,
    ERROR_THRESHOLD_NEGATIVE,
)

FEW_ANSWERS_BELOW = 30
DEFAULT_CONFIDENCE = 0.95


@dataclass(frozen=True, slots=True)
class Interval:
    """A confidence interval on the same scale as its point estimate."""

    low: float
    high: float

    @property
    def width(self) -> float:
        return self.high - self.low

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def excludes_zero(self) -> bool:
        return self.low > 0 or self.high < 0


def is_few_answers(n: int, *, few_answers_below: int = FEW_ANSWERS_BELOW) -> bool:
    check_threshold(few_answers_below)
    return n < few_answers_below


def check_threshold(few_answers_below: int) -> None:
    check_whole(few_answers_below)
    if few_answers_below < 0:
        raise ValueError(ERROR_THRESHOLD_NEGATIVE)


def check_confidence(confidence: float) -> None:
    # `not (0 < c < 1)` also refuses NaN, which every comparison fails.
    if not (0.0 < confidence < 1.0):
        raise ValueError(ERROR_CONFIDENCE_RANGE)


def check_whole(value: int) -> None:
    # bool is an int subclass; True as a count is always a caller's bug.
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(ERROR_COUNT_NOT_WHOLE)


def check_counts(*counts: int) -> None:
    for count in counts:
        check_whole(count)
        if count < 0:
            raise ValueError(ERROR_NEGATIVE_COUNT)


def check_part_of(*, part: int, total: int) -> None:
    check_counts(part, total)
    if part > total:
        raise ValueError(ERROR_SUBSET_LARGER_THAN_TOTAL)


def clamp(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


def clamped_interval(centre: float, half_width: float, low: float, high: float) -> Interval:
    return Interval(clamp(centre - half_width, low, high), clamp(centre + half_width, low, high))
