"""Two reviewers saving the same review at the same moment: one wins, the
other is told (the optimistic lock under real concurrency)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection

from kohtaamo.conftest import Cast
from kohtaamo.reviews.models import Review, ReviewKind, ReviewRating
from kohtaamo.reviews.services import default_scorecard_install, review_save
from kohtaamo.reviews.tests.helpers import ratings_by_code

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
    start = threading.Barrier(SAVERS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def save(by: Any, value: int) -> None:
        try:
            ratings = ratings_by_code({"genuine-will": value})
            start.wait(timeout=10)
            try:
                review_save(
                    encounter=encounter,
                    kind=ReviewKind.LEAD,
                    by=by,
                    expected_version=start_version,
                    ratings=ratings,
                    overall_comment=str(value),
                    finish=False,
                )
                outcome = "saved"
            except ValidationError as exc:
                outcome = str(exc.code)
            with lock:
                outcomes.append(outcome)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(by, n + 1)) for n, by in enumerate(savers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    # then one save stands whole, and the others were told
    assert sorted(outcomes) == ["saved"] + ["stale"] * (SAVERS - 1)
    review = Review.objects.get()
    assert review.version == start_version + 1
    value = ReviewRating.objects.get(review=review, criterion__code="genuine-will").value
    assert review.overall_comment == str(value)
