"""The checklist page: the default scorecard as every person's daily self-check."""

from __future__ import annotations

from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kohtaamo.reviews.selectors import scorecard_criteria, scorecard_default


@login_required
@require_GET
def checklist(request: HttpRequest) -> HttpResponse:
    scorecard = scorecard_default()
    criteria = scorecard_criteria(scorecard=scorecard) if scorecard else []
    groups = [(group, list(items)) for group, items in groupby(criteria, key=lambda c: c.group)]
    return render(
        request,
        "reviews/checklist.html",
        {"scorecard": scorecard, "groups": groups, "section": "checklist"},
    )
