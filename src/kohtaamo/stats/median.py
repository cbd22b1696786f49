"""The median of a few measurements with a distribution-free interval.

For the benchmarks, whose rounds on a shared machine scatter widely: the
median of the rounds says little without how far it could lie.

The interval is made of two of the sorted values themselves, x₍ₖ₎ and
x₍ₙ₊₁₋ₖ₎ (ranks counted from 1). For n independent values of any continuous
distribution, the number of values below the true median is Binomial(n, ½),
so the interval misses the median only when k or more values fall on the
same side of it:

    coverage(k) = 1 − 2 · P(B ≤ k − 1),   B ~ Binomial(n, ½)

(the interval for a quantile that goes with the sign test, e.g. in Conover,
*Practical Nonparametric Statistics*, 3rd ed., 1999). The largest k whose coverage still reaches the confidence asked for
gives the narrowest such interval; the coverage reached is returned with it,
since with small n it lies above the level asked for (9 values: ranks 2 and
8, 96.1 % for 95 %). With 5 values or fewer no pair reaches 95 % (the
whole range covers 93.75 %), and there is no interval.

The binomial sums are computed with integers, exactly.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from kohtaamo.stats.estimate import DEFAULT_CONFIDENCE, Interval, check_confidence


@dataclass(frozen=True, slots=True)
class MedianEstimate:
    median: float
    n: int
    # None: too few values to reach the confidence asked for.
    interval: Interval | None
    # The ranks (from 1, in sorted order) of the interval's ends, and the
    # interval's exact coverage, at least the confidence asked for.
    ranks: tuple[int, int] | None
    coverage: float | None


def median_with_interval(
    values: Iterable[float], confidence: float = DEFAULT_CONFIDENCE
) -> MedianEstimate | None:
    """The median of the values and its order-statistic interval; None for no values."""
    check_confidence(confidence)
    ordered = sorted(float(v) for v in values)
    n = len(ordered)
    if n == 0:
        return None
    median = statistics.median(ordered)
    k = _widest_rank(n, Fraction(confidence))
    if k is None:
        return MedianEstimate(median=median, n=n, interval=None, ranks=None, coverage=None)
    return MedianEstimate(
        median=median,
        n=n,
        interval=Interval(ordered[k - 1], ordered[n - k]),
        ranks=(k, n + 1 - k),
        coverage=float(_coverage(n, k)),
    )


def _coverage(n: int, k: int) -> Fraction:
    """1 − 2 · P(B ≤ k − 1) for B ~ Binomial(n, ½), exactly."""
    below = sum(math.comb(n, i) for i in range(k))
    return 1 - Fraction(2 * below, 2**n)


def _widest_rank(n: int, confidence: Fraction) -> int | None:
    """The largest k ≤ (n + 1) / 2 with coverage(k) ≥ confidence, or None."""
    best = None
    for k in range(1, (n + 1) // 2 + 1):
        if _coverage(n, k) < confidence:
            break
        best = k
    return best
