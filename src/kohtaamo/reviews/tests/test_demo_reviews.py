"""The demo's reviews step: reviews by several leads, self-reviews, two
disputes and assignments; the same data on a re-run, never double."""

from __future__ import annotations

import pytest
from django.db.models import F

from kohtaamo.demo.loader import demo_load
from kohtaamo.demo.tests.support import SMALL, TODAY
from kohtaamo.reviews.calibration_results import calibration_results
from kohtaamo.reviews.models import (
    CalibrationScore,
    CalibrationSession,
    Dispute,
    DisputeStatus,
    Review,
    ReviewAssignment,
    ReviewKind,
    ReviewRating,
)

pytestmark = pytest.mark.django_db


def _snapshot() -> list[tuple[str, str, float | None]]:
    return list(
        Review.objects.order_by("encounter__external_id", "kind").values_list(
            "encounter__external_id", "kind", "score"
        )
    )


def test_the_demo_has_reviews_by_several_leads_self_reviews_and_two_disputes() -> None:
    demo_load(seed=1, scale=SMALL, today=TODAY)
    lead_reviews = Review.objects.filter(kind=ReviewKind.LEAD)
    assert lead_reviews.count() == 20
    assert lead_reviews.values("reviewer").distinct().count() >= 3
    assert Review.objects.filter(kind=ReviewKind.SELF).exists()
    # nobody lead-reviews their own encounter
    assert not lead_reviews.filter(reviewer_id=F("encounter__staff_id")).exists()
    assert ReviewRating.objects.count() == Review.objects.count() * 10
    assert sorted(Dispute.objects.values_list("status", flat=True)) == [
        DisputeStatus.ACCEPTED,
        DisputeStatus.OPEN,
    ]
    accepted = Dispute.objects.get(status=DisputeStatus.ACCEPTED)
    accepted.review.refresh_from_db()
    assert accepted.review.score == accepted.new_score
    assert accepted.new_score is not None and accepted.old_score is not None
    assert accepted.new_score > accepted.old_score
    assert ReviewAssignment.objects.exists()
    # one closed calibration: 5 encounters scored by 3 reviewers, agreed scores set
    session = CalibrationSession.objects.get()
    assert (session.status, session.items.count(), session.participants.count()) == (
        "closed",
        5,
        3,
    )
    assert CalibrationScore.objects.filter(item__session=session).count() == 15
    assert not session.items.filter(agreed_score__isnull=True).exists()
    results = calibration_results(session=session)
    assert results.overall.pairable == 15
    assert results.overall.alpha is not None


def test_reloading_the_demo_gives_the_same_reviews_not_double() -> None:
    demo_load(seed=1, scale=SMALL, today=TODAY)
    first = _snapshot()
    disputes = Dispute.objects.count()
    assignments = ReviewAssignment.objects.count()
    demo_load(seed=1, scale=SMALL, today=TODAY)
    assert _snapshot() == first
    assert Dispute.objects.count() == disputes == 2
    assert ReviewAssignment.objects.count() == assignments
    assert CalibrationSession.objects.count() == 1
