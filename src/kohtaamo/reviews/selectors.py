"""Reads of the reviews app."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from kohtaamo.org import access_reviews
from kohtaamo.reviews.checklist import DEFAULT_SCORECARD_CODE
from kohtaamo.reviews.models import (
    CoachingAction,
    Criterion,
    Dispute,
    DisputeStatus,
    Review,
    ReviewAssignment,
    ReviewEvent,
    ReviewKind,
    ReviewRating,
    ReviewStatus,
    Scorecard,
)


def scorecard_default() -> Scorecard | None:
    """The active version of the default scorecard (the essay checklist)."""
    return Scorecard.objects.filter(code=DEFAULT_SCORECARD_CODE, is_active=True).first()


def scorecard_criteria(*, scorecard: Scorecard) -> list[Criterion]:
    """The scorecard's criteria in checklist order, each with its group."""
    return list(
        Criterion.objects.filter(scorecard=scorecard).select_related("group").order_by("position")
    )


def default_checklist_criteria() -> list[Criterion]:
    """The points of the active default checklist, in order; empty if an
    administrator has switched every version of it off."""
    scorecard = scorecard_default()
    return scorecard_criteria(scorecard=scorecard) if scorecard else []


def review_for(*, encounter: Any, kind: str) -> Review | None:
    return (
        Review.objects.filter(encounter=encounter, kind=kind)
        .select_related("scorecard", "reviewer")
        .first()
    )


def review_ratings(*, review: Review) -> list[ReviewRating]:
    return list(
        ReviewRating.objects.filter(review=review)
        .select_related("criterion__group")
        .order_by("criterion__position")
    )


def reviews_of_person(*, user: Any) -> QuerySet[Review]:
    """The finished reviews of a person's own encounters, newest first."""
    return (
        access_reviews.visible_reviews(user)
        .filter(reviewee=user, status=ReviewStatus.FINISHED)
        .select_related("encounter", "reviewer")
        .order_by("-finished_at", "-id")
    )


def reviews_drafted_by(*, user: Any) -> QuerySet[Review]:
    return (
        Review.objects.filter(reviewer=user, status=ReviewStatus.DRAFT)
        .select_related("encounter", "reviewee")
        .order_by("-updated_at")
    )


def reviews_overseen(*, user: Any) -> QuerySet[Review]:
    """Finished reviews of other people's encounters that the person sees."""
    return (
        access_reviews.visible_reviews(user)
        .filter(status=ReviewStatus.FINISHED)
        .exclude(reviewee=user)
        .select_related("encounter", "reviewee", "reviewer")
        .order_by("-finished_at", "-id")
    )


def _with_review_status(assignments: QuerySet[ReviewAssignment]) -> QuerySet[ReviewAssignment]:
    finished = Review.objects.filter(
        encounter_id=OuterRef("encounter_id"), kind=ReviewKind.LEAD, status=ReviewStatus.FINISHED
    )
    return assignments.select_related("encounter__staff", "reviewer", "team").annotate(
        is_done=Exists(finished)
    )


def assignments_for(*, user: Any) -> QuerySet[ReviewAssignment]:
    """The person's own assignments, open ones first, newest week first."""
    mine = _with_review_status(ReviewAssignment.objects.filter(reviewer=user))
    return mine.order_by("is_done", "-week", "encounter__started_at")  # type: ignore[misc]


def assignments_in_teams(*, user: Any) -> QuerySet[ReviewAssignment]:
    teams = access_reviews.assignable_teams(user)
    return _with_review_status(ReviewAssignment.objects.filter(team__in=teams)).order_by(
        "-week", "team__name", "encounter__staff__last_name", "encounter__started_at"
    )


def review_disputes(*, review: Review) -> list[Dispute]:
    return list(
        Dispute.objects.filter(review=review)
        .select_related("rating__criterion", "raised_by", "decided_by")
        .order_by("created_at", "pk")
    )


def review_events(*, review: Review) -> list[ReviewEvent]:
    return list(ReviewEvent.objects.filter(review=review).select_related("actor"))


def disputes_open_in_teams(*, user: Any) -> QuerySet[Dispute]:
    """Open disputes this person may decide: of the teams they lead or the
    units they manage, never their own."""
    teams = access_reviews.assignable_teams(user)
    return (
        Dispute.objects.filter(status=DisputeStatus.OPEN, review__team__in=teams)
        .exclude(review__reviewee=user)
        .select_related("review__encounter", "review__reviewee", "rating__criterion")
        .order_by("created_at")
    )


def coaching_actions_due(*, user: Any, within_days: int = 1) -> QuerySet[CoachingAction]:
    """Open actions of one's own coaching (as coach or coached) due by
    tomorrow: the reminder on the reviews page."""
    until = timezone.localdate() + timedelta(days=within_days)
    return (
        CoachingAction.objects.filter(done_at__isnull=True, due_on__lte=until)
        .filter(Q(session__agent_id=user.pk) | Q(session__lead_id=user.pk))
        .select_related("session__agent", "session__lead")
        .order_by("due_on", "pk")
    )


def coaching_open_actions(*, user: Any) -> QuerySet[CoachingAction]:
    """Open actions of every coaching session the person sees (a lead: the team's)."""
    return (
        CoachingAction.objects.filter(
            done_at__isnull=True, session__in=access_reviews.visible_coaching(user)
        )
        .select_related("session__agent", "session__lead")
        .order_by("due_on", "pk")
    )
