"""Customer satisfaction (CSAT): the share of satisfied answers.

Answers are on 1–5; 4 and 5 count as satisfied, the usual "top-two-box" CSAT
(American Customer Satisfaction Index practice; Hayes 2008, "Measuring
Customer Satisfaction and Loyalty"):

    CSAT = satisfied / n × 100,   from 0 to 100.

Its interval is the Wilson score interval (Wilson 1927), see
`kohtaamo.stats.proportion`, on the same 0–100 scale. For 8 satisfied out of
10 the 95% interval is 49.02 to 94.33.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kohtaamo.stats.estimate import (
    DEFAULT_CONFIDENCE,
    FEW_ANSWERS_BELOW,
    Interval,
    check_confidence,
    check_part_of,
    check_whole,
    is_few_answers,
)
from kohtaamo.stats.messages import ERROR_CSAT_SCORE_RANGE
from kohtaamo.stats.proportion import wilson_interval

SATISFIED_FROM = 4
CSAT_MIN_ANSWER = 1
CSAT_MAX_ANSWER = 5


@dataclass(frozen=True, slots=True)
class CsatResult:
    n: int
    satisfied: int
    # Percentage of 4–5 answers; None when there are no answers.
    score: float | None
    interval: Interval | None
    confidence: float
    few_answers: bool

    @property
    def ci_low(self) -> float | None:
        return None if self.interval is None else self.interval.low

    @property
    def ci_high(self) -> float | None:
        return None if self.interval is None else self.interval.high


def csat_from_counts(
    *,
    satisfied: int,
    n: int,
    confidence: float = DEFAULT_CONFIDENCE,
    few_answers_below: int = FEW_ANSWERS_BELOW,
) -> CsatResult:
    """CSAT from the number of 4–5 answers out of all n answers."""
    check_part_of(part=satisfied, total=n)
    check_confidence(confidence)
    few = is_few_answers(n, few_answers_below=few_answers_below)
    wilson = wilson_interval(satisfied, n, confidence=confidence)
    return CsatResult(
        n=n,
        satisfied=satisfied,
        score=None if n == 0 else 100 * satisfied / n,
        interval=None if wilson is None else Interval(100 * wilson.low, 100 * wilson.high),
        confidence=confidence,
        few_answers=few,
    )


def csat_from_scores(
    scores: Iterable[int],
    *,
    confidence: float = DEFAULT_CONFIDENCE,
    few_answers_below: int = FEW_ANSWERS_BELOW,
) -> CsatResult:
    """CSAT from raw 1–5 answers; anything else raises ValueError."""
    n = satisfied = 0
    for score in scores:
        check_csat_answer(score)
        n += 1
        satisfied += score >= SATISFIED_FROM
    return csat_from_counts(
        satisfied=satisfied, n=n, confidence=confidence, few_answers_below=few_answers_below
    )


def check_csat_answer(score: int) -> None:
    try:
        check_whole(score)
    except ValueError:
        raise ValueError(ERROR_CSAT_SCORE_RANGE) from None
    if not CSAT_MIN_ANSWER <= score <= CSAT_MAX_ANSWER:
        raise ValueError(ERROR_CSAT_SCORE_RANGE)
