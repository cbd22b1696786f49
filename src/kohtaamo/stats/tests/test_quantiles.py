"""Normal and t quantiles against tables and closed forms."""

from __future__ import annotations

import math

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kohtaamo.stats.messages import (
    ERROR_CONFIDENCE_RANGE,
    ERROR_DEGREES_OF_FREEDOM,
    ERROR_PROBABILITY_RANGE,
)
from kohtaamo.stats.quantiles import (
    regularized_incomplete_beta,
    t_cdf,
    t_for_confidence,
    t_quantile,
    z_for_confidence,
    z_quantile,
)

# Two-sided 95% critical values of Student's t as printed in statistics tables
# (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2), to three decimals.
T_TABLE_975 = [
    (1, 12.706),
    (2, 4.303),
    (3, 3.182),
    (4, 2.776),
    (5, 2.571),
    (10, 2.228),
    (20, 2.086),
    (30, 2.042),
    (60, 2.000),
    (100, 1.984),
]
# The 99.5% column of the same table.
T_TABLE_995 = [(1, 63.657), (2, 9.925), (5, 4.032), (10, 3.169), (30, 2.750), (100, 2.626)]

probabilities = st.floats(min_value=1e-6, max_value=1 - 1e-6)


@pytest.mark.parametrize(("df", "expected"), T_TABLE_975)
def test_t_quantile_matches_the_printed_975_table(df: int, expected: float) -> None:
    assert round(t_quantile(0.975, df), 3) == expected


@pytest.mark.parametrize(("df", "expected"), T_TABLE_995)
def test_t_quantile_matches_the_printed_995_table(df: int, expected: float) -> None:
    assert round(t_quantile(0.995, df), 3) == expected


def test_t_quantile_has_full_precision_where_known_to_many_digits() -> None:
    # df 1 is the Cauchy distribution: tan(π (p − 1/2)); df 2 has a closed form too.
    assert t_quantile(0.975, 1) == pytest.approx(12.706204736174698, rel=1e-12)
    assert t_quantile(0.975, 2) == pytest.approx(4.302652729749464, rel=1e-12)
    assert t_for_confidence(0.95, 10) == pytest.approx(2.2281388519649385, rel=1e-9)


@given(p=probabilities)
def test_t_quantile_with_one_df_is_the_cauchy_quantile(p: float) -> None:
    assert t_quantile(p, 1) == pytest.approx(math.tan(math.pi * (p - 0.5)), rel=1e-9, abs=1e-9)


@given(p=probabilities)
def test_t_quantile_with_two_df_matches_its_closed_form(p: float) -> None:
    expected = (2 * p - 1) / math.sqrt(2 * p * (1 - p))
    assert t_quantile(p, 2) == pytest.approx(expected, rel=1e-9, abs=1e-9)


@given(p=st.floats(min_value=0.001, max_value=0.999), df=st.integers(min_value=1, max_value=5000))
@example(p=0.5000558813924884, df=930)  # found by CI: 1 - x lost its digits near t = 0
def test_t_cdf_undoes_t_quantile(p: float, df: int) -> None:
    # above 1000 df the quantile comes from a series, the cdf from the beta function
    assert t_cdf(t_quantile(p, df), df) == pytest.approx(p, abs=1e-10)


@pytest.mark.parametrize("df", [1, 2, 30, 930, 999])
@pytest.mark.parametrize("t", [1e-9, 1e-6, 1e-4])
def test_t_cdf_near_zero_rises_with_the_density_at_zero(t: float, df: int) -> None:
    # F(t) = 1/2 + f(0) t + O(t³), with f(0) = Γ((df+1)/2) / (√(df π) Γ(df/2));
    # the t³ term is below t³ / 3 for every df
    density = math.exp(
        math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)
    )
    assert t_cdf(t, df) == pytest.approx(0.5 + density * t, abs=t**3 / 3 + 1e-15)
    assert t_cdf(-t, df) == pytest.approx(0.5 - density * t, abs=t**3 / 3 + 1e-15)


@given(p=probabilities, df=st.integers(min_value=1, max_value=10_000))
def test_t_quantile_is_antisymmetric(p: float, df: int) -> None:
    assert t_quantile(1 - p, df) == pytest.approx(-t_quantile(p, df), rel=1e-9, abs=1e-12)


def test_t_quantile_approaches_the_normal_quantile_for_many_df() -> None:
    assert t_quantile(0.975, 1_000_000) == pytest.approx(1.959966357, abs=1e-8)
    assert t_quantile(0.975, 1000) == pytest.approx(1.962339081, abs=1e-8)


def test_z_quantiles_match_the_normal_table() -> None:
    assert z_for_confidence(0.95) == pytest.approx(1.959963984540054, rel=1e-12)
    assert z_for_confidence(0.90) == pytest.approx(1.6448536269514722, rel=1e-12)
    assert z_for_confidence(0.99) == pytest.approx(2.5758293035489004, rel=1e-12)
    assert z_quantile(0.5) == 0.0


@given(
    x=st.floats(min_value=0, max_value=1),
    a=st.floats(min_value=0.05, max_value=500),
)
def test_incomplete_beta_with_b_one_is_a_power(x: float, a: float) -> None:
    # I_x(a, 1) = x^a and I_x(1, a) = 1 − (1 − x)^a
    assert regularized_incomplete_beta(x, a, 1) == pytest.approx(x**a, abs=1e-12)
    assert regularized_incomplete_beta(x, 1, a) == pytest.approx(1 - (1 - x) ** a, abs=1e-12)


@pytest.mark.parametrize("p", [0.0, 1.0, -0.1, 1.5, math.nan])
def test_t_quantile_refuses_a_probability_outside_zero_and_one(p: float) -> None:
    with pytest.raises(ValueError, match=ERROR_PROBABILITY_RANGE):
        t_quantile(p, 5)


@pytest.mark.parametrize("df", [0, -1, math.nan, math.inf])
def test_t_quantile_refuses_impossible_degrees_of_freedom(df: float) -> None:
    with pytest.raises(ValueError, match=ERROR_DEGREES_OF_FREEDOM):
        t_quantile(0.975, df)


@pytest.mark.parametrize("confidence", [0.0, 1.0, 95.0, -0.95])
def test_z_for_confidence_refuses_a_confidence_outside_zero_and_one(confidence: float) -> None:
    with pytest.raises(ValueError, match=ERROR_CONFIDENCE_RANGE):
        z_for_confidence(confidence)
