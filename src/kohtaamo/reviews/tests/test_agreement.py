"""Agreement measures against published and hand-computed values."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kohtaamo.reviews.agreement import (
    agreement,
    krippendorff_alpha,
    mean_deviations,
    percent_agreement,
)

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the
# example of 4 observers and 12 units with missing values.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


@pytest.mark.parametrize(
    ("level", "published"), [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849)]
)
def test_krippendorffs_published_example(level: str, published: float) -> None:
    assert round(krippendorff_alpha(KRIPPENDORFF_2011, level) or 0, 3) == published


def test_alpha_is_undefined_without_variation_or_pairs() -> None:
    assert krippendorff_alpha([[3, 3], [3, 3]], "ordinal") is None
    assert krippendorff_alpha([[1, None], [None, 2]], "ordinal") is None


def test_perfect_agreement_has_alpha_one() -> None:
    assert krippendorff_alpha([[1, 2, 3], [1, 2, 3]], "nominal") == pytest.approx(1.0)


def test_percent_agreement_counts_equal_pairs_within_units() -> None:
    # unit 1: (1,1,2) → pairs 1=1 yes, 1≠2, 1≠2 → 1 of 3; unit 2: (3,3) → 1 of 1;
    # unit 3: one value, no pair. Overall 2 of 4.
    assert percent_agreement([[1, 3, 5], [1, 3, None], [2, None, None]]) == 0.5


def test_mean_deviation_from_the_others() -> None:
    # reviewer A: |1 − 1.5| and |3 − 3| → 0.25; B: |1 − 1.5|, |3 − 3| → 0.25;
    # C: |2 − 1| → 1.0 (unit 2 it did not score)
    assert mean_deviations([[1, 3], [1, 3], [2, None]]) == [0.25, 0.25, 1.0]


def test_a_reviewer_alone_on_every_unit_has_no_deviation() -> None:
    assert mean_deviations([[1, None], [None, 2]]) == [None, None]


def test_agreement_bundles_alpha_percent_and_the_pairable_count() -> None:
    result = agreement(KRIPPENDORFF_2011, "nominal")
    assert round(result.alpha or 0, 3) == 0.743
    # units 1–11 have at least two values: 3+4+4+4+4+4+4+4+4+3+2 = 40
    assert result.pairable == 40


@given(
    st.lists(
        st.lists(st.none() | st.integers(1, 5), min_size=6, max_size=6), min_size=2, max_size=5
    )
)
def test_percent_agreement_is_a_share(matrix: list[list[int | None]]) -> None:
    share = percent_agreement(matrix)
    assert share is None or 0.0 <= share <= 1.0
    alpha = krippendorff_alpha(matrix, "ordinal")
    assert alpha is None or alpha <= 1.0 + 1e-9
