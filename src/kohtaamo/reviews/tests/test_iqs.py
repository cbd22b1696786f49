"""IQS: the mean, its t interval and the few-reviews flag, against values
computed independently."""

from __future__ import annotations

import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kohtaamo.reviews.iqs import iqs_from_scores


def test_mean_and_interval_of_ten_scores() -> None:
    scores = [60.0, 70, 75, 80, 80, 85, 90, 90, 95, 100]
    result = iqs_from_scores(scores)
    # mean 82.5; s = 12.07615 (statistics.stdev); t(0.975, 9) = 2.262157
    # half width = 2.262157 · 12.07615 / √10 = 8.63875
    assert result.mean == 82.5
    assert statistics.stdev(scores) == pytest.approx(12.07615, abs=1e-5)
    assert result.interval is not None
    assert result.interval.low == pytest.approx(82.5 - 8.63875, abs=1e-3)
    assert result.interval.high == pytest.approx(82.5 + 8.63875, abs=1e-3)
    assert (result.n, result.few_reviews) == (10, False)


def test_fewer_than_ten_reviews_are_flagged() -> None:
    result = iqs_from_scores([80.0, 90.0])
    assert (result.n, result.mean, result.few_reviews) == (2, 85.0, True)
    # s = 7.0711, t(0.975, 1) = 12.7062 → ±63.53, clamped to 0–100
    assert result.interval is not None
    assert result.interval.low == pytest.approx(85 - 63.531, abs=1e-2)
    assert result.interval.high == 100.0


def test_one_review_has_no_interval_and_none_no_mean() -> None:
    assert iqs_from_scores([70.0]).interval is None
    empty = iqs_from_scores([])
    assert (empty.n, empty.mean, empty.interval, empty.few_reviews) == (0, None, None, True)


@given(st.lists(st.floats(0, 100), min_size=2, max_size=40))
def test_the_interval_holds_the_mean_within_zero_and_hundred(scores: list[float]) -> None:
    result = iqs_from_scores(scores)
    assert result.interval is not None and result.mean is not None
    assert 0.0 <= result.interval.low <= result.mean + 1e-9
    assert result.mean - 1e-9 <= result.interval.high <= 100.0
