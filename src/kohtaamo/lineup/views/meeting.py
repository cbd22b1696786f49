"""The team's line-up: the page, the print view, the notes and marking it held."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from kohtaamo.lineup import selectors, services
from kohtaamo.lineup.forms import HeldForm, NotesForm, SettingsForm
from kohtaamo.lineup.models import TeamLineupSettings
from kohtaamo.lineup.views.common import day_from, refused
from kohtaamo.org import access, access_lineup
from kohtaamo.org.models import Team

MESSAGE_NOTES_SAVED = _("The notes are saved.")
MESSAGE_HELD = _("The line-up is marked held. Well done!")
MESSAGE_SETTINGS_SAVED = _("The line-up settings are saved.")

# Minutes per section: fifteen in all (seed 000: "15 minuutiksi").
AGENDA_MINUTES = {
    "stories": 4,
    "checklist": 4,
    "results": 2,
    "followups": 2,
    "promises": 1,
    "notes": 2,
}


def _lineup_url(team: Team, day: Any) -> str:
    return f"{reverse('lineup:team_lineup', kwargs={'pk': team.pk})}?day={day.isoformat()}"


def _members(team: Team) -> Any:
    return get_user_model().objects.filter(team_memberships__team=team, is_active=True)


def _page_context(request: HttpRequest, team: Team, day: Any, **extra: Any) -> dict[str, Any]:
    page = selectors.lineup_page(team=team, day=day)
    may_run = access_lineup.may_run_lineup(request.user, team)
    context: dict[str, Any] = {
        "page": page,
        "team": team,
        "may_run": may_run,
        "agenda": AGENDA_MINUTES,
        "agenda_total": sum(AGENDA_MINUTES.values()),
        "section": "lineup",
    }
    if may_run:
        settings_row = TeamLineupSettings.objects.filter(team=team).first()
        context["notes_form"] = extra.get("notes_form") or NotesForm(
            initial={"notes": page.lineup.notes if page.lineup else ""}
        )
        context["held_form"] = extra.get("held_form") or HeldForm(
            initial={"attendees": sorted(page.attendee_ids)}, members=_members(team)
        )
        context["settings_form"] = SettingsForm(
            initial={
                "auto_approve_stories": bool(settings_row and settings_row.auto_approve_stories)
            }
        )
        context["candidates"] = selectors.promoter_candidates(
            user=request.user, team=team, limit=selectors.CANDIDATES_ON_LINEUP
        )
    return context


@login_required
@require_GET
def team_list(request: HttpRequest) -> HttpResponse:
    teams = access.visible_teams(request.user).order_by("unit__path", "name")
    return render(request, "lineup/team_list.html", {"teams": teams, "section": "lineup"})


@login_required
@require_GET
def team_lineup(request: HttpRequest, pk: int) -> HttpResponse:
    team = access_lineup.get_lineup_team_or_404(request.user, pk)
    day, day_form = day_from(request.GET)
    context = _page_context(request, team, day)
    context["day_form"] = day_form
    return render(request, "lineup/lineup.html", context, status=400 if day_form.errors else 200)


@login_required
@require_GET
def team_print(request: HttpRequest, pk: int) -> HttpResponse:
    team = access_lineup.get_lineup_team_or_404(request.user, pk)
    day, _form = day_from(request.GET)
    page = selectors.lineup_page(team=team, day=day, for_wall=True)
    return render(
        request,
        "lineup/print.html",
        {"page": page, "team": team, "agenda": AGENDA_MINUTES},
    )


@login_required
@require_POST
def team_notes(request: HttpRequest, pk: int) -> HttpResponse:
    team = access_lineup.get_lineup_team_or_404(request.user, pk)
    day, _form = day_from(request.POST)
    if not access_lineup.may_run_lineup(request.user, team):
        return refused(request, services.ERROR_NOT_YOUR_LINEUP)
    form = NotesForm(request.POST)
    if form.is_valid():
        try:
            services.lineup_notes_save(team=team, day=day, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, MESSAGE_NOTES_SAVED)
            return redirect(_lineup_url(team, day))
    context = _page_context(request, team, day, notes_form=form)
    return render(request, "lineup/lineup.html", context, status=400)


@login_required
@require_POST
def team_held(request: HttpRequest, pk: int) -> HttpResponse:
    team = access_lineup.get_lineup_team_or_404(request.user, pk)
    day, _form = day_from(request.POST)
    if not access_lineup.may_run_lineup(request.user, team):
        return refused(request, services.ERROR_NOT_YOUR_LINEUP)
    form = HeldForm(request.POST, members=_members(team))
    if form.is_valid():
        try:
            services.lineup_mark_held(
                team=team, day=day, attendees=form.cleaned_data["attendees"], by=request.user
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, MESSAGE_HELD)
            return redirect(_lineup_url(team, day))
    context = _page_context(request, team, day, held_form=form)
    return render(request, "lineup/lineup.html", context, status=400)


@login_required
@require_POST
def team_settings(request: HttpRequest, pk: int) -> HttpResponse:
    team = access_lineup.get_lineup_team_or_404(request.user, pk)
    if not access_lineup.may_run_lineup(request.user, team):
        return refused(request, services.ERROR_NOT_YOUR_LINEUP)
    form = SettingsForm(request.POST)
    form.is_valid()  # a checkbox: anything but "on" is off
    services.lineup_settings_update(
        team=team,
        by=request.user,
        auto_approve_stories=bool(form.cleaned_data.get("auto_approve_stories")),
    )
    messages.success(request, MESSAGE_SETTINGS_SAVED)
    return redirect("lineup:team_lineup", pk=team.pk)
