"""IQS results: the mean review score per person, team or unit and period."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from kohtaamo.reviews.forms import IqsFilterForm
from kohtaamo.reviews.iqs import FEW_REVIEWS_BELOW
from kohtaamo.reviews.iqs_selectors import (
    CriterionStanding,
    IqsRow,
    iqs_criteria,
    iqs_selection,
    iqs_table,
)

DEFAULT_DAYS = 90
STANDINGS_SHOWN = 3


@login_required
@require_GET
def iqs(request: HttpRequest) -> HttpResponse:
    form = IqsFilterForm(request.GET or None)
    today = timezone.localdate()
    rows: list[IqsRow] = []
    weakest: list[CriterionStanding] = []
    strongest: list[CriterionStanding] = []
    filters: dict[str, Any] = {
        "group_by": "agent",
        "period": "month",
        "date_from": today - timedelta(days=DEFAULT_DAYS),
        "date_to": today,
    }
    if not form.is_bound or form.is_valid():
        if form.is_bound:
            filters.update({k: v for k, v in form.cleaned_data.items() if v})
        reviews = iqs_selection(
            user=request.user, date_from=filters["date_from"], date_to=filters["date_to"]
        )
        rows = iqs_table(reviews=reviews, group_by=filters["group_by"], period=filters["period"])
        standings = iqs_criteria(reviews=reviews)
        weakest = standings[:STANDINGS_SHOWN]
        strongest = (
            list(reversed(standings[-STANDINGS_SHOWN:])) if len(standings) > STANDINGS_SHOWN else []
        )
    return render(
        request,
        "reviews/iqs.html",
        {
            "form": form,
            "filters": filters,
            "rows": rows,
            "weakest": weakest,
            "strongest": strongest,
            "few_below": FEW_REVIEWS_BELOW,
            "section": "reviews",
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )
