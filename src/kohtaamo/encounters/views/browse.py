from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kohtaamo.core.htmx import is_htmx
from kohtaamo.encounters.forms import EncounterFilterForm
from kohtaamo.encounters.selectors import encounter_list, encounter_transcript
from kohtaamo.org import access

PAGE_SIZE = 50


@login_required
@require_GET
def encounters(request: HttpRequest) -> HttpResponse:
    form = EncounterFilterForm(
        request.GET or None,
        teams=access.visible_teams(request.user),
        people=access.visible_people(request.user).order_by("first_name", "last_name"),
    )
    filters = form.cleaned_data if form.is_valid() else {}
    transcript = filters.get("has_transcript")
    rows = encounter_list(
        user=request.user,
        team_id=filters["team"].pk if filters.get("team") else None,
        staff_id=filters["staff"].pk if filters.get("staff") else None,
        channel=filters.get("channel") or None,
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
        has_transcript={"yes": True, "no": False}.get(transcript or ""),
    )
    if form.is_bound and not form.is_valid():
        rows = rows.none()
    # Counting 20,000 rows per page view is cheap; a full-table COUNT on
    # millions is not, so the paginator counts only what the filters leave.
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    template = "encounters/_list_rows.html" if is_htmx(request) else "encounters/list.html"
    return render(
        request,
        template,
        {"form": form, "page": page, "query": query.urlencode(), "section": "encounters"},
    )


@login_required
@require_GET
def encounter_detail(request: HttpRequest, pk: int) -> HttpResponse:
    encounter = access.get_encounter_or_404(request.user, pk)
    return render(
        request,
        "encounters/detail.html",
        {
            "encounter": encounter,
            "turns": encounter_transcript(encounter=encounter),
            "section": "encounters",
        },
    )
