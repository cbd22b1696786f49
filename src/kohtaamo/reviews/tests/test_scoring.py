"""The score formula, against values worked out by hand."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kohtaamo.reviews.scoring import OffScaleError, Rating, Score, review_score


def test_weighted_mean_of_rated_criteria_on_zero_to_hundred() -> None:
    # given 4/5 at weight 2 (0.75), 2/3 at weight 1 (0.5), yes at weight 1 (1.0)
    ratings = [Rating(4, 5, weight=2), Rating(2, 3), Rating(2, 2, is_critical=True)]
    # then (2·0.75 + 0.5 + 1.0) / 4 = 3.0 / 4 = 75
    assert review_score(ratings) == Score(75.0, False, 3, 0)


def test_na_is_left_out_of_numerator_and_denominator() -> None:
    # 5/5 (1.0, weight 1) and 1/5 (0.0, weight 3), with a weight-10 N/A
    ratings = [Rating(5, 5), Rating(1, 5, weight=3), Rating(None, 3, weight=10)]
    # (1·1.0 + 3·0.0) / 4 = 25, the N/A changes nothing
    assert review_score(ratings) == Score(25.0, False, 2, 1)


def test_a_failed_critical_yes_no_makes_the_score_zero_and_is_flagged() -> None:
    ratings = [Rating(5, 5, weight=5), Rating(1, 2, is_critical=True)]
    assert review_score(ratings) == Score(0.0, True, 2, 0)


def test_the_lowest_value_of_a_critical_rated_scale_is_a_fail() -> None:
    assert review_score([Rating(1, 5, is_critical=True), Rating(5, 5)]).critical_failed
    # one step above the lowest is not a fail: (0.25 + 1.0) / 2 = 62.5
    assert review_score([Rating(2, 5, is_critical=True), Rating(5, 5)]) == Score(62.5, False, 2, 0)


def test_a_low_non_critical_value_is_not_a_critical_fail() -> None:
    assert review_score([Rating(1, 2), Rating(2, 2)]) == Score(50.0, False, 2, 0)


def test_a_critical_criterion_marked_na_does_not_fail() -> None:
    assert review_score([Rating(None, 2, is_critical=True), Rating(3, 3)]) == Score(
        100.0, False, 1, 1
    )


def test_a_review_with_every_criterion_na_has_no_score() -> None:
    assert review_score([Rating(None, 5), Rating(None, 3)]) == Score(None, False, 0, 2)


@pytest.mark.parametrize("value", [0, 6, -1, True])
def test_a_value_off_the_scale_is_refused(value: int) -> None:
    with pytest.raises(OffScaleError):
        review_score([Rating(value, 5)])


ratings_strategy = st.lists(
    st.sampled_from([2, 3, 5]).flatmap(
        lambda top: st.builds(
            Rating,
            value=st.none() | st.integers(1, top),
            scale_top=st.just(top),
            weight=st.integers(1, 5),
            is_critical=st.booleans(),
        )
    ),
    max_size=12,
)


@given(ratings_strategy)
def test_the_score_stays_within_zero_and_hundred(ratings: list[Rating]) -> None:
    score = review_score(ratings)
    assert score.rated + score.not_applicable == len(ratings)
    if score.rated == 0:
        assert score.value is None
    else:
        assert score.value is not None
        assert 0.0 <= score.value <= 100.0
    if score.critical_failed:
        assert score.value == 0.0


@given(ratings_strategy)
def test_top_marks_everywhere_score_hundred(ratings: list[Rating]) -> None:
    top = [Rating(r.scale_top, r.scale_top, r.weight, r.is_critical) for r in ratings]
    score = review_score(top)
    assert score.value == (100.0 if top else None)
