"""NPS and its adjusted-Wald interval (Rocks 2016)."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kohtaamo.stats.messages import (
    ERROR_CONFIDENCE_RANGE,
    ERROR_COUNT_NOT_WHOLE,
    ERROR_NEGATIVE_COUNT,
    ERROR_NPS_SCORE_RANGE,
    ERROR_THRESHOLD_NEGATIVE,
)
from kohtaamo.stats.nps import nps_from_counts, nps_from_scores

Z_95 = 1.959963984540054  # normal table, two-sided 95%

counts = st.integers(min_value=0, max_value=5000)
confidences = st.floats(min_value=0.5, max_value=0.999)


def rocks_by_hand(promoters: int, passives: int, detractors: int, z: float) -> tuple[float, float]:
    """Rocks 2016 written out directly: 3/4, 3/2 and 3/4 pseudo-answers."""
    n = promoters + passives + detractors + 3
    p = (promoters + 0.75) / n
    d = (detractors + 0.75) / n
    half = z * math.sqrt((p + d - (p - d) ** 2) / n)
    return max(-100.0, 100 * (p - d - half)), min(100.0, 100 * (p - d + half))


def test_rocks_worked_example_gives_30_from_14_05_to_44_20() -> None:
    # given 50 promoters, 30 passives and 20 detractors
    # when the NPS is computed
    result = nps_from_counts(promoters=50, passives=30, detractors=20)
    # then the score is 30 and the interval about 14.05 to 44.20
    assert result.n == 100
    assert result.score == 30.0
    assert result.adjusted_score == pytest.approx(100 * 30 / 103)
    assert result.ci_low == pytest.approx(14.05, abs=0.005)
    assert result.ci_high == pytest.approx(44.20, abs=0.005)
    assert result.few_answers is False
    assert (result.promoters_percent, result.passives_percent, result.detractors_percent) == (
        50.0,
        30.0,
        20.0,
    )


def test_interval_matches_a_hand_computation_at_95_percent() -> None:
    result = nps_from_counts(promoters=12, passives=9, detractors=4)
    low, high = rocks_by_hand(12, 9, 4, Z_95)
    assert result.score == 32.0
    assert result.ci_low == pytest.approx(low, rel=1e-12)
    assert result.ci_high == pytest.approx(high, rel=1e-12)
    assert result.few_answers is True


def test_interval_at_90_percent_uses_its_own_critical_value() -> None:
    result = nps_from_counts(promoters=50, passives=30, detractors=20, confidence=0.90)
    low, high = rocks_by_hand(50, 30, 20, 1.6448536269514722)
    assert (result.ci_low, result.ci_high) == (pytest.approx(low), pytest.approx(high))
    assert result.confidence == 0.90


def test_raw_scores_are_split_at_six_and_eight() -> None:
    # given answers on every step of the scale
    result = nps_from_scores([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10])
    # then 0–6 detract, 7–8 are passive, 9–10 promote
    assert (result.detractors, result.passives, result.promoters) == (7, 2, 3)
    assert result.score == pytest.approx(100 * (3 - 7) / 12)


def test_no_answers_give_no_score_and_no_interval() -> None:
    result = nps_from_scores([])
    assert result.n == 0
    assert result.score is None
    assert result.adjusted_score is None
    assert result.interval is None
    assert (result.ci_low, result.ci_high, result.promoters_percent) == (None, None, None)
    assert result.few_answers is True


def test_a_single_promoter_lies_outside_its_own_interval() -> None:
    # the adjustment pulls one answer's interval towards zero
    result = nps_from_counts(promoters=1, passives=0, detractors=0)
    assert result.score == 100.0
    assert result.ci_high == pytest.approx(98.4986, abs=1e-4)
    assert result.ci_low == pytest.approx(-48.4986, abs=1e-4)


def test_unanimous_answers_can_lie_outside_the_interval_at_low_confidence() -> None:
    result = nps_from_counts(promoters=1000, passives=0, detractors=0, confidence=0.80)
    assert result.interval is not None
    assert result.interval.contains(100.0) is False
    assert result.ci_high == pytest.approx(99.9717, abs=1e-4)


@pytest.mark.parametrize("score", [-1, 11, 100])
def test_a_raw_score_outside_zero_to_ten_is_refused(score: int) -> None:
    with pytest.raises(ValueError, match=ERROR_NPS_SCORE_RANGE):
        nps_from_scores([9, score])


@pytest.mark.parametrize("score", [9.5, "9", None, True])
def test_a_raw_score_that_is_not_a_whole_number_is_refused(score: object) -> None:
    with pytest.raises(ValueError, match=ERROR_NPS_SCORE_RANGE):
        nps_from_scores([9, score])  # type: ignore[list-item]


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError, match=ERROR_NEGATIVE_COUNT):
        nps_from_counts(promoters=5, passives=-1, detractors=2)


def test_fractional_counts_are_refused() -> None:
    with pytest.raises(ValueError, match=ERROR_COUNT_NOT_WHOLE):
        nps_from_counts(promoters=5, passives=1.5, detractors=2)  # type: ignore[arg-type]


@pytest.mark.parametrize("confidence", [0, 1, 95, math.nan])
def test_a_confidence_outside_zero_and_one_is_refused(confidence: float) -> None:
    with pytest.raises(ValueError, match=ERROR_CONFIDENCE_RANGE):
        nps_from_counts(promoters=5, passives=1, detractors=2, confidence=confidence)


def test_a_negative_few_answers_threshold_is_refused() -> None:
    with pytest.raises(ValueError, match=ERROR_THRESHOLD_NEGATIVE):
        nps_from_counts(promoters=5, passives=1, detractors=2, few_answers_below=-1)


@given(promoters=counts, passives=counts, detractors=counts, confidence=confidences)
def test_interval_contains_the_adjusted_score_and_stays_in_range(
    promoters: int, passives: int, detractors: int, confidence: float
) -> None:
    assume(promoters + passives + detractors > 0)
    result = nps_from_counts(
        promoters=promoters, passives=passives, detractors=detractors, confidence=confidence
    )
    assert result.interval is not None and result.adjusted_score is not None
    assert -100 <= result.interval.low <= result.adjusted_score <= result.interval.high <= 100
    low, high = rocks_by_hand(promoters, passives, detractors, result_z(confidence))
    assert result.interval.low == pytest.approx(low, abs=1e-9)
    assert result.interval.high == pytest.approx(high, abs=1e-9)


def result_z(confidence: float) -> float:
    # An independent route to z: bisection on the error function, math only.
    target = 0.5 + confidence / 2
    low, high = 0.0, 10.0
    for _ in range(200):
        mid = (low + high) / 2
        if 0.5 * (1 + math.erf(mid / math.sqrt(2))) < target:
            low = mid
        else:
            high = mid
    return (low + high) / 2


@given(promoters=counts, passives=counts, detractors=counts)
def test_at_95_percent_the_reported_score_is_inside_from_two_answers_on(
    promoters: int, passives: int, detractors: int
) -> None:
    assume(promoters + passives + detractors >= 2)
    result = nps_from_counts(promoters=promoters, passives=passives, detractors=detractors)
    assert result.interval is not None and result.score is not None
    assert result.interval.contains(result.score)


@given(
    promoters=st.integers(0, 300),
    passives=st.integers(0, 300),
    detractors=st.integers(0, 300),
    k=st.integers(2, 50),
)
def test_interval_narrows_with_more_answers_in_the_same_proportions(
    promoters: int, passives: int, detractors: int, k: int
) -> None:
    assume(promoters + passives + detractors > 0)
    few = nps_from_counts(promoters=promoters, passives=passives, detractors=detractors)
    many = nps_from_counts(
        promoters=k * promoters, passives=k * passives, detractors=k * detractors
    )
    assert few.interval is not None and many.interval is not None
    assert many.interval.width < few.interval.width


@given(high=counts, passives=counts, low=counts)
def test_swapping_promoters_and_detractors_mirrors_everything(
    high: int, passives: int, low: int
) -> None:
    assume(high + passives + low > 0)
    one = nps_from_counts(promoters=high, passives=passives, detractors=low)
    other = nps_from_counts(promoters=low, passives=passives, detractors=high)
    assert one.interval is not None and other.interval is not None and one.score is not None
    assert other.score == -one.score
    assert other.interval.low == pytest.approx(-one.interval.high, abs=1e-9)
    assert other.interval.high == pytest.approx(-one.interval.low, abs=1e-9)


@given(both=counts, passives=counts)
def test_equal_promoters_and_detractors_give_an_interval_centred_on_zero(
    both: int, passives: int
) -> None:
    assume(2 * both + passives > 0)
    result = nps_from_counts(promoters=both, passives=passives, detractors=both)
    assert result.interval is not None
    assert result.score == 0.0
    assert result.interval.low == pytest.approx(-result.interval.high, abs=1e-12)


@given(
    scores=st.lists(st.integers(0, 10), max_size=80),
    threshold=st.integers(0, 100),
)
def test_few_answers_exactly_when_n_is_below_the_threshold(
    scores: list[int], threshold: int
) -> None:
    result = nps_from_scores(scores, few_answers_below=threshold)
    assert result.few_answers is (len(scores) < threshold)


@given(scores=st.lists(st.integers(0, 10), max_size=200))
def test_raw_scores_agree_with_counting_them_by_hand(scores: list[int]) -> None:
    from_scores = nps_from_scores(scores)
    from_counts = nps_from_counts(
        promoters=sum(1 for s in scores if s >= 9),
        passives=sum(1 for s in scores if s in (7, 8)),
        detractors=sum(1 for s in scores if s <= 6),
    )
    assert from_scores == from_counts


@given(
    promoters=st.integers(0, 100),
    passives=st.integers(0, 100),
    detractors=st.integers(0, 100),
    k=st.integers(2, 20),
    confidence=confidences,
)
def test_interval_never_widens_with_more_answers_at_any_confidence(
    promoters: int, passives: int, detractors: int, k: int, confidence: float
) -> None:
    # Not strictly narrower: at 99.9% one promoter and one detractor, and two
    # of each, are both clamped to the whole −100…100.
    assume(promoters + passives + detractors > 0)
    few = nps_from_counts(
        promoters=promoters, passives=passives, detractors=detractors, confidence=confidence
    )
    many = nps_from_counts(
        promoters=k * promoters,
        passives=k * passives,
        detractors=k * detractors,
        confidence=confidence,
    )
    assert few.interval is not None and many.interval is not None
    assert many.interval.width <= few.interval.width
