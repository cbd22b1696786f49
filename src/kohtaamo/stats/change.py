"""Change between two periods, and whether it is more than noise.

Both periods are treated as independent samples (different customers answer
in different periods), and the change is *after − before*.

NPS: the difference of the two reported (unadjusted) scores is the change.
Its interval extends Rocks 2016's adjusted-Wald method (see
`kohtaamo.stats.nps`) to two samples the way the Wald interval for a
difference always does: each period is adjusted on its own (3/4, 3/2, 3/4
pseudo-answers), and since the samples are independent the variances add,

    interval = (NPS'₂ − NPS'₁ ± z · √(var₁ + var₂)) × 100,

clamped to [−200, 200] NPS points. Like the one-sample interval it is
centred on the adjusted difference, so with very few answers the reported
change can lie outside it.

CSAT and the share of easy CES answers: the difference of the two percentages
with Newcombe's hybrid score interval (Newcombe 1998, method 10; see
`kohtaamo.stats.proportion`), on −100…100 percentage points.

A change is `significant` when its interval at the chosen confidence excludes
0, i.e. a two-sided test at level 1 − confidence (5% by default). The change
carries `few_answers` when either period does.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from kohtaamo.stats.ces import CesResult
from kohtaamo.stats.csat import CsatResult
from kohtaamo.stats.estimate import (
    DEFAULT_CONFIDENCE,
    Interval,
    check_confidence,
    clamped_interval,
)
from kohtaamo.stats.nps import NpsResult, nps_adjusted
from kohtaamo.stats.proportion import newcombe_difference_interval
from kohtaamo.stats.quantiles import z_for_confidence


@dataclass(frozen=True, slots=True)
class Change:
    """A change after − before in points of the figure's own scale."""

    # None when either period has no answers.
    difference: float | None
    interval: Interval | None
    # None when there is no interval to decide with.
    significant: bool | None
    confidence: float
    few_answers: bool


def nps_change(
    *, before: NpsResult, after: NpsResult, confidence: float = DEFAULT_CONFIDENCE
) -> Change:
    check_confidence(confidence)
    few = before.few_answers or after.few_answers
    if before.score is None or after.score is None:
        return Change(None, None, None, confidence, few)
    adjusted_before = nps_adjusted(
        promoters=before.promoters, passives=before.passives, detractors=before.detractors
    )
    adjusted_after = nps_adjusted(
        promoters=after.promoters, passives=after.passives, detractors=after.detractors
    )
    centre = adjusted_after.estimate - adjusted_before.estimate
    half_width = z_for_confidence(confidence) * math.sqrt(
        adjusted_before.variance + adjusted_after.variance
    )
    interval = clamped_interval(100 * centre, 100 * half_width, -200.0, 200.0)
    return Change(
        difference=after.score - before.score,
        interval=interval,
        significant=interval.excludes_zero(),
        confidence=confidence,
        few_answers=few,
    )


def csat_change(
    *, before: CsatResult, after: CsatResult, confidence: float = DEFAULT_CONFIDENCE
) -> Change:
    return _proportion_change(
        before_successes=before.satisfied,
        before_n=before.n,
        after_successes=after.satisfied,
        after_n=after.n,
        confidence=confidence,
        few_answers=before.few_answers or after.few_answers,
    )


def ces_easy_change(
    *, before: CesResult, after: CesResult, confidence: float = DEFAULT_CONFIDENCE
) -> Change:
    return _proportion_change(
        before_successes=before.easy,
        before_n=before.n,
        after_successes=after.easy,
        after_n=after.n,
        confidence=confidence,
        few_answers=before.few_answers or after.few_answers,
    )


def _proportion_change(
    *,
    before_successes: int,
    before_n: int,
    after_successes: int,
    after_n: int,
    confidence: float,
    few_answers: bool,
) -> Change:
    check_confidence(confidence)
    interval = newcombe_difference_interval(
        before_successes=before_successes,
        before_n=before_n,
        after_successes=after_successes,
        after_n=after_n,
        confidence=confidence,
    )
    if interval is None:
        return Change(None, None, None, confidence, few_answers)
    difference = 100 * (after_successes / after_n - before_successes / before_n)
    percent = Interval(100 * interval.low, 100 * interval.high)
    return Change(
        difference=difference,
        interval=percent,
        significant=percent.excludes_zero(),
        confidence=confidence,
        few_answers=few_answers,
    )
