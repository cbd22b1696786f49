"""Change between two periods: NPS, CSAT and the share of easy CES answers."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kohtaamo.stats.ces import ces_from_scores
from kohtaamo.stats.change import ces_easy_change, csat_change, nps_change
from kohtaamo.stats.csat import csat_from_counts
from kohtaamo.stats.messages import ERROR_CONFIDENCE_RANGE
from kohtaamo.stats.nps import nps_from_counts

Z_95 = 1.959963984540054
counts = st.integers(0, 3000)


def adjusted_by_hand(promoters: int, passives: int, detractors: int) -> tuple[float, float]:
    n = promoters + passives + detractors + 3
    p = (promoters + 0.75) / n
    d = (detractors + 0.75) / n
    return p - d, (p + d - (p - d) ** 2) / n


def test_nps_rising_from_30_to_60_on_100_answers_each_is_significant() -> None:
    # given 50/30/20 before and 70/20/10 after
    before = nps_from_counts(promoters=50, passives=30, detractors=20)
    after = nps_from_counts(promoters=70, passives=20, detractors=10)
    # when the change is computed
    change = nps_change(before=before, after=after)
    # then it is +30 with the adjusted-Wald interval whose variances add
    est1, var1 = adjusted_by_hand(50, 30, 20)
    est2, var2 = adjusted_by_hand(70, 20, 10)
    half = Z_95 * math.sqrt(var1 + var2)
    assert change.difference == 30.0
    assert change.interval is not None
    assert change.interval.low == pytest.approx(100 * (est2 - est1 - half), rel=1e-12)
    assert change.interval.high == pytest.approx(100 * (est2 - est1 + half), rel=1e-12)
    assert round(change.interval.low, 2) == 9.23
    assert round(change.interval.high, 2) == 49.02
    assert change.significant is True
    assert change.few_answers is False


def test_a_fifteen_point_nps_rise_on_twenty_answers_each_is_not_significant() -> None:
    before = nps_from_counts(promoters=10, passives=6, detractors=4)
    after = nps_from_counts(promoters=12, passives=5, detractors=3)
    change = nps_change(before=before, after=after)
    assert change.difference == pytest.approx(15.0)
    assert change.significant is False
    assert change.few_answers is True


def test_a_period_without_answers_gives_no_change() -> None:
    before = nps_from_counts(promoters=0, passives=0, detractors=0)
    after = nps_from_counts(promoters=40, passives=0, detractors=0)
    change = nps_change(before=before, after=after)
    assert (change.difference, change.interval, change.significant) == (None, None, None)
    assert change.few_answers is True


@pytest.mark.parametrize(
    ("before", "after", "low", "high"),
    [
        # Newcombe 1998, table II, method 10 (hybrid score), examples (a) and (c)
        ((48, 80), (56, 70), 5.24, 33.39),
        ((3, 10), (9, 10), 17.05, 80.90),
    ],
)
def test_csat_change_matches_newcombes_published_intervals(
    before: tuple[int, int], after: tuple[int, int], low: float, high: float
) -> None:
    change = csat_change(
        before=csat_from_counts(satisfied=before[0], n=before[1]),
        after=csat_from_counts(satisfied=after[0], n=after[1]),
    )
    assert change.interval is not None
    assert round(change.interval.low, 2) == low
    assert round(change.interval.high, 2) == high
    assert change.significant is True


def test_easy_share_change_uses_the_same_method() -> None:
    before = ces_from_scores([5] * 48 + [3] * 32)
    after = ces_from_scores([6] * 56 + [2] * 14)
    change = ces_easy_change(before=before, after=after)
    assert change.difference == pytest.approx(20.0)
    assert change.interval is not None
    assert round(change.interval.low, 2) == 5.24
    assert round(change.interval.high, 2) == 33.39


def test_an_impossible_confidence_is_refused() -> None:
    result = nps_from_counts(promoters=1, passives=1, detractors=1)
    with pytest.raises(ValueError, match=ERROR_CONFIDENCE_RANGE):
        nps_change(before=result, after=result, confidence=1.0)


@given(a=counts, b=counts, c=counts, d=counts, e=counts, f=counts)
def test_nps_change_mirrors_when_the_periods_swap(
    a: int, b: int, c: int, d: int, e: int, f: int
) -> None:
    assume(a + b + c > 0 and d + e + f > 0)
    first = nps_from_counts(promoters=a, passives=b, detractors=c)
    second = nps_from_counts(promoters=d, passives=e, detractors=f)
    forward = nps_change(before=first, after=second)
    backward = nps_change(before=second, after=first)
    assert forward.interval is not None and backward.interval is not None
    assert forward.difference is not None and backward.difference is not None
    assert backward.difference == pytest.approx(-forward.difference, abs=1e-9)
    assert backward.interval.low == pytest.approx(-forward.interval.high, abs=1e-9)
    assert -200 <= forward.interval.low <= forward.interval.high <= 200
    assert forward.significant is (forward.interval.low > 0 or forward.interval.high < 0)


@given(a=counts, b=counts, c=counts)
def test_the_same_answers_twice_never_make_a_significant_change(a: int, b: int, c: int) -> None:
    assume(a + b + c > 0)
    result = nps_from_counts(promoters=a, passives=b, detractors=c)
    change = nps_change(before=result, after=result)
    assert change.difference == 0.0
    assert change.significant is False


@given(data=st.data(), n1=st.integers(1, 2000), n2=st.integers(1, 2000))
def test_csat_change_contains_the_difference_and_stays_in_range(
    data: st.DataObject, n1: int, n2: int
) -> None:
    before = csat_from_counts(satisfied=data.draw(st.integers(0, n1)), n=n1)
    after = csat_from_counts(satisfied=data.draw(st.integers(0, n2)), n=n2)
    change = csat_change(before=before, after=after)
    assert change.interval is not None and change.difference is not None
    assert -100 <= change.interval.low <= change.difference <= change.interval.high <= 100
    assert change.few_answers is (n1 < 30 or n2 < 30)
