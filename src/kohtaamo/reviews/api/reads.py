"""Scorecards, reviews, disputes and IQS in the REST API. Everyone reads what
`org.access_reviews` lets them see, as on the pages."""

# No `from __future__ import annotations`: ninja's paginate wrapper reads the
# annotations in its own module.

from datetime import timedelta

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.pagination import paginate

from kohtaamo.core.api_common import READ_ERRORS, ObjectId, Page
from kohtaamo.org import access_reviews
from kohtaamo.reviews.api.schemas import (
    DisputeOut,
    IqsFilters,
    IqsRowOut,
    ReviewDetailOut,
    ReviewFilters,
    ReviewOut,
    ScorecardOut,
)
from kohtaamo.reviews.forms import ERROR_DATES_REVERSED, ERROR_PERIOD_TOO_LONG
from kohtaamo.reviews.iqs_selectors import iqs_selection, iqs_table
from kohtaamo.reviews.models import Criterion, Dispute, Review, ReviewRating, Scorecard

router = Router(tags=["reviews"])

IQS_DEFAULT_DAYS = 90
IQS_MAX_DAYS = 731


def _scorecards() -> QuerySet[Scorecard]:
    criteria = Criterion.objects.select_related("group").order_by("position")
    return Scorecard.objects.prefetch_related(Prefetch("criteria", queryset=criteria)).order_by(
        "code", "-version"
    )


@router.get(
    "/scorecards", response=list[ScorecardOut], url_name="scorecard_list", summary="List scorecards"
)
@paginate(Page)
def scorecard_list(request: HttpRequest) -> QuerySet[Scorecard]:
    # Every signed-in person uses the checklist; its versions are no secret.
    return _scorecards()


@router.get(
    "/scorecards/{int:scorecard_id}",
    response={200: ScorecardOut, **READ_ERRORS},
    url_name="scorecard_detail",
    summary="Get a scorecard version with its criteria",
)
def scorecard_detail(request: HttpRequest, scorecard_id: ObjectId) -> Scorecard:
    return get_object_or_404(_scorecards(), pk=scorecard_id)


def _reviews(request: HttpRequest) -> QuerySet[Review]:
    return access_reviews.visible_reviews(request.user).select_related("reviewee", "reviewer")


@router.get(
    "/reviews",
    response=list[ReviewOut],
    url_name="review_list",
    summary="List reviews, newest first",
)
@paginate(Page)
def review_list(request: HttpRequest, filters: Query[ReviewFilters]) -> QuerySet[Review]:
    reviews = _reviews(request)
    if filters.kind:
        reviews = reviews.filter(kind=filters.kind)
    if filters.status:
        reviews = reviews.filter(status=filters.status)
    if filters.reviewee:
        reviews = reviews.filter(reviewee_id=filters.reviewee)
    if filters.team:
        reviews = reviews.filter(team_id=filters.team)
    if filters.finished_after:
        reviews = reviews.filter(finished_at__gte=filters.finished_after)
    if filters.finished_before:
        reviews = reviews.filter(finished_at__lt=filters.finished_before)
    return reviews.order_by("-updated_at", "-id")


@router.get(
    "/reviews/{int:review_id}",
    response={200: ReviewDetailOut, **READ_ERRORS},
    url_name="review_detail",
    summary="Get a review with its ratings",
)
def review_detail(request: HttpRequest, review_id: ObjectId) -> Review:
    ratings = ReviewRating.objects.select_related("criterion").order_by("criterion__position")
    reviews = _reviews(request).prefetch_related(Prefetch("ratings", queryset=ratings))
    return get_object_or_404(reviews, pk=review_id)


@router.get(
    "/disputes", response=list[DisputeOut], url_name="dispute_list", summary="List disputes"
)
@paginate(Page)
def dispute_list(request: HttpRequest) -> QuerySet[Dispute]:
    return (
        access_reviews.visible_disputes(request.user)
        .select_related("rating__criterion")
        .order_by("-created_at", "-id")
    )


@router.get(
    "/iqs",
    response={200: list[IqsRowOut], **READ_ERRORS},
    url_name="iqs",
    summary="IQS by agent, team or unit and week, month or quarter",
)
def iqs(request: HttpRequest, filters: Query[IqsFilters]) -> list[dict[str, object]]:
    today = timezone.localdate()
    date_to = filters.date_to or today
    date_from = filters.date_from or date_to - timedelta(days=IQS_DEFAULT_DAYS)
    if date_to < date_from:
        raise HttpError(422, str(ERROR_DATES_REVERSED))
    if (date_to - date_from).days > IQS_MAX_DAYS:
        raise HttpError(422, str(ERROR_PERIOD_TOO_LONG))
    reviews = iqs_selection(user=request.user, date_from=date_from, date_to=date_to)
    return [
        {
            "group_id": row.group_id,
            "label": row.label,
            "period": row.period,
            "n": row.result.n,
            "mean": row.result.mean,
            "interval_low": row.result.interval.low if row.result.interval else None,
            "interval_high": row.result.interval.high if row.result.interval else None,
            "few_reviews": row.result.few_reviews,
            "critical_fails": row.critical_fails,
        }
        for row in iqs_table(reviews=reviews, group_by=filters.group_by, period=filters.period)
    ]
