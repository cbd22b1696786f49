"""Quantiles of the normal and Student t distributions, without SciPy.

Normal: `statistics.NormalDist().inv_cdf` from the standard library (it uses
Wichura's AS 241 algorithm, accurate to about 1e-16).

Student t with `df` degrees of freedom, for df < 1000: the distribution
function is written with the regularized incomplete beta function
(Abramowitz & Stegun 26.7.1 and 26.5.27),

    F(t) = 1 - I_x(df/2, 1/2) / 2,   x = df / (df + t²),   for t ≥ 0,

where I_x(a, b) is evaluated by its continued fraction (A&S 26.5.8) with the
modified Lentz method (Lentz 1976; Thompson & Barnett 1986), using the
symmetry I_x(a, b) = 1 - I_{1-x}(b, a) where the fraction converges slowly.
The quantile is then found by Newton's method on F, kept inside a bisection
bracket so that it cannot diverge.

For df ≥ 1000 the Cornish–Fisher expansion of t around the normal quantile z
(A&S 26.7.5, terms up to df⁻⁴) is used instead: there it agrees with the exact
value to far below 1e-9 and avoids a continued fraction that needs about
√df terms.
"""

from __future__ import annotations

import math
from functools import lru_cache
from statistics import NormalDist

from kohtaamo.stats.estimate import check_confidence
from kohtaamo.stats.messages import ERROR_DEGREES_OF_FREEDOM, ERROR_PROBABILITY_RANGE

_STANDARD_NORMAL = NormalDist()
_LARGE_DF = 1000.0
_MAX_TERMS = 10_000
_EPSILON = 1e-15
_TINY = 1e-300


def z_quantile(p: float) -> float:
    """The p quantile of the standard normal distribution."""
    _check_probability(p)
    return _STANDARD_NORMAL.inv_cdf(p)


def z_for_confidence(confidence: float) -> float:
    """The two-sided critical value, e.g. 1.959964 for 95%."""
    check_confidence(confidence)
    return _STANDARD_NORMAL.inv_cdf(0.5 + confidence / 2)


def t_for_confidence(confidence: float, df: float) -> float:
    """The two-sided critical value of Student's t, e.g. 2.228139 for 95% and df 10."""
    check_confidence(confidence)
    return t_quantile(0.5 + confidence / 2, df)


def t_cdf(t: float, df: float) -> float:
    """P(T ≤ t) for Student's t with df degrees of freedom."""
    _check_df(df)
    # x and 1 - x each from its own quotient: near t = 0, x is within 1e-11
    # of 1, and 1 - x computed as a difference kept only five digits.
    squared = t * t
    x, complement = df / (df + squared), squared / (df + squared)
    tail = regularized_incomplete_beta(x, df / 2, 0.5, complement=complement) / 2
    return 1 - tail if t >= 0 else tail


def t_quantile(p: float, df: float) -> float:
    """The p quantile of Student's t with df degrees of freedom."""
    _check_probability(p)
    _check_df(df)
    return _t_quantile(float(p), float(df))


@lru_cache(maxsize=1024)
def _t_quantile(p: float, df: float) -> float:
    if p == 0.5:
        return 0.0
    if p < 0.5:
        # The distribution is symmetric; solving the upper tail keeps the
        # bracket search below one-sided.
        return -_t_quantile(1 - p, df)
    if df >= _LARGE_DF:
        return _cornish_fisher(p, df)
    return _solve_upper_t(p, df)


def _cornish_fisher(p: float, df: float) -> float:
    z = _STANDARD_NORMAL.inv_cdf(p)
    z2 = z * z
    g1 = (z2 + 1) * z / 4
    g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
    g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
    g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4


def _solve_upper_t(p: float, df: float) -> float:
    low, high = 0.0, max(1.0, _STANDARD_NORMAL.inv_cdf(p))
    while t_cdf(high, df) < p:
        low, high = high, high * 2
    t = (low + high) / 2
    log_norm = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)
    for _ in range(200):
        error = t_cdf(t, df) - p
        if error > 0:
            high = t
        else:
            low = t
        density = math.exp(log_norm - (df + 1) / 2 * math.log1p(t * t / df))
        step = t - error / density if density > 0 else math.nan
        # A Newton step that leaves the bracket falls back to bisection.
        t_next = step if low < step < high else (low + high) / 2
        if abs(t_next - t) <= 1e-14 * max(1.0, abs(t)):
            return t_next
        t = t_next
    return t


def regularized_incomplete_beta(
    x: float, a: float, b: float, *, complement: float | None = None
) -> float:
    """I_x(a, b) for 0 ≤ x ≤ 1 and a, b > 0. `complement` is 1 - x, for a
    caller that knows it more precisely than the difference would be."""
    y = 1 - x if complement is None else complement
    if x <= 0:
        return 0.0
    if y <= 0:
        return 1.0
    log_rest = math.log1p(-x) if complement is None else math.log(y)
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * log_rest
    )
    # The continued fraction converges fast only left of the distribution's mean.
    if x < (a + 1) / (a + b + 2):
        return math.exp(log_front) * _beta_fraction(x, a, b) / a
    return 1 - math.exp(log_front) * _beta_fraction(y, b, a) / b


def _beta_fraction(x: float, a: float, b: float) -> float:
    """The continued fraction of A&S 26.5.8, by the modified Lentz method."""
    c = 1.0
    d = 1 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > _TINY else _TINY)
    result = d
    for m in range(1, _MAX_TERMS + 1):
        two_m = 2 * m
        # Even step: d_{2m} = m (b - m) x / ((a + 2m - 1)(a + 2m)).
        numerator = m * (b - m) * x / ((a + two_m - 1) * (a + two_m))
        d = 1 + numerator * d
        d = 1 / (d if abs(d) > _TINY else _TINY)
        c = 1 + numerator / c
        c = c if abs(c) > _TINY else _TINY
        result *= d * c
        # Odd step: d_{2m+1} = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)).
        numerator = -(a + m) * (a + b + m) * x / ((a + two_m) * (a + two_m + 1))
        d = 1 + numerator * d
        d = 1 / (d if abs(d) > _TINY else _TINY)
        c = 1 + numerator / c
        c = c if abs(c) > _TINY else _TINY
        factor = d * c
        result *= factor
        if abs(factor - 1) < _EPSILON:
            break
    return result


def _check_probability(p: float) -> None:
    if not (0.0 < p < 1.0):
        raise ValueError(ERROR_PROBABILITY_RANGE)


def _check_df(df: float) -> None:
    if not (df > 0) or math.isinf(df):
        raise ValueError(ERROR_DEGREES_OF_FREEDOM)
