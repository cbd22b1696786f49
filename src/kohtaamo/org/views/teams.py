"""Team pages: a team's members, and for admins creating and editing teams."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kohtaamo.core.htmx import is_htmx
from kohtaamo.org import access, selectors, services
from kohtaamo.org.forms import MemberAddForm, TeamForm, person_label
from kohtaamo.org.models import Team, TeamRole
from kohtaamo.org.views._common import add_service_errors, next_url, require_admin, valid_choice


def _members_context(
    request: HttpRequest, team: Team, form: MemberAddForm | None = None, notice: str = ""
) -> dict[str, Any]:
    can_manage = access.can_manage_organisation(request.user)
    context: dict[str, Any] = {
        "team": team,
        "members": selectors.team_members(team=team),
        "can_manage": can_manage,
        "can_view_org": access.can_view_people(request.user),
        "notice": notice,
    }
    if can_manage:
        context["member_form"] = form or MemberAddForm(people=selectors.team_candidates(team=team))
    return context


def _members_answer(
    request: HttpRequest, team: Team, form: MemberAddForm | None = None, notice: str = ""
) -> HttpResponse:
    """HTMX gets the members fragment; a plain form post the whole page."""
    context = _members_context(request, team, form, notice)
    if is_htmx(request):
        return render(request, "org/_members.html", context)
    if form is None and notice:
        messages.success(request, notice)
        return redirect(next_url(request, reverse("org:team_detail", kwargs={"pk": team.pk})))
    return render(request, "org/team_detail.html", {**context, "section": "org"})


@login_required
@require_GET
def team_detail(request: HttpRequest, pk: int) -> HttpResponse:
    team = access.get_team_or_404(request.user, pk)
    context = _members_context(request, team)
    return render(request, "org/team_detail.html", {**context, "section": "org"})


@login_required
@require_http_methods(["GET", "POST"])
def team_create(request: HttpRequest) -> HttpResponse:
    require_admin(request)
    form = TeamForm(request.POST or None, units=selectors.unit_choices(user=request.user))
    form.initial["unit"] = valid_choice(form, "unit", request.GET.get("unit"))
    if request.method == "POST" and form.is_valid():
        try:
            team = services.team_create(**form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Team “%(name)s” created.") % {"name": team.name})
            return redirect("org:team_detail", pk=team.pk)
    return render(request, "org/team_form.html", {"form": form, "section": "org"})


@login_required
@require_http_methods(["GET", "POST"])
def team_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_admin(request)
    team = access.get_team_or_404(request.user, pk)
    form = TeamForm(
        request.POST or None,
        units=selectors.unit_choices(user=request.user),
        initial={"name": team.name, "code": team.code, "unit": team.unit_id},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.team_update(team=team, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
            team.refresh_from_db()
        else:
            messages.success(request, _("Team “%(name)s” saved.") % {"name": team.name})
            return redirect("org:team_detail", pk=team.pk)
    return render(request, "org/team_form.html", {"form": form, "team": team, "section": "org"})


@login_required
@require_POST
def team_member_add(request: HttpRequest, pk: int) -> HttpResponse:
    require_admin(request)
    team = access.get_team_or_404(request.user, pk)
    form = MemberAddForm(request.POST, people=selectors.team_candidates(team=team))
    if not form.is_valid():
        return _members_answer(request, team, form)
    person, role = form.cleaned_data["person"], TeamRole(form.cleaned_data["role"])
    services.membership_set(user=person, team=team, role=role)
    notice = _("%(person)s added to the team as %(role)s.") % {
        "person": person_label(person),
        "role": role.label,
    }
    return _members_answer(request, team, notice=notice)


@login_required
@require_POST
def team_member_remove(request: HttpRequest, pk: int, person_pk: int) -> HttpResponse:
    require_admin(request)
    team = access.get_team_or_404(request.user, pk)
    person = get_object_or_404(get_user_model(), pk=person_pk)
    services.membership_remove(user=person, team=team)
    notice = _("%(person)s removed from the team.") % {"person": person_label(person)}
    return _members_answer(request, team, notice=notice)
