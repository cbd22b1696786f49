"""Net Promoter Score with an adjusted-Wald interval (Rocks 2016).

Answers to "How likely are you to recommend …?" on 0–10 fall into detractors
(0–6), passives (7–8) and promoters (9–10) (Reichheld 2003, "The One Number
You Need to Grow", Harvard Business Review). With n answers,

    NPS = (promoters / n − detractors / n) × 100,   from −100 to +100.

That unadjusted figure is the score we report.

Interval: the adjusted-Wald method for the NPS of Rocks 2016 ("Interval
estimation for the Net Promoter Score", The American Statistician 70(4):
365–372; arXiv:1601.07235), which had the best coverage of the methods
compared there. Add 3/4 of an answer to the promoters and to the detractors
and 3/2 to the passives, so that n grows by 3:

    n' = n + 3,   p'ₚ = (promoters + 3/4) / n',   p'ᵈ = (detractors + 3/4) / n'
    NPS' = p'ₚ − p'ᵈ
    var  = (p'ₚ + p'ᵈ − (p'ₚ − p'ᵈ)²) / n'       (trinomial variance of NPS')
    interval = (NPS' ± z·√var) × 100, clamped to [−100, 100]

where z is the two-sided normal critical value (1.96 for 95%). The interval is
centred on the adjusted NPS', not on the reported score. For 50 promoters, 30
passives and 20 detractors: NPS 30, NPS' 29.13, interval 14.05 to 44.20.

The unadjusted score is *not* always inside the interval, because the
adjustment pulls the centre towards zero. At 95% it falls outside only for a
single answer (one promoter: NPS 100, interval −48.5 to 98.5; checked for every
split of up to 300 answers); at lower confidence levels it can fall outside
for any n when all answers agree (1,000 promoters at 80%: 99.43 to 99.97).
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
    check_whole,
    clamped_interval,
    is_few_answers,
)
from kohtaamo.stats.messages import ERROR_NPS_SCORE_RANGE
from kohtaamo.stats.quantiles import z_for_confidence

PROMOTER_FROM = 9
PASSIVE_FROM = 7
NPS_MIN_ANSWER = 0
NPS_MAX_ANSWER = 10

# Rocks 2016: the pseudo-answers added to each category before the Wald interval.
ADJUST_PROMOTERS = 0.75
ADJUST_PASSIVES = 1.5
ADJUST_DETRACTORS = 0.75


@dataclass(frozen=True, slots=True)
class AdjustedNps:
    """The adjusted estimate behind the interval, on the −1…1 scale."""

    estimate: float
    variance: float


@dataclass(frozen=True, slots=True)
class NpsResult:
    n: int
    promoters: int
    passives: int
    detractors: int
    # Unadjusted NPS from −100 to 100; None when there are no answers.
    score: float | None
    # The adjusted NPS' the interval is centred on, on the same scale.
    adjusted_score: float | None
    interval: Interval | None
    confidence: float
    few_answers: bool

    @property
    def ci_low(self) -> float | None:
        return None if self.interval is None else self.interval.low

    @property
    def ci_high(self) -> float | None:
        return None if self.interval is None else self.interval.high

    @property
    def promoters_percent(self) -> float | None:
        return None if self.n == 0 else 100 * self.promoters / self.n

    @property
    def passives_percent(self) -> float | None:
        return None if self.n == 0 else 100 * self.passives / self.n

    @property
    def detractors_percent(self) -> float | None:
        return None if self.n == 0 else 100 * self.detractors / self.n


def nps_adjusted(*, promoters: int, passives: int, detractors: int) -> AdjustedNps:
    """Rocks's adjusted NPS' and its trinomial variance (defined even for n = 0)."""
    check_counts(promoters, passives, detractors)
    n_adjusted = promoters + passives + detractors + ADJUST_PROMOTERS
    n_adjusted += ADJUST_PASSIVES + ADJUST_DETRACTORS
    p_promoters = (promoters + ADJUST_PROMOTERS) / n_adjusted
    p_detractors = (detractors + ADJUST_DETRACTORS) / n_adjusted
    estimate = p_promoters - p_detractors
    variance = (p_promoters + p_detractors - estimate * estimate) / n_adjusted
    return AdjustedNps(estimate=estimate, variance=variance)


def nps_from_counts(
    *,
    promoters: int,
    passives: int,
    detractors: int,
    confidence: float = DEFAULT_CONFIDENCE,
    few_answers_below: int = FEW_ANSWERS_BELOW,
) -> NpsResult:
    check_counts(promoters, passives, detractors)
    check_confidence(confidence)
    n = promoters + passives + detractors
    few = is_few_answers(n, few_answers_below=few_answers_below)
    if n == 0:
        return NpsResult(
            n=0,
            promoters=0,
            passives=0,
            detractors=0,
            score=None,
            adjusted_score=None,
            interval=None,
            confidence=confidence,
            few_answers=few,
        )
    adjusted = nps_adjusted(promoters=promoters, passives=passives, detractors=detractors)
    half_width = z_for_confidence(confidence) * math.sqrt(adjusted.variance)
    interval = clamped_interval(100 * adjusted.estimate, 100 * half_width, -100.0, 100.0)
    return NpsResult(
        n=n,
        promoters=promoters,
        passives=passives,
        detractors=detractors,
        score=100 * (promoters - detractors) / n,
        adjusted_score=100 * adjusted.estimate,
        interval=interval,
        confidence=confidence,
        few_answers=few,
    )


def nps_from_scores(
    scores: Iterable[int],
    *,
    confidence: float = DEFAULT_CONFIDENCE,
    few_answers_below: int = FEW_ANSWERS_BELOW,
) -> NpsResult:
    """NPS from raw 0–10 answers; anything else raises ValueError."""
    promoters = passives = detractors = 0
    for score in scores:
        check_nps_answer(score)
        if score >= PROMOTER_FROM:
            promoters += 1
        elif score >= PASSIVE_FROM:
            passives += 1
        else:
            detractors += 1
    return nps_from_counts(
        promoters=promoters,
        passives=passives,
        detractors=detractors,
        confidence=confidence,
        few_answers_below=few_answers_below,
    )


def check_nps_answer(score: int) -> None:
    try:
        check_whole(score)
    except ValueError:
        raise ValueError(ERROR_NPS_SCORE_RANGE) from None
    if not NPS_MIN_ANSWER <= score <= NPS_MAX_ANSWER:
        raise ValueError(ERROR_NPS_SCORE_RANGE)
