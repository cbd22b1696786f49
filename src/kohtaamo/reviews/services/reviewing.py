"""Writes of reviews: saving a draft, finishing it with its score."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kohtaamo.encounters.models import Encounter
from kohtaamo.org import access_reviews
from kohtaamo.reviews.checklist import DEFAULT_SCORECARD_CODE
from kohtaamo.reviews.models import (
    Criterion,
    Review,
    ReviewEvent,
    ReviewEventKind,
    ReviewKind,
    ReviewRating,
    ReviewStatus,
    Scorecard,
)
from kohtaamo.reviews.scoring import Rating, review_score

ERROR_STALE = _(
    "Someone else saved this review while you were editing it, so your changes were not "
    "saved. The page now shows their version; make your changes again."
)
ERROR_FINISHED = _(
    "This review is finished and can no longer be edited. A rating can be changed only "
    "through a dispute."
)
ERROR_OFF_SCALE = _("%(criterion)s: choose a value from 1 to %(top)s.")
ERROR_NA_NOT_ALLOWED = _("%(criterion)s cannot be marked N/A.")
ERROR_UNRATED = _("Rate every criterion or mark it N/A before finishing: %(criteria)s.")
ERROR_UNKNOWN_CRITERION = _("The ratings name a criterion that is not on this scorecard.")
ERROR_NO_SCORECARD = _("No checklist is in use, so the encounter cannot be reviewed.")


@dataclass(frozen=True)
class RatingInput:
    """What a reviewer gave one criterion: a value, N/A, or neither (a draft)."""

    value: int | None = None
    is_na: bool = False
    comment: str = ""


# --- Reviews -------------------------------------------------------------------


def _check_may_review(*, encounter: Encounter, kind: str, by: Any) -> None:
    allowed = (
        access_reviews.may_self_review(by, encounter)
        if kind == ReviewKind.SELF
        else access_reviews.may_lead_review(by, encounter)
    )
    if not allowed:
        raise PermissionDenied


def check_ratings(
    criteria: list[Criterion], ratings: dict[int, RatingInput], *, finish: bool
) -> None:
    by_id = {c.pk: c for c in criteria}
    if set(ratings) - set(by_id):
        raise ValidationError(ERROR_UNKNOWN_CRITERION, code="unknown_criterion")
    for criterion_id, given in ratings.items():
        criterion = by_id[criterion_id]
        if given.is_na and not criterion.allows_na:
            raise ValidationError(
                ERROR_NA_NOT_ALLOWED, code="na_not_allowed", params={"criterion": criterion.name}
            )
        if given.value is not None and (
            given.is_na
            or isinstance(given.value, bool)
            or not 1 <= given.value <= criterion.scale_top
        ):
            raise ValidationError(
                ERROR_OFF_SCALE,
                code="off_scale",
                params={"criterion": criterion.name, "top": criterion.scale_top},
            )
    if finish:
        unrated = [
            c.name
            for c in criteria
            if not (
                ratings.get(c.pk, RatingInput()).is_na or ratings.get(c.pk, RatingInput()).value
            )
        ]
        if unrated:
            raise ValidationError(
                ERROR_UNRATED, code="unrated", params={"criteria": ", ".join(unrated)}
            )


def _locked_review(*, encounter: Encounter, kind: str, by: Any, expected_version: int) -> Review:
    """The review to write, locked; a new draft when there is none yet and
    the saver started from nothing (version 0)."""
    review = Review.objects.select_for_update().filter(encounter=encounter, kind=kind).first()
    if review is None and expected_version == 0:
        scorecard = Scorecard.objects.filter(code=DEFAULT_SCORECARD_CODE, is_active=True).first()
        if scorecard is None:
            raise ValidationError(ERROR_NO_SCORECARD, code="no_scorecard")
        try:
            # A savepoint: a reviewer racing us to the first save makes this
            # insert fail on the one-review-per-kind constraint.
            with transaction.atomic():
                return Review.objects.create(
                    encounter=encounter,
                    kind=kind,
                    reviewee_id=encounter.staff_id,
                    team_id=encounter.team_id,
                    reviewer=by,
                    scorecard=scorecard,
                    version=0,
                )
        except IntegrityError as exc:
            raise ValidationError(ERROR_STALE, code="stale") from exc
    if review is None or review.version != expected_version:
        raise ValidationError(ERROR_STALE, code="stale")
    if review.status == ReviewStatus.FINISHED:
        raise ValidationError(ERROR_FINISHED, code="finished")
    return review


def review_save(
    *,
    encounter: Encounter,
    kind: str,
    by: Any,
    expected_version: int,
    ratings: dict[int, RatingInput],
    overall_comment: str,
    finish: bool,
) -> Review:
    """Save a lead review or self-review as a draft, or finish it (then the
    score is computed and stored). All or nothing: one transaction.

    `expected_version` is the version the reviewer's form was made from (0 for
    a review not yet saved); if someone saved in between, nothing is written
    and the reviewer is told (ERROR_STALE).
    """
    _check_may_review(encounter=encounter, kind=kind, by=by)
    with transaction.atomic():
        review = _locked_review(
            encounter=encounter, kind=kind, by=by, expected_version=expected_version
        )
        criteria = list(
            Criterion.objects.filter(scorecard_id=review.scorecard_id).order_by("position")
        )
        check_ratings(criteria, ratings, finish=finish)
        ReviewRating.objects.filter(review=review).delete()
        ReviewRating.objects.bulk_create(
            ReviewRating(
                review=review,
                criterion=criterion,
                value=None if given.is_na else given.value,
                is_na=given.is_na,
                comment=given.comment.strip(),
            )
            for criterion in criteria
            for given in [ratings.get(criterion.pk, RatingInput())]
        )
        now = timezone.now()
        review.overall_comment = overall_comment.strip()
        review.reviewer = by
        review.version += 1
        review.updated_at = now
        if finish:
            score = review_score(
                Rating(
                    None if ratings[c.pk].is_na else ratings[c.pk].value,
                    c.scale_top,
                    c.weight,
                    c.is_critical,
                )
                for c in criteria
            )
            review.status = ReviewStatus.FINISHED
            review.finished_at = now
            review.score = score.value
            review.critical_failed = score.critical_failed
        review.save()
        if finish:
            ReviewEvent.objects.create(
                review=review,
                kind=ReviewEventKind.FINISHED,
                actor=by,
                at=now,
                details={"score": review.score, "critical_failed": review.critical_failed},
            )
    return review


def review_mark_seen(*, review: Review) -> None:
    """The reviewed person has opened the finished review (the in-app notice)."""
    if review.seen_by_reviewee_at is None:
        now = timezone.now()
        Review.objects.filter(pk=review.pk, seen_by_reviewee_at__isnull=True).update(
            seen_by_reviewee_at=now
        )
        review.seen_by_reviewee_at = now
