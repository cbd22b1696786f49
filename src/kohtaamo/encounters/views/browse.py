"""The encounter list with its filters, and one encounter with its transcript."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from kohtaamo.core.htmx import is_htmx
from kohtaamo.encounters.forms import EncounterFilterForm
from kohtaamo.encounters.selectors import encounter_list, encounter_transcript
from kohtaamo.org import access

PAGE_SIZE = 50


@login_required
@require_GET
@vary_on_headers("HX-Request")
def encounters(request: HttpRequest) -> HttpResponse:
    form = EncounterFilterForm(
        request.GET or None,
        teams=access.visible_teams(request.user).order_by("name"),
        people=access.visible_people(request.user).order_by("first_name", "last_name"),
    )
    if form.is_bound and not form.is_valid():
        # Bad filters show their errors and no rows, never an unfiltered list.
        rows = encounter_list(user=request.user).none()
        page_number = 1
    else:
        filters = form.cleaned_data if form.is_bound else {}
        transcript = filters.get("has_transcript") or ""
        rows = encounter_list(
            user=request.user,
            team_id=filters["team"].pk if filters.get("team") else None,
            staff_id=filters["staff"].pk if filters.get("staff") else None,
            channel=filters.get("channel") or None,
            date_from=filters.get("date_from"),
            date_to=filters.get("date_to"),
            has_transcript={"yes": True, "no": False}.get(transcript),
        )
        page_number = filters.get("page") or 1
    # The paginator counts only what the filters leave, once per page view.
    page = Paginator(rows, PAGE_SIZE).get_page(page_number)
    template = "encounters/_list_rows.html" if is_htmx(request) else "encounters/list.html"
    return render(request, template, {"form": form, "page": page, "section": "encounters"})


@login_required
@require_GET
def encounter_detail(request: HttpRequest, pk: int) -> HttpResponse:
    encounter = access.get_encounter_or_404(request.user, pk)
    return render(
        request,
        "encounters/detail.html",
        {
            "encounter": encounter,
            "turns": list(encounter_transcript(encounter=encounter)),
            "can_view_people": access.can_view_people(request.user),
            "section": "encounters",
        },
    )
