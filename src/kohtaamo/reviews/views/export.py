"""Reviews as CSV: every finished review the person sees, one row each, one
column per point of the checklist (by code, so versions line up)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from kohtaamo.org import access_reviews
from kohtaamo.reviews.models import Criterion, ReviewRating, ReviewStatus
from kohtaamo.reviews.selectors import default_checklist_criteria

BATCH = 500
NA = "N/A"


class _Echo:
    def write(self, value: str) -> str:
        return value


def _rows(user: Any) -> Iterator[list[str]]:
    codes = [c.code for c in default_checklist_criteria()]
    # Points of older versions that the current one dropped come last.
    codes += sorted(set(Criterion.objects.values_list("code", flat=True)) - set(codes))
    yield [
        "review_id",
        "kind",
        "encounter_source",
        "encounter_external_id",
        "encounter_started_at",
        "reviewee_email",
        "team_code",
        "reviewer_email",
        "scorecard_version",
        "finished_at",
        "score",
        "critical_failed",
        *codes,
    ]
    reviews = (
        access_reviews.visible_reviews(user)
        .filter(status=ReviewStatus.FINISHED)
        .select_related("encounter", "reviewee", "reviewer", "team", "scorecard")
        .prefetch_related(
            Prefetch("ratings", queryset=ReviewRating.objects.select_related("criterion"))
        )
        .order_by("finished_at", "pk")
    )
    for review in reviews.iterator(chunk_size=BATCH):
        by_code = {
            r.criterion.code: NA if r.is_na else ("" if r.value is None else str(r.value))
            for r in review.ratings.all()
        }
        yield [
            str(review.pk),
            review.kind,
            review.encounter.source,
            review.encounter.external_id,
            timezone.localtime(review.encounter.started_at).isoformat(),
            review.reviewee.email,
            review.team.code,
            review.reviewer.email,
            str(review.scorecard.version),
            timezone.localtime(review.finished_at).isoformat() if review.finished_at else "",
            "" if review.score is None else f"{review.score:.2f}",
            "1" if review.critical_failed else "0",
            *(by_code.get(code, "") for code in codes),
        ]


@login_required
@require_GET
def reviews_csv(request: HttpRequest) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in _rows(request.user)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="kohtaamo-reviews.csv"'
    return response
