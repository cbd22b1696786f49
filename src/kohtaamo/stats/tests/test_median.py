"""The median's order-statistic interval against published ranks and a simulation."""

from __future__ import annotations

import random
import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kohtaamo.stats.median import median_with_interval
from kohtaamo.stats.messages import ERROR_CONFIDENCE_RANGE

# Ranks of the 95 % distribution-free interval for the median as tables give
# them (the sign test's critical values for p = ½), with the exact coverage
# worked out by hand:
# 1 − 2 · Σᵢ₌₀ᵏ⁻¹ C(n, i) / 2ⁿ.
PUBLISHED_95 = [
    (6, (1, 6), 1 - 2 * 1 / 64),  # 0.96875
    (8, (1, 8), 1 - 2 * 1 / 256),  # 0.9921875: rank 2 gives only 0.9297
    (9, (2, 8), 1 - 2 * 10 / 512),  # 0.9609375
    (10, (2, 9), 1 - 2 * 11 / 1024),  # 0.978515625
    (15, (4, 12), 1 - 2 * 576 / 32768),  # 0.96484375
    (20, (6, 15), 1 - 2 * 21700 / 1048576),  # 0.958610535
]


@pytest.mark.parametrize(("n", "ranks", "coverage"), PUBLISHED_95)
def test_ranks_and_coverage_are_the_published_ones(
    n: int, ranks: tuple[int, int], coverage: float
) -> None:
    values = [float(10 * i) for i in range(1, n + 1)]
    random.Random(n).shuffle(values)
    estimate = median_with_interval(values)
    assert estimate is not None
    assert estimate.n == n
    assert estimate.ranks == ranks
    assert estimate.coverage == pytest.approx(coverage, abs=1e-12)
    # The values are 10, 20, …: the interval's ends are 10 × their ranks.
    assert estimate.interval is not None
    assert (estimate.interval.low, estimate.interval.high) == (10 * ranks[0], 10 * ranks[1])


def test_five_values_or_fewer_have_a_median_but_no_95_interval() -> None:
    estimate = median_with_interval([0.7, 0.9, 0.8, 0.6, 1.0])
    assert estimate is not None
    assert estimate.median == 0.8
    assert estimate.interval is None
    assert estimate.ranks is None
    assert estimate.coverage is None
    # At 90 % the whole range (93.75 %) does.
    at_90 = median_with_interval([0.7, 0.9, 0.8, 0.6, 1.0], confidence=0.9)
    assert at_90 is not None
    assert at_90.ranks == (1, 5)
    assert at_90.coverage == pytest.approx(0.9375)


def test_no_values_no_median() -> None:
    assert median_with_interval([]) is None


def test_a_confidence_outside_zero_and_one_is_refused() -> None:
    with pytest.raises(ValueError, match=ERROR_CONFIDENCE_RANGE):
        median_with_interval([1.0, 2.0], confidence=1.0)


@given(st.lists(st.floats(min_value=-1e6, max_value=1e6), min_size=1, max_size=60))
def test_the_interval_holds_the_median_and_lies_within_the_values(values: list[float]) -> None:
    estimate = median_with_interval(values)
    assert estimate is not None
    assert estimate.median == statistics.median(values)
    if estimate.interval is not None:
        assert min(values) <= estimate.interval.low <= estimate.median
        assert estimate.median <= estimate.interval.high <= max(values)
        assert estimate.coverage is not None
        assert estimate.coverage >= 0.95


def test_intervals_cover_the_true_median_as_often_as_they_say() -> None:
    """Simulated: samples of 9 from an exponential distribution, whose median
    is ln 2; the 2nd and 8th values should hold it in 96.1 % of samples."""
    rng = random.Random(20261206)
    true_median = 0.6931471805599453
    samples = 20_000
    covered = 0
    for _ in range(samples):
        estimate = median_with_interval([rng.expovariate(1.0) for _ in range(9)])
        assert estimate is not None
        assert estimate.interval is not None
        covered += estimate.interval.contains(true_median)
    # Binomial standard error at 20,000 samples is 0.0014: 4 of them either side.
    assert covered / samples == pytest.approx(0.9609375, abs=0.0055)
