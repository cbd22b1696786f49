"""IQS, the internal quality score: the mean score of finished lead reviews
per agent, team or unit and week, month or quarter (issue 5).

For n review scores x (0–100) with sum S and sum of squares Q:

    mean = S / n
    s²   = (n·Q − S²) / (n·(n − 1))
    95 % interval = mean ± t(0.975, n − 1) · s / √n, clamped to 0–100

(the Student t interval of a mean, as `kohtaamo.stats.ces` uses). Fewer than
10 reviews is flagged "few reviews", like the NPS pages' few-answers flag,
and a single review has no interval. Self-reviews are not part of IQS.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from kohtaamo.stats.estimate import (
    DEFAULT_CONFIDENCE,
    Interval,
    clamped_interval,
    is_few_answers,
)
from kohtaamo.stats.quantiles import t_for_confidence

FEW_REVIEWS_BELOW = 10


@dataclass(frozen=True)
class IqsResult:
    n: int
    mean: float | None
    interval: Interval | None
    few_reviews: bool


def iqs_from_summary(
    *,
    n: int,
    total: float,
    total_squares: float,
    confidence: float = DEFAULT_CONFIDENCE,
    few_reviews_below: int = FEW_REVIEWS_BELOW,
) -> IqsResult:
    few = is_few_answers(n, few_answers_below=few_reviews_below)
    if n == 0:
        return IqsResult(0, None, None, few)
    mean = total / n
    if n < 2:
        return IqsResult(n, mean, None, few)
    # Rounding can make a zero variance come out a hair below zero.
    variance = max(0.0, (n * total_squares - total * total) / (n * (n - 1)))
    half_width = t_for_confidence(confidence, n - 1) * math.sqrt(variance / n)
    return IqsResult(n, mean, clamped_interval(mean, half_width, 0.0, 100.0), few)


def iqs_from_scores(scores: list[float]) -> IqsResult:
    return iqs_from_summary(
        n=len(scores), total=sum(scores), total_squares=sum(x * x for x in scores)
    )
