"""Disputes: within 14 days, once per rating, decided by a lead or manager."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from kohtaamo.conftest import Cast
from kohtaamo.reviews.models import (
    Dispute,
    DisputeStatus,
    Review,
    ReviewEvent,
    ReviewKind,
    ReviewRating,
)
from kohtaamo.reviews.services import (
    ERROR_ALREADY_DISPUTED,
    ERROR_DISPUTE_LATE,
    dispute_decide,
    dispute_open,
)
from kohtaamo.reviews.tests.helpers import TOP, finished_review
from kohtaamo.testing.clients import client_for

EN = {"accept-language": "en"}


@pytest.fixture
def review(cast: Cast, encounter: Any) -> Review:
    # felt-helped 3/5 counts 0.5 at weight 2: (15 - 1) / 15 of the weights → 93.3
    return finished_review(encounter, cast.lead, values={**TOP, "felt-helped": 3})


def _rating(review: Review, code: str) -> ReviewRating:
    return ReviewRating.objects.select_related("review", "criterion").get(
        review=review, criterion__code=code
    )


def test_the_reviewed_person_disputes_a_rating_and_the_lead_accepts_it(
    cast: Cast, review: Review
) -> None:
    assert review.score == pytest.approx(100 * 14 / 15)
    dispute = dispute_open(
        rating=_rating(review, "felt-helped"), reason="Asiakas kiitti lopuksi.", by=cast.agent
    )
    decided = dispute_decide(dispute=dispute, accept=True, reason="Totta.", by=cast.lead, value=5)
    # then the rating and the score are corrected, the old values kept
    review.refresh_from_db()
    assert review.score == 100.0
    assert _rating(review, "felt-helped").value == 5
    assert (decided.status, decided.old_value, decided.new_value) == (DisputeStatus.ACCEPTED, 3, 5)
    assert decided.old_score == pytest.approx(100 * 14 / 15)
    assert decided.new_score == 100.0
    trail = list(ReviewEvent.objects.filter(review=review).values_list("kind", "actor"))
    assert trail == [
        ("finished", cast.lead.pk),
        ("disputed", cast.agent.pk),
        ("accepted", cast.lead.pk),
    ]
    assert ReviewEvent.objects.get(kind="accepted").details["old_value"] == 3


def test_an_accepted_no_for_honesty_makes_the_score_zero(cast: Cast, review: Review) -> None:
    dispute = dispute_open(rating=_rating(review, "honesty"), reason="Tarkistakaa.", by=cast.agent)
    dispute_decide(dispute=dispute, accept=True, reason="", by=cast.manager, value=1)
    review.refresh_from_db()
    assert (review.score, review.critical_failed) == (0.0, True)


def test_a_manager_rejects_with_a_reason_and_nothing_changes(cast: Cast, review: Review) -> None:
    dispute = dispute_open(
        rating=_rating(review, "felt-helped"), reason="Olin kiireetön.", by=cast.agent
    )
    with pytest.raises(ValidationError):
        dispute_decide(dispute=dispute, accept=False, reason=" ", by=cast.manager)
    decided = dispute_decide(
        dispute=dispute, accept=False, reason="Puhelu katkesi kesken.", by=cast.manager
    )
    review.refresh_from_db()
    assert (decided.status, decided.decision_reason) == (
        DisputeStatus.REJECTED,
        "Puhelu katkesi kesken.",
    )
    assert review.score == pytest.approx(100 * 14 / 15)
    assert _rating(review, "felt-helped").value == 3


def test_a_dispute_after_the_deadline_is_refused(cast: Cast, review: Review) -> None:
    Review.objects.filter(pk=review.pk).update(
        finished_at=timezone.now() - timedelta(days=14, minutes=1)
    )
    with pytest.raises(ValidationError) as error:
        dispute_open(rating=_rating(review, "felt-helped"), reason="Myöhässä.", by=cast.agent)
    assert error.value.messages == [str(ERROR_DISPUTE_LATE % {"days": 14})]
    assert Dispute.objects.count() == 0


def test_a_second_dispute_of_the_same_rating_is_refused(cast: Cast, review: Review) -> None:
    dispute = dispute_open(
        rating=_rating(review, "felt-helped"), reason="Ensimmäinen.", by=cast.agent
    )
    dispute_decide(dispute=dispute, accept=False, reason="Ei.", by=cast.lead)
    with pytest.raises(ValidationError) as error:
        dispute_open(rating=_rating(review, "felt-helped"), reason="Toinen.", by=cast.agent)
    assert error.value.messages == [str(ERROR_ALREADY_DISPUTED)]
    assert Dispute.objects.count() == 1


def test_a_decided_dispute_cannot_be_decided_again(cast: Cast, review: Review) -> None:
    dispute = dispute_open(rating=_rating(review, "felt-helped"), reason="Syy.", by=cast.agent)
    dispute_decide(dispute=dispute, accept=False, reason="Ei.", by=cast.lead)
    with pytest.raises(ValidationError) as error:
        dispute_decide(dispute=dispute, accept=True, reason="", by=cast.manager, value=5)
    assert error.value.code == "decided"
    review.refresh_from_db()
    assert review.score == pytest.approx(100 * 14 / 15)


@pytest.mark.parametrize(
    ("value", "is_na", "code"),
    [
        (6, False, "off_scale"),
        (None, False, "off_scale"),
        (None, True, "na_not_allowed"),
        (3, False, "same_value"),
    ],
)
def test_an_accepted_correction_must_be_on_the_scale_and_a_change(
    cast: Cast, review: Review, value: int | None, is_na: bool, code: str
) -> None:
    dispute = dispute_open(rating=_rating(review, "felt-helped"), reason="Syy.", by=cast.agent)
    with pytest.raises(ValidationError) as error:
        dispute_decide(
            dispute=dispute, accept=True, reason="", by=cast.lead, value=value, is_na=is_na
        )
    assert error.value.code == code
    dispute.refresh_from_db()
    assert dispute.status == DisputeStatus.OPEN
    assert _rating(review, "felt-helped").value == 3


def test_only_the_reviewed_person_disputes_and_never_decides_their_own(
    cast: Cast, review: Review
) -> None:
    with pytest.raises(PermissionDenied):
        dispute_open(rating=_rating(review, "felt-helped"), reason="Syy.", by=cast.lead)
    dispute = dispute_open(rating=_rating(review, "felt-helped"), reason="Syy.", by=cast.agent)
    for person in (cast.agent, cast.outsider_lead):
        with pytest.raises(PermissionDenied):
            dispute_decide(dispute=dispute, accept=True, reason="", by=person, value=5)
    dispute.refresh_from_db()
    assert dispute.status == DisputeStatus.OPEN


def test_a_self_review_cannot_be_disputed(cast: Cast, encounter: Any) -> None:
    own = finished_review(encounter, cast.agent, kind=ReviewKind.SELF)
    with pytest.raises(ValidationError):
        dispute_open(rating=_rating(own, "felt-helped"), reason="Syy.", by=cast.agent)
    assert Dispute.objects.count() == 0


def test_disputing_and_deciding_on_the_review_page(cast: Cast, review: Review) -> None:
    agent = client_for(cast.agent)
    detail = reverse("reviews:detail", kwargs={"pk": review.pk})
    rating = _rating(review, "felt-helped")
    page = agent.get(detail, headers=EN)
    assert page.context["dispute_form"] is not None
    response = agent.post(
        reverse("reviews:dispute_create", kwargs={"pk": review.pk}),
        {"rating": rating.pk, "reason": "Asiakas kiitti."},
    )
    assert response.status_code == 302
    dispute = Dispute.objects.get()
    # a second dispute of the same point is no longer offered, and refused
    again = agent.post(
        reverse("reviews:dispute_create", kwargs={"pk": review.pk}),
        {"rating": rating.pk, "reason": "Uudestaan."},
        headers=EN,
    )
    assert again.status_code == 400
    assert "Choose the point you dispute." in again.content.decode()
    assert Dispute.objects.count() == 1
    # the lead sees the dispute among those to decide, and accepts it
    lead = client_for(cast.lead)
    assert list(lead.get(reverse("reviews:list")).context["open_disputes"]) == [dispute]
    decided = lead.post(
        reverse("reviews:dispute_decide", kwargs={"pk": dispute.pk}),
        {
            f"d{dispute.pk}-decision": "accept",
            f"d{dispute.pk}-value": "5",
            f"d{dispute.pk}-reason": "Totta.",
        },
    )
    assert decided.status_code == 302
    review.refresh_from_db()
    assert review.score == 100.0
    body = agent.get(detail, headers=EN).content.decode()
    assert "Corrected from 3 to 5; the score changed from 93 to 100." in body
    assert "Dispute accepted – Leena Lead (The customer felt helped)" in body


def test_an_agent_cannot_decide_on_the_page(cast: Cast, review: Review) -> None:
    dispute = dispute_open(rating=_rating(review, "felt-helped"), reason="Syy.", by=cast.agent)
    response = client_for(cast.agent).post(
        reverse("reviews:dispute_decide", kwargs={"pk": dispute.pk}),
        {f"d{dispute.pk}-decision": "accept", f"d{dispute.pk}-value": "5"},
    )
    assert response.status_code == 403
    dispute.refresh_from_db()
    assert dispute.status == DisputeStatus.OPEN


def test_a_late_dispute_on_the_page_is_not_offered(cast: Cast, review: Review) -> None:
    Review.objects.filter(pk=review.pk).update(finished_at=timezone.now() - timedelta(days=15))
    client = client_for(cast.agent)
    assert (
        client.get(reverse("reviews:detail", kwargs={"pk": review.pk})).context["dispute_form"]
        is None
    )
    response = client.post(
        reverse("reviews:dispute_create", kwargs={"pk": review.pk}),
        {"rating": _rating(review, "felt-helped").pk, "reason": "Myöhässä."},
        headers=EN,
    )
    assert response.status_code == 400
    assert "within 14 days" in response.content.decode()
    assert Dispute.objects.count() == 0
