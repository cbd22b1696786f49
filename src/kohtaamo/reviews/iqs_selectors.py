"""Reads of IQS: the table by agent, team or unit and period, and the
weakest and strongest points of the checklist (see `reviews.iqs`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, FloatField, Q, QuerySet, Sum
from django.db.models.functions import Cast, TruncMonth, TruncQuarter, TruncWeek
from django.utils import timezone

from kohtaamo.core.dates import local_midnight
from kohtaamo.org import access_reviews
from kohtaamo.reviews.iqs import IqsResult, iqs_from_summary
from kohtaamo.reviews.models import SCALE_TOP, Criterion, Review, ReviewRating, Scale

GROUPS = {
    "agent": ("reviewee_id", ("reviewee__first_name", "reviewee__last_name")),
    "team": ("team_id", ("team__name",)),
    "unit": ("team__unit_id", ("team__unit__name",)),
}
PERIODS = {"week": TruncWeek, "month": TruncMonth, "quarter": TruncQuarter}


@dataclass(frozen=True)
class IqsRow:
    group_id: int
    label: str
    period: date
    result: IqsResult
    critical_fails: int


@dataclass(frozen=True)
class CriterionStanding:
    criterion: Criterion
    mean: float  # 0–100, as the score counts the point
    n: int


def iqs_selection(*, user: Any, date_from: date, date_to: date) -> QuerySet[Review]:
    return access_reviews.iqs_reviews(user).filter(
        finished_at__gte=local_midnight(date_from),
        finished_at__lt=local_midnight(date_to + timedelta(days=1)),
    )


def iqs_table(*, reviews: QuerySet[Review], group_by: str, period: str) -> list[IqsRow]:
    """One aggregate query: n, Σ score, Σ score² and critical fails per group
    and period; the statistics follow in Python from those sums."""
    key, labels = GROUPS[group_by]
    trunc = PERIODS[period]("finished_at", tzinfo=timezone.get_current_timezone())
    score = Cast("score", FloatField())
    rows = (
        reviews.annotate(period=trunc)
        .values(key, *labels, "period")
        .annotate(
            n=Count("pk"),
            total=Sum(score),
            squares=Sum(score * score),
            critical=Count("pk", filter=Q(critical_failed=True)),
        )
        .order_by(*labels, key, "period")
    )
    result = []
    for row in rows:
        moment = row["period"]
        day = moment.date() if isinstance(moment, datetime) else moment
        result.append(
            IqsRow(
                group_id=row[key],
                label=" ".join(str(row[label]) for label in labels).strip(),
                period=day,
                result=iqs_from_summary(
                    n=row["n"], total=row["total"], total_squares=row["squares"]
                ),
                critical_fails=row["critical"],
            )
        )
    return result


def iqs_criteria(*, reviews: QuerySet[Review]) -> list[CriterionStanding]:
    """Each point's mean (r − 1)/(t − 1) on 0–100 over the selected reviews,
    N/A left out, weakest first. Points are matched by code across versions."""
    counts = (
        ReviewRating.objects.filter(review__in=reviews, is_na=False, value__isnull=False)
        .values("criterion__code", "criterion__scale", "value")
        .annotate(count=Count("pk"))
        .order_by()
    )
    sums: dict[str, list[float]] = {}
    for row in counts:
        top = SCALE_TOP[Scale(row["criterion__scale"])]
        value = int(row["value"] or 1)  # never None: filtered above
        entry = sums.setdefault(row["criterion__code"], [0.0, 0])
        entry[0] += row["count"] * (value - 1) / (top - 1)
        entry[1] += row["count"]
    criteria = {
        c.code: c
        # the newest version of each point names it
        for c in Criterion.objects.filter(code__in=sums).order_by("code", "scorecard__version")
    }
    standings = [
        CriterionStanding(criteria[code], 100 * total / n, int(n))
        for code, (total, n) in sums.items()
        if n and code in criteria
    ]
    return sorted(standings, key=lambda s: (s.mean, s.criterion.code))
