"""Two reviewers saving the same review at the same moment: one wins, the
other is told (the optimistic lock under real concurrency)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.apps import apps

from kohtaamo.conftest import Cast
from kohtaamo.reviews.models import Review, ReviewKind, ReviewRating
from kohtaamo.reviews.services import default_scorecard_install, review_save
from kohtaamo.reviews.tests.helpers import ratings_by_code
from kohtaamo.testing.concurrency import ready_then_at_once

SAVERS = 3


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("start_version", [0, 1])
def test_concurrent_saves_from_one_version_store_exactly_one(
    cast: Cast, encounter: Any, start_version: int
) -> None:
    # A transactional test starts from a flushed database, which has lost the
    # checklist that migration 0002 installs; put it back.
    default_scorecard_install(apps=apps)
    # given (for version 1) a draft that everyone opened
    if start_version:
        review_save(
            encounter=encounter,
            kind=ReviewKind.LEAD,
            by=cast.lead,
            expected_version=0,
            ratings=ratings_by_code({"genuine-will": 3}),
            overall_comment="",
            finish=False,
        )
    savers = [cast.lead, cast.manager, cast.admin]

    def opened(n: int) -> Callable[[], str]:
        # Each reviewer has their ratings ready before any of them saves.
        by, ratings = savers[n], ratings_by_code({"genuine-will": n + 1})

        def save() -> str:
            review_save(
                encounter=encounter,
                kind=ReviewKind.LEAD,
                by=by,
                expected_version=start_version,
                ratings=ratings,
                overall_comment=str(n + 1),
                finish=False,
            )
            return "saved"

        return save

    outcomes = ready_then_at_once(opened, SAVERS)
    # then one save stands whole, and the others were told
    assert outcomes == ["saved"] + ["stale"] * (SAVERS - 1)
    review = Review.objects.get()
    assert review.version == start_version + 1
    value = ReviewRating.objects.get(review=review, criterion__code="genuine-will").value
    assert review.overall_comment == str(value)
