"""Customer effort score (CES): how easy the customer found it, on 1–7.

Answers to "[unit] made it easy for me to handle my matter" run from 1
(strongly disagree) to 7 (strongly agree), the CES 2.0 wording (Dixon, Toman &
DeLisi 2013, "The Effortless Experience"). Two figures:

Mean, with a Student t interval (Student 1908, Biometrika 6:1–25). With n
answers, mean x̄ and sample standard deviation s (divisor n − 1),

    interval = x̄ ± t(1 − α/2, n − 1) · s / √n,   clamped to the scale [1, 7],

where the t quantile comes from `kohtaamo.stats.quantiles`. A mean of fewer
than two answers has no standard deviation, so it gets no interval. The
variance is computed from the exact integer sums, n·Σx² − (Σx)², so that
pre-aggregated tables (n, Σx, Σx²) give exactly the figure raw answers give.
For the answers 1, 2, 3, 4, 5: mean 3, s = √2.5, t(0.975, 4) = 2.776, interval
1.037 to 4.963.

Share of "easy" answers, 5–7, in percent, with the Wilson score interval
(Wilson 1927) like CSAT; Wilson is defined from a single answer on.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from kohtaamo.stats.estimate import (
    DEFAULT_CONFIDENCE,
    FEW_ANSWERS_BELOW,
    Interval,
    check_confidence,
    check_counts,
    check_part_of,
    check_whole,
    clamped_interval,
    is_few_answers,
)
from kohtaamo.stats.messages import ERROR_CES_SCORE_RANGE, ERROR_CES_SUMMARY_INCONSISTENT
from kohtaamo.stats.proportion import wilson_interval
from kohtaamo.stats.quantiles import t_for_confidence

EASY_FROM = 5
CES_MIN_ANSWER = 1
CES_MAX_ANSWER = 7


@dataclass(frozen=True, slots=True)
class CesResult:
    n: int
    # Mean answer from 1 to 7; None when there are no answers.
    mean: float | None
    # t interval of the mean; None for fewer than two answers.
    mean_interval: Interval | None
    easy: int
    # Percentage of 5–7 answers; None when there are no answers.
    easy_percent: float | None
    easy_interval: Interval | None
    confidence: float
    few_answers: bool


def ces_from_summary(
    *,
    n: int,
    total: int,
    total_squares: int,
    easy: int,
    confidence: float = DEFAULT_CONFIDENCE,
    few_answers_below: int = FEW_ANSWERS_BELOW,
) -> CesResult:
    """CES from sufficient statistics: n, Σx, Σx² and the count of 5–7 answers."""
    check_counts(n, total, total_squares)
    check_part_of(part=easy, total=n)
    check_confidence(confidence)
    _check_summary(n=n, total=total, total_squares=total_squares)
    few = is_few_answers(n, few_answers_below=few_answers_below)
    wilson = wilson_interval(easy, n, confidence=confidence)
    easy_interval = None if wilson is None else Interval(100 * wilson.low, 100 * wilson.high)
    mean = None if n == 0 else total / n
    mean_interval = None
    if mean is not None and n >= 2:
        variance = (n * total_squares - total * total) / (n * (n - 1))
        half_width = t_for_confidence(confidence, n - 1) * math.sqrt(variance / n)
        mean_interval = clamped_interval(mean, half_width, CES_MIN_ANSWER, CES_MAX_ANSWER)
    return CesResult(
        n=n,
        mean=mean,
        mean_interval=mean_interval,
        easy=easy,
        easy_percent=None if n == 0 else 100 * easy / n,
        easy_interval=easy_interval,
        confidence=confidence,
        few_answers=few,
    )


def ces_from_scores(
    scores: Iterable[int],
    *,
    confidence: float = DEFAULT_CONFIDENCE,
    few_answers_below: int = FEW_ANSWERS_BELOW,
) -> CesResult:
    """CES from raw 1–7 answers; anything else raises ValueError."""
    n = total = total_squares = easy = 0
    for score in scores:
        check_ces_answer(score)
        n += 1
        total += score
        total_squares += score * score
        easy += score >= EASY_FROM
    return ces_from_summary(
        n=n,
        total=total,
        total_squares=total_squares,
        easy=easy,
        confidence=confidence,
        few_answers_below=few_answers_below,
    )


def check_ces_answer(score: int) -> None:
    try:
        check_whole(score)
    except ValueError:
        raise ValueError(ERROR_CES_SCORE_RANGE) from None
    if not CES_MIN_ANSWER <= score <= CES_MAX_ANSWER:
        raise ValueError(ERROR_CES_SCORE_RANGE)


def _check_summary(*, n: int, total: int, total_squares: int) -> None:
    """Refuse sums no set of n answers on 1–7 could give (a broken aggregate)."""
    fits = (
        CES_MIN_ANSWER * n <= total <= CES_MAX_ANSWER * n
        and CES_MIN_ANSWER**2 * n <= total_squares <= CES_MAX_ANSWER**2 * n
        # Cauchy–Schwarz: (Σx)² ≤ n·Σx², i.e. the variance is not negative.
        and total * total <= n * total_squares
    )
    if not fits:
        raise ValueError(ERROR_CES_SUMMARY_INCONSISTENT)
