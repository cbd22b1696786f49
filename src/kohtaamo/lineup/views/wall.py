"""The wall screen: a signed link, no login, large type, refreshes itself."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kohtaamo.lineup import selectors, services
from kohtaamo.lineup.models import WallLink
from kohtaamo.lineup.selectors import WallRefusal
from kohtaamo.lineup.views.common import refused
from kohtaamo.lineup.views.meeting import AGENDA_MINUTES
from kohtaamo.org import access_lineup

MESSAGE_LINK_REVOKED = _("The link is revoked: the screen that used it shows the line-up no more.")
ERROR_LINK_NOT_VALID = _("This wall-screen link is not valid. Ask the team's lead for a new one.")
REFRESH_SECONDS = 60


@login_required
@require_http_methods(["GET", "POST"])
def wall_links(request: HttpRequest, pk: int) -> HttpResponse:
    team = access_lineup.get_lineup_team_or_404(request.user, pk)
    if not access_lineup.may_run_lineup(request.user, team):
        return refused(request, services.ERROR_NOT_YOUR_LINEUP)
    new_url = ""
    if request.method == "POST":
        _link, token = services.wall_link_create(team=team, by=request.user)
        # Shown once: only the hash is kept, so the page cannot show it again.
        new_url = request.build_absolute_uri(reverse("lineup:wall", kwargs={"token": token}))
    return render(
        request,
        "lineup/wall_links.html",
        {
            "team": team,
            "links": selectors.team_wall_links(team=team),
            "new_url": new_url,
            "section": "lineup",
        },
    )


@login_required
@require_POST
def wall_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    link = get_object_or_404(WallLink.objects.select_related("team"), pk=pk)
    # Someone who may not even see the team gets the usual 404.
    team = access_lineup.get_lineup_team_or_404(request.user, link.team_id)
    if not access_lineup.may_run_lineup(request.user, team):
        return refused(request, services.ERROR_NOT_YOUR_LINEUP)
    services.wall_link_revoke(link=link, by=request.user)
    messages.success(request, MESSAGE_LINK_REVOKED)
    return redirect("lineup:wall_links", pk=team.pk)


@never_cache
@require_GET
def wall(request: HttpRequest, token: str) -> HttpResponse:
    link, refusal = selectors.wall_link_by_token(token=token)
    if link is None:
        message = (
            services.ERROR_LINK_REVOKED if refusal == WallRefusal.REVOKED else ERROR_LINK_NOT_VALID
        )
        return render(
            request,
            "lineup/wall_refused.html",
            {"message": message},
            status=410 if refusal == WallRefusal.REVOKED else 404,
        )
    services.wall_link_seen(link=link)
    day = timezone.localdate()
    page = selectors.lineup_page(team=link.team, day=day, for_wall=True)
    response = render(
        request,
        "lineup/wall.html",
        {"page": page, "team": link.team, "agenda": AGENDA_MINUTES, "refresh": REFRESH_SECONDS},
    )
    # A link on a wall screen is a secret: never sent on as a referrer.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response
