"""Assignments: one's own list, drawing the weekly sample, naming reviewers."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from kohtaamo.org import access, access_reviews
from kohtaamo.reviews.forms import AssignmentDrawForm, ReviewerNominateForm
from kohtaamo.reviews.selectors import assignments_for, assignments_in_teams
from kohtaamo.reviews.services import assignments_draw, reviewer_nominate, week_start

MESSAGE_NOMINATED = _("%(person)s can now be given review assignments of %(team)s.")
SHOWN = 100


def _forms(
    request: HttpRequest, *, draw_data: Any = None, nominate_data: Any = None
) -> dict[str, Any]:
    teams = access_reviews.assignable_teams(request.user)
    people = access.visible_people(request.user).order_by("first_name", "last_name")
    return {
        "draw_form": AssignmentDrawForm(
            draw_data,
            teams=teams,
            people=people,
            initial={"week": week_start(timezone.localdate()), "reviewer": request.user.pk},
        ),
        "nominate_form": ReviewerNominateForm(nominate_data, teams=teams, people=people),
    }


def _page(request: HttpRequest, forms: dict[str, Any], status: int = 200) -> HttpResponse:
    may_assign = access_reviews.assignable_teams(request.user).exists()
    return render(
        request,
        "reviews/assignments.html",
        {
            "mine": list(assignments_for(user=request.user)[:SHOWN]),
            "in_teams": list(assignments_in_teams(user=request.user)[:SHOWN]) if may_assign else [],
            "may_assign": may_assign,
            "section": "reviews",
            **forms,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def assignments(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _page(request, _forms(request))
    if not access_reviews.assignable_teams(request.user).exists():
        raise PermissionDenied
    forms = _forms(request, draw_data=request.POST)
    form = forms["draw_form"]
    if form.is_valid():
        data = form.cleaned_data
        try:
            drawn = assignments_draw(
                team=data["team"],
                week=data["week"],
                per_agent=data["per_agent"],
                reviewer=data["reviewer"],
                by=request.user,
                sample=form.sample(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s encounter was assigned.",
                    "%(count)s encounters were assigned.",
                    len(drawn),
                )
                % {"count": len(drawn)},
            )
            return redirect("reviews:assignments")
    return _page(request, forms, status=400)


@login_required
@require_POST
def reviewer_nominate_view(request: HttpRequest) -> HttpResponse:
    if not access_reviews.assignable_teams(request.user).exists():
        raise PermissionDenied
    forms = _forms(request, nominate_data=request.POST)
    form = forms["nominate_form"]
    if form.is_valid():
        try:
            reviewer_nominate(
                team=form.cleaned_data["team"], user=form.cleaned_data["person"], by=request.user
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            person = form.cleaned_data["person"]
            messages.success(
                request,
                MESSAGE_NOMINATED
                % {
                    "person": person.get_full_name() or person.email,
                    "team": form.cleaned_data["team"].name,
                },
            )
            return redirect("reviews:assignments")
    return _page(request, forms, status=400)
