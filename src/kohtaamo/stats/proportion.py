"""Intervals for a proportion and for the difference of two proportions.

Wilson score interval (Wilson 1927, "Probable inference, the law of succession,
and statistical inference", JASA 22:209–212). For x successes out of n with
p = x / n and the two-sided critical value z:

    centre = (p + z² / 2n) / (1 + z² / n)
    half   = z / (1 + z² / n) · √(p (1 − p) / n + z² / 4n²)

It stays inside [0, 1], never collapses to zero width at 0 or n successes and
keeps close to its nominal coverage for small n, unlike the plain Wald
interval p ± z√(p(1 − p)/n) (Brown, Cai & DasGupta 2001, Statistical Science).

Difference of two independent proportions p₂ − p₁ (later minus earlier):
Newcombe's hybrid score interval, method 10 of Newcombe 1998 ("Interval
estimation for the difference between independent proportions: comparison of
eleven methods", Statistics in Medicine 17:873–890). With the Wilson intervals
[l₁, u₁] and [l₂, u₂] of each proportion and d = p₂ − p₁:

    low  = d − √((p₂ − l₂)² + (u₁ − p₁)²)
    high = d + √((u₂ − p₂)² + (p₁ − l₁)²)

It always contains d, stays inside [−1, 1] and inherits Wilson's good
small-sample behaviour.
"""

from __future__ import annotations

import math

from kohtaamo.stats.estimate import Interval, check_part_of
from kohtaamo.stats.quantiles import z_for_confidence


def wilson_interval(successes: int, n: int, *, confidence: float) -> Interval | None:
    """Wilson score interval of successes / n on the 0–1 scale; None when n is 0."""
    check_part_of(part=successes, total=n)
    z = z_for_confidence(confidence)
    if n == 0:
        return None
    p = successes / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    # Rounding can push an end a hair past 0 or 1, or past p itself when p is 0 or 1.
    return Interval(max(0.0, min(centre - half, p)), min(1.0, max(centre + half, p)))


def newcombe_difference_interval(
    *,
    before_successes: int,
    before_n: int,
    after_successes: int,
    after_n: int,
    confidence: float,
) -> Interval | None:
    """Interval of (after − before) proportions on the −1…1 scale; None if either n is 0."""
    before = wilson_interval(before_successes, before_n, confidence=confidence)
    after = wilson_interval(after_successes, after_n, confidence=confidence)
    if before is None or after is None:
        return None
    p1 = before_successes / before_n
    p2 = after_successes / after_n
    d = p2 - p1
    low = d - math.hypot(p2 - after.low, before.high - p1)
    high = d + math.hypot(after.high - p2, p1 - before.low)
    return Interval(max(-1.0, low), min(1.0, high))
