from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kohtaamo.org import access
from kohtaamo.org.selectors import team_members, unit_tree


@login_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    if not access.can_view_people(request.user):
        raise PermissionDenied
    return render(
        request, "org/overview.html", {"units": unit_tree(user=request.user), "section": "org"}
    )


@login_required
@require_GET
def team_detail(request: HttpRequest, pk: int) -> HttpResponse:
    team = access.get_team_or_404(request.user, pk)
    return render(
        request,
        "org/team_detail.html",
        {"team": team, "members": team_members(team=team), "section": "org"},
    )
