"""The organisation overview and the unit pages."""

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

from kohtaamo.org import access, selectors, services
from kohtaamo.org.forms import (
    ManagerAddForm,
    UnitCreateForm,
    UnitEditForm,
    UnitMoveForm,
    person_label,
)
from kohtaamo.org.models import Unit
from kohtaamo.org.views._common import (
    add_service_errors,
    next_url,
    require_admin,
    require_viewer,
    valid_choice,
)


@login_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    require_viewer(request)
    return render(
        request,
        "org/overview.html",
        {
            "forest": selectors.unit_forest(user=request.user),
            "can_manage": access.can_manage_organisation(request.user),
            "section": "org",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def unit_create(request: HttpRequest) -> HttpResponse:
    require_admin(request)
    units = selectors.unit_choices(user=request.user)
    form = UnitCreateForm(request.POST or None, units=units)
    form.initial["parent"] = valid_choice(form, "parent", request.GET.get("parent"))
    if request.method == "POST" and form.is_valid():
        try:
            unit = services.unit_create(**form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Unit “%(name)s” created.") % {"name": unit.name})
            return redirect("org:unit_detail", pk=unit.pk)
    return render(request, "org/unit_form.html", {"form": form, "section": "org"})


def _unit_page(request: HttpRequest, unit: Unit, **forms: Any) -> HttpResponse:
    can_manage = access.can_manage_organisation(request.user)
    context: dict[str, Any] = {
        "unit": unit,
        "ancestors": selectors.unit_ancestors(user=request.user, unit=unit),
        "children": selectors.unit_children(user=request.user, unit=unit),
        "teams": selectors.unit_teams(user=request.user, unit=unit),
        "managers": selectors.unit_managers(unit=unit),
        "can_manage": can_manage,
        "section": "org",
    }
    if can_manage:
        units = selectors.unit_choices(user=request.user)
        people = get_user_model().objects.filter(is_active=True).order_by("first_name", "last_name")
        context["edit_form"] = forms.get("edit_form") or UnitEditForm(
            initial={"name": unit.name, "code": unit.code}
        )
        context["move_form"] = forms.get("move_form") or UnitMoveForm(
            units=units, initial={"parent": unit.parent_id}
        )
        context["manager_form"] = forms.get("manager_form") or ManagerAddForm(people=people)
    return render(request, "org/unit_detail.html", context)


@login_required
@require_GET
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require_viewer(request)
    return _unit_page(request, access.get_unit_or_404(request.user, pk))


@login_required
@require_POST
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_admin(request)
    unit = access.get_unit_or_404(request.user, pk)
    form = UnitEditForm(request.POST)
    if form.is_valid():
        try:
            services.unit_update(unit=unit, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Unit “%(name)s” saved.") % {"name": unit.name})
            return redirect("org:unit_detail", pk=unit.pk)
    # Show the name as it is stored, not the one that was refused.
    unit.refresh_from_db()
    return _unit_page(request, unit, edit_form=form)


@login_required
@require_POST
def unit_move(request: HttpRequest, pk: int) -> HttpResponse:
    require_admin(request)
    unit = access.get_unit_or_404(request.user, pk)
    form = UnitMoveForm(request.POST, units=selectors.unit_choices(user=request.user))
    if form.is_valid():
        try:
            services.unit_move(unit=unit, parent=form.cleaned_data["parent"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Unit “%(name)s” moved.") % {"name": unit.name})
            return redirect("org:unit_detail", pk=unit.pk)
    return _unit_page(request, unit, move_form=form)


@login_required
@require_POST
def unit_manager_add(request: HttpRequest, pk: int) -> HttpResponse:
    require_admin(request)
    unit = access.get_unit_or_404(request.user, pk)
    people = get_user_model().objects.filter(is_active=True)
    form = ManagerAddForm(request.POST, people=people)
    if not form.is_valid():
        return _unit_page(request, unit, manager_form=form)
    person = form.cleaned_data["person"]
    services.manager_add(user=person, unit=unit)
    messages.success(
        request,
        _("%(person)s now manages “%(unit)s”.")
        % {"person": person_label(person), "unit": unit.name},
    )
    return redirect(next_url(request, unit_url(unit)))


@login_required
@require_POST
def unit_manager_remove(request: HttpRequest, pk: int, person_pk: int) -> HttpResponse:
    require_admin(request)
    unit = access.get_unit_or_404(request.user, pk)
    person = get_object_or_404(get_user_model(), pk=person_pk)
    services.manager_remove(user=person, unit=unit)
    messages.success(
        request,
        _("%(person)s no longer manages “%(unit)s”.")
        % {"person": person_label(person), "unit": unit.name},
    )
    return redirect(next_url(request, unit_url(unit)))


def unit_url(unit: Unit) -> str:
    return reverse("org:unit_detail", kwargs={"pk": unit.pk})
