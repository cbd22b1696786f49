"""Writes of disputes: the reviewed person disputes a rating; a lead or a
manager accepts it (the score is corrected) or rejects it with a reason."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kohtaamo.org import access_reviews
from kohtaamo.reviews.models import (
    Dispute,
    DisputeStatus,
    Review,
    ReviewEvent,
    ReviewEventKind,
    ReviewKind,
    ReviewRating,
)
from kohtaamo.reviews.scoring import Rating, review_score
from kohtaamo.reviews.services.reviewing import ERROR_NA_NOT_ALLOWED, ERROR_OFF_SCALE

DISPUTE_DAYS = 14

ERROR_DISPUTE_LATE = _("A review can be disputed within %(days)s days of being finished.")
ERROR_ALREADY_DISPUTED = _("This rating has already been disputed; a rating is disputed once.")
ERROR_REASON_REQUIRED = _("Write the reason.")
ERROR_DISPUTE_DECIDED = _("This dispute has already been decided.")
ERROR_NOT_DISPUTABLE = _("Only a finished lead review of your own encounter can be disputed.")
ERROR_SAME_VALUE = _("An accepted dispute must change the rating.")


def dispute_deadline(*, review: Review) -> Any:
    return review.finished_at + timedelta(days=DISPUTE_DAYS) if review.finished_at else None


def dispute_open(*, rating: ReviewRating, reason: str, by: Any) -> Dispute:
    review = rating.review
    if review.reviewee_id != by.pk:
        raise PermissionDenied
    if review.kind != ReviewKind.LEAD or not review.is_finished:
        raise ValidationError(ERROR_NOT_DISPUTABLE, code="not_disputable")
    reason = reason.strip()
    if not reason:
        raise ValidationError(ERROR_REASON_REQUIRED, code="reason_required")
    now = timezone.now()
    if now > dispute_deadline(review=review):
        raise ValidationError(ERROR_DISPUTE_LATE, code="late", params={"days": DISPUTE_DAYS})
    if Dispute.objects.filter(rating=rating).exists():
        raise ValidationError(ERROR_ALREADY_DISPUTED, code="already_disputed")
    try:
        with transaction.atomic():
            dispute = Dispute.objects.create(
                review=review,
                rating=rating,
                raised_by=by,
                reason=reason,
                created_at=now,
                old_value=rating.value,
                old_is_na=rating.is_na,
                old_score=review.score,
            )
            ReviewEvent.objects.create(
                review=review,
                dispute=dispute,
                kind=ReviewEventKind.DISPUTED,
                actor=by,
                at=now,
                details={"criterion": rating.criterion.code, "reason": reason},
            )
    except IntegrityError as exc:
        # Two disputes of one rating at once: the one-to-one column refuses one.
        raise ValidationError(ERROR_ALREADY_DISPUTED, code="already_disputed") from exc
    return dispute


def _rescore(review: Review) -> None:
    ratings = ReviewRating.objects.filter(review=review).select_related("criterion")
    score = review_score(
        Rating(
            None if r.is_na else r.value,
            r.criterion.scale_top,
            r.criterion.weight,
            r.criterion.is_critical,
        )
        for r in ratings
    )
    review.score = score.value
    review.critical_failed = score.critical_failed


def dispute_decide(
    *,
    dispute: Dispute,
    accept: bool,
    reason: str,
    by: Any,
    value: int | None = None,
    is_na: bool = False,
) -> Dispute:
    """Accept (the rating becomes `value` or N/A and the score is counted
    again) or reject with a reason. Either is written to the audit trail."""
    review = dispute.review
    if not access_reviews.may_decide_dispute(by, review):
        raise PermissionDenied
    reason = reason.strip()
    if not accept and not reason:
        raise ValidationError(ERROR_REASON_REQUIRED, code="reason_required")
    with transaction.atomic():
        locked = (
            Dispute.objects.select_for_update()
            .select_related("rating__criterion")
            .get(pk=dispute.pk)
        )
        if locked.status != DisputeStatus.OPEN:
            raise ValidationError(ERROR_DISPUTE_DECIDED, code="decided")
        rating = locked.rating
        criterion = rating.criterion
        now = timezone.now()
        review = Review.objects.select_for_update().get(pk=locked.review_id)
        details: dict[str, Any] = {"criterion": criterion.code, "reason": reason}
        if accept:
            if is_na and not criterion.allows_na:
                raise ValidationError(
                    ERROR_NA_NOT_ALLOWED,
                    code="na_not_allowed",
                    params={"criterion": criterion.name},
                )
            if not is_na and (value is None or not 1 <= value <= criterion.scale_top):
                raise ValidationError(
                    ERROR_OFF_SCALE,
                    code="off_scale",
                    params={"criterion": criterion.name, "top": criterion.scale_top},
                )
            new_value = None if is_na else value
            if (new_value, is_na) == (rating.value, rating.is_na):
                raise ValidationError(ERROR_SAME_VALUE, code="same_value")
            locked.old_value, locked.old_is_na, locked.old_score = (
                rating.value,
                rating.is_na,
                review.score,
            )
            rating.value, rating.is_na = new_value, is_na
            rating.save(update_fields=["value", "is_na"])
            _rescore(review)
            review.version += 1
            review.save(update_fields=["score", "critical_failed", "version"])
            locked.new_value, locked.new_is_na, locked.new_score = new_value, is_na, review.score
            locked.status = DisputeStatus.ACCEPTED
            details.update(
                {
                    "old_value": locked.old_value,
                    "old_is_na": locked.old_is_na,
                    "new_value": new_value,
                    "new_is_na": is_na,
                    "old_score": locked.old_score,
                    "new_score": review.score,
                }
            )
        else:
            locked.status = DisputeStatus.REJECTED
        locked.decided_by = by
        locked.decided_at = now
        locked.decision_reason = reason
        locked.save()
        ReviewEvent.objects.create(
            review=review,
            dispute=locked,
            kind=ReviewEventKind.ACCEPTED if accept else ReviewEventKind.REJECTED,
            actor=by,
            at=now,
            details=details,
        )
    return locked
