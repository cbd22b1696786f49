"""CES: mean with a t interval, and the share of easy answers."""

from __future__ import annotations

import math
import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kohtaamo.stats.ces import ces_from_scores, ces_from_summary
from kohtaamo.stats.messages import (
    ERROR_CES_SCORE_RANGE,
    ERROR_CES_SUMMARY_INCONSISTENT,
    ERROR_SUBSET_LARGER_THAN_TOTAL,
)

answers = st.lists(st.integers(1, 7), min_size=2, max_size=300)


def test_one_to_five_gives_mean_3_from_1_037_to_4_963() -> None:
    # given the answers 1, 2, 3, 4, 5 (mean 3, s = √2.5)
    result = ces_from_scores([1, 2, 3, 4, 5])
    # then the t interval with t(0.975, 4) = 2.776445 from a t table is 3 ± 1.963
    half = 2.776445 * math.sqrt(2.5) / math.sqrt(5)
    assert result.mean == 3.0
    assert result.mean_interval is not None
    assert result.mean_interval.low == pytest.approx(3 - half, abs=1e-6)
    assert result.mean_interval.high == pytest.approx(3 + half, abs=1e-6)
    assert round(result.mean_interval.low, 3) == 1.037
    assert round(result.mean_interval.high, 3) == 4.963


def test_easy_share_counts_five_to_seven_with_a_wilson_interval() -> None:
    result = ces_from_scores([7, 6, 5, 5, 6, 7, 5, 6, 4, 2])
    assert (result.easy, result.easy_percent) == (8, 80.0)
    assert result.easy_interval is not None
    assert result.easy_interval.low == pytest.approx(49.02, abs=0.005)
    assert result.easy_interval.high == pytest.approx(94.33, abs=0.005)


def test_a_single_answer_has_a_mean_but_no_t_interval() -> None:
    result = ces_from_scores([6])
    assert (result.n, result.mean, result.mean_interval) == (1, 6.0, None)
    assert result.easy_interval is not None
    assert result.few_answers is True


def test_no_answers_give_nothing() -> None:
    result = ces_from_scores([])
    assert (result.mean, result.mean_interval, result.easy_percent, result.easy_interval) == (
        None,
        None,
        None,
        None,
    )


def test_identical_answers_give_a_zero_width_interval() -> None:
    result = ces_from_scores([4] * 40)
    assert result.mean_interval is not None
    assert (result.mean_interval.low, result.mean_interval.high) == (4.0, 4.0)
    assert result.few_answers is False


def test_two_far_apart_answers_are_clamped_to_the_scale() -> None:
    # 1 and 7: 4 ± 12.706 · 3 would run far past both ends of 1–7
    result = ces_from_scores([1, 7])
    assert result.mean_interval is not None
    assert (result.mean_interval.low, result.mean_interval.high) == (1.0, 7.0)


@pytest.mark.parametrize("score", [0, 8, 5.5])
def test_an_answer_outside_one_to_seven_is_refused(score: float) -> None:
    with pytest.raises(ValueError, match=ERROR_CES_SCORE_RANGE):
        ces_from_scores([5, score])  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("n", "total", "total_squares"),
    [(3, 2, 4), (3, 22, 150), (2, 8, 10), (0, 1, 1)],
)
def test_sums_no_answers_could_give_are_refused(n: int, total: int, total_squares: int) -> None:
    with pytest.raises(ValueError, match=ERROR_CES_SUMMARY_INCONSISTENT):
        ces_from_summary(n=n, total=total, total_squares=total_squares, easy=0)


def test_more_easy_answers_than_answers_are_refused() -> None:
    with pytest.raises(ValueError, match=ERROR_SUBSET_LARGER_THAN_TOTAL):
        ces_from_summary(n=2, total=12, total_squares=72, easy=3)


@given(scores=answers)
def test_mean_and_interval_match_a_plain_computation(scores: list[int]) -> None:
    result = ces_from_scores(scores)
    n = len(scores)
    mean = statistics.fmean(scores)
    # Exact t values are checked against the table below; here the interval
    # must be symmetric about the stdlib's mean and use a plausible t.
    assert result.mean == pytest.approx(mean, rel=1e-12)
    assert result.mean_interval is not None
    assert 1 <= result.mean_interval.low <= mean <= result.mean_interval.high <= 7
    unclamped_half = (mean - result.mean_interval.low, result.mean_interval.high - mean)
    sd_term = statistics.stdev(scores) / math.sqrt(n)
    if result.mean_interval.low > 1 and result.mean_interval.high < 7:
        assert unclamped_half[0] == pytest.approx(unclamped_half[1], abs=1e-9)
        if sd_term > 0:
            implied_t = unclamped_half[0] / sd_term
            # t(0.975, df) lies between z and the df 1 value, decreasing in df
            assert 1.959963 < implied_t <= 12.7063


@given(scores=answers)
def test_summary_gives_exactly_what_raw_answers_give(scores: list[int]) -> None:
    assert ces_from_summary(
        n=len(scores),
        total=sum(scores),
        total_squares=sum(s * s for s in scores),
        easy=sum(1 for s in scores if s >= 5),
    ) == ces_from_scores(scores)


@given(scores=st.lists(st.integers(1, 7), max_size=80), threshold=st.integers(0, 100))
def test_few_answers_exactly_when_n_is_below_the_threshold(
    scores: list[int], threshold: int
) -> None:
    result = ces_from_scores(scores, few_answers_below=threshold)
    assert result.few_answers is (len(scores) < threshold)


@pytest.mark.parametrize(
    ("df", "t_from_table"), [(2, 4.303), (5, 2.571), (10, 2.228), (30, 2.042), (100, 1.984)]
)
def test_half_width_is_the_tabulated_t_times_the_standard_error(
    df: int, t_from_table: float
) -> None:
    # given df + 1 answers cycling through 2–6, never clamped
    scores = [2 + i % 5 for i in range(df + 1)]
    result = ces_from_scores(scores)
    assert result.mean_interval is not None and result.mean is not None
    # when the half-width is divided by s/√n
    standard_error = statistics.stdev(scores) / math.sqrt(len(scores))
    implied_t = (result.mean_interval.high - result.mean) / standard_error
    # then what is left is the t of a printed table
    assert round(implied_t, 3) == t_from_table
