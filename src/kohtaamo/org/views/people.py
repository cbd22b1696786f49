"""People pages: the list, a person's page, and for admins their roles."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kohtaamo.core.htmx import is_htmx
from kohtaamo.encounters.selectors import encounter_list
from kohtaamo.org import access, selectors, services
from kohtaamo.org.forms import (
    PeopleFilterForm,
    PersonActiveForm,
    PersonAdminForm,
    PersonCreateForm,
    PersonForm,
    PersonTeamForm,
    PersonUnitForm,
    person_label,
)
from kohtaamo.org.models import TeamRole
from kohtaamo.org.selectors import PersonStatus
from kohtaamo.org.views._common import add_service_errors, require_admin, require_viewer

PAGE_SIZE = 50
RECENT_ENCOUNTERS = 20


@login_required
@require_GET
def people(request: HttpRequest) -> HttpResponse:
    require_viewer(request)
    can_manage = access.can_manage_organisation(request.user)
    form = PeopleFilterForm(
        request.GET or None,
        teams=access.visible_teams(request.user).order_by("name"),
        with_status=can_manage,
    )
    if form.is_bound and not form.is_valid():
        rows = selectors.people_list(user=request.user).none()
        page_number = 1
    else:
        filters = form.cleaned_data if form.is_bound else {}
        rows = selectors.people_list(
            user=request.user,
            text=filters.get("q") or "",
            team=filters.get("team"),
            role=filters.get("role") or "",
            status=filters.get("status") or PersonStatus.ACTIVE,
        )
        page_number = filters.get("page") or 1
    page = Paginator(rows, PAGE_SIZE).get_page(page_number)
    template = "org/_people_rows.html" if is_htmx(request) else "org/people.html"
    return render(
        request,
        template,
        {
            "form": form,
            "page": page,
            "can_manage": can_manage,
            "section": "people",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_create(request: HttpRequest) -> HttpResponse:
    require_admin(request)
    form = PersonCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_create(**form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("%(person)s added.") % {"person": person_label(person)})
            return redirect("org:person_detail", pk=person.pk)
    return render(request, "org/person_form.html", {"form": form, "section": "people"})


def _person_page(request: HttpRequest, person: Any, **forms: Any) -> HttpResponse:
    viewer = request.user
    can_manage = access.can_manage_organisation(viewer)
    context: dict[str, Any] = {
        "person": person,
        "memberships": selectors.person_memberships(user=viewer, person=person),
        "managed": selectors.person_managed_units(user=viewer, person=person),
        "encounters": encounter_list(user=viewer, staff_id=person.pk)[:RECENT_ENCOUNTERS],
        "can_manage": can_manage,
        "is_self": person.pk == viewer.pk,
        "section": "people",
    }
    if can_manage:
        teams = access.visible_teams(viewer).order_by("name")
        context["team_form"] = forms.get("team_form") or PersonTeamForm(teams=teams)
        context["unit_form"] = forms.get("unit_form") or PersonUnitForm(
            units=selectors.unit_choices(user=viewer)
        )
        context["refusal"] = forms.get("refusal")
    return render(request, "org/person_detail.html", context)


@login_required
@require_GET
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _person_page(request, access.get_person_on_record_or_404(request.user, pk))


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_admin(request)
    person = access.get_person_on_record_or_404(request.user, pk)
    initial = {
        "email": person.email,
        "first_name": person.first_name,
        "last_name": person.last_name,
    }
    form = PersonForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_update(person=person, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
            person.refresh_from_db()
        else:
            messages.success(request, _("%(person)s saved.") % {"person": person_label(person)})
            return redirect("org:person_detail", pk=person.pk)
    return render(
        request, "org/person_form.html", {"form": form, "person": person, "section": "people"}
    )


@login_required
@require_POST
def person_active(request: HttpRequest, pk: int) -> HttpResponse:
    require_admin(request)
    person = access.get_person_on_record_or_404(request.user, pk)
    form = PersonActiveForm(request.POST)
    if not form.is_valid():
        return _person_page(request, person, refusal=form.errors.as_text())
    try:
        services.person_set_active(
            person=person, is_active=form.cleaned_data["is_active"], by=request.user
        )
    except ValidationError as exc:
        return _person_page(request, person, refusal=" ".join(exc.messages))
    if person.is_active:
        messages.success(request, _("%(person)s reactivated.") % {"person": person_label(person)})
    else:
        messages.success(request, _("%(person)s deactivated.") % {"person": person_label(person)})
    return redirect("org:person_detail", pk=person.pk)


@login_required
@require_POST
def person_admin(request: HttpRequest, pk: int) -> HttpResponse:
    require_admin(request)
    person = access.get_person_on_record_or_404(request.user, pk)
    form = PersonAdminForm(request.POST)
    if not form.is_valid():
        return _person_page(request, person, refusal=form.errors.as_text())
    try:
        services.person_set_admin(
            person=person, is_admin=form.cleaned_data["is_admin"], by=request.user
        )
    except ValidationError as exc:
        return _person_page(request, person, refusal=" ".join(exc.messages))
    if person.is_superuser:
        message = _("%(person)s is now an administrator.")
    else:
        message = _("%(person)s is no longer an administrator.")
    messages.success(request, message % {"person": person_label(person)})
    return redirect("org:person_detail", pk=person.pk)


@login_required
@require_POST
def person_team_add(request: HttpRequest, pk: int) -> HttpResponse:
    require_admin(request)
    person = access.get_person_on_record_or_404(request.user, pk)
    form = PersonTeamForm(request.POST, teams=access.visible_teams(request.user))
    if not form.is_valid():
        return _person_page(request, person, team_form=form)
    team, role = form.cleaned_data["team"], TeamRole(form.cleaned_data["role"])
    services.membership_set(user=person, team=team, role=role)
    messages.success(
        request,
        _("%(person)s is in “%(team)s” as %(role)s.")
        % {"person": person_label(person), "team": team.name, "role": role.label},
    )
    return redirect("org:person_detail", pk=person.pk)


@login_required
@require_POST
def person_unit_add(request: HttpRequest, pk: int) -> HttpResponse:
    require_admin(request)
    person = access.get_person_on_record_or_404(request.user, pk)
    form = PersonUnitForm(request.POST, units=selectors.unit_choices(user=request.user))
    if not form.is_valid():
        return _person_page(request, person, unit_form=form)
    unit = form.cleaned_data["unit"]
    services.manager_add(user=person, unit=unit)
    messages.success(
        request,
        _("%(person)s now manages “%(unit)s”.")
        % {"person": person_label(person), "unit": unit.name},
    )
    return redirect("org:person_detail", pk=person.pk)
