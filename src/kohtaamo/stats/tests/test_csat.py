"""CSAT and its Wilson score interval."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kohtaamo.stats.csat import csat_from_counts, csat_from_scores
from kohtaamo.stats.messages import (
    ERROR_CSAT_SCORE_RANGE,
    ERROR_NEGATIVE_COUNT,
    ERROR_SUBSET_LARGER_THAN_TOTAL,
)

Z_95 = 1.959963984540054


def wilson_as_quadratic_roots(successes: int, n: int, z: float) -> tuple[float, float]:
    """Wilson's bounds are the p that solve (p̂ − p)² = z² p (1 − p) / n."""
    p_hat = successes / n
    a = 1 + z * z / n
    b = -(2 * p_hat + z * z / n)
    c = p_hat * p_hat
    root = math.sqrt(b * b - 4 * a * c)
    return 100 * (-b - root) / (2 * a), 100 * (-b + root) / (2 * a)


def test_eight_satisfied_of_ten_gives_80_from_49_02_to_94_33() -> None:
    # given 8 answers of 4–5 and 2 lower
    result = csat_from_scores([5, 5, 4, 4, 5, 4, 5, 4, 2, 3])
    # then CSAT is 80% with the Wilson interval 49.02–94.33
    assert (result.n, result.satisfied, result.score) == (10, 8, 80.0)
    assert result.ci_low == pytest.approx(49.02, abs=0.005)
    assert result.ci_high == pytest.approx(94.33, abs=0.005)
    assert result.few_answers is True


def test_all_satisfied_still_gets_a_lower_bound_below_100() -> None:
    result = csat_from_counts(satisfied=20, n=20)
    low, high = wilson_as_quadratic_roots(20, 20, Z_95)
    assert result.score == 100.0
    assert result.ci_high == 100.0 == pytest.approx(high)
    assert result.ci_low == pytest.approx(low, rel=1e-9)
    assert result.ci_low == pytest.approx(83.89, abs=0.005)


def test_no_answers_give_no_csat() -> None:
    result = csat_from_scores([])
    assert (result.n, result.score, result.interval, result.few_answers) == (0, None, None, True)


@pytest.mark.parametrize("score", [0, 6, 2.5])
def test_an_answer_outside_one_to_five_is_refused(score: float) -> None:
    with pytest.raises(ValueError, match=ERROR_CSAT_SCORE_RANGE):
        csat_from_scores([4, score])  # type: ignore[list-item]


def test_more_satisfied_than_answers_is_refused() -> None:
    with pytest.raises(ValueError, match=ERROR_SUBSET_LARGER_THAN_TOTAL):
        csat_from_counts(satisfied=11, n=10)


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError, match=ERROR_NEGATIVE_COUNT):
        csat_from_counts(satisfied=-1, n=10)


@given(
    data=st.data(),
    n=st.integers(1, 5000),
    confidence=st.floats(min_value=0.5, max_value=0.999),
)
def test_interval_matches_the_quadratic_and_contains_the_score(
    data: st.DataObject, n: int, confidence: float
) -> None:
    satisfied = data.draw(st.integers(0, n))
    result = csat_from_counts(satisfied=satisfied, n=n, confidence=confidence)
    assert result.interval is not None and result.score is not None
    assert 0 <= result.interval.low <= result.score <= result.interval.high <= 100
    z = math.sqrt(2) * _erfinv(confidence)
    low, high = wilson_as_quadratic_roots(satisfied, n, z)
    assert result.interval.low == pytest.approx(low, abs=1e-9)
    assert result.interval.high == pytest.approx(high, abs=1e-9)


def _erfinv(y: float) -> float:
    # bisection on math.erf, independent of the module's quantile code
    low, high = 0.0, 10.0
    for _ in range(200):
        mid = (low + high) / 2
        low, high = (mid, high) if math.erf(mid) < y else (low, mid)
    return (low + high) / 2


@given(data=st.data(), n=st.integers(1, 2000), k=st.integers(2, 50))
def test_interval_narrows_with_more_answers_in_the_same_proportion(
    data: st.DataObject, n: int, k: int
) -> None:
    satisfied = data.draw(st.integers(0, n))
    few = csat_from_counts(satisfied=satisfied, n=n)
    many = csat_from_counts(satisfied=k * satisfied, n=k * n)
    assert few.interval is not None and many.interval is not None
    assert many.interval.width < few.interval.width


@given(data=st.data(), n=st.integers(1, 2000))
def test_satisfied_and_unsatisfied_mirror_each_other(data: st.DataObject, n: int) -> None:
    satisfied = data.draw(st.integers(0, n))
    one = csat_from_counts(satisfied=satisfied, n=n)
    other = csat_from_counts(satisfied=n - satisfied, n=n)
    assert one.interval is not None and other.interval is not None
    assert other.interval.low == pytest.approx(100 - one.interval.high, abs=1e-9)
    assert other.interval.high == pytest.approx(100 - one.interval.low, abs=1e-9)


@given(scores=st.lists(st.integers(1, 5), max_size=80), threshold=st.integers(0, 100))
def test_few_answers_exactly_when_n_is_below_the_threshold(
    scores: list[int], threshold: int
) -> None:
    result = csat_from_scores(scores, few_answers_below=threshold)
    assert result.few_answers is (len(scores) < threshold)
    assert result.satisfied == sum(1 for s in scores if s >= 4)
