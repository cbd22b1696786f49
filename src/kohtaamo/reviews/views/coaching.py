"""Coaching: the sessions one sees, a new one, a session, an action done."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kohtaamo.org import access_reviews
from kohtaamo.reviews.coaching_forms import CoachingForm
from kohtaamo.reviews.models import CoachingAction, Criterion, ReviewKind, ReviewStatus
from kohtaamo.reviews.selectors import coaching_open_actions, scorecard_default
from kohtaamo.reviews.services import coaching_action_done, coaching_create

MESSAGE_CREATED = _("The coaching session is saved.")
MESSAGE_DONE = _("The action is marked done.")
SHOWN = 50


def _form(request: HttpRequest, data: Any = None) -> CoachingForm:
    teams = access_reviews.assignable_teams(request.user)
    scorecard = scorecard_default()
    return CoachingForm(
        data,
        teams=teams,
        people=get_user_model()
        .objects.filter(team_memberships__team__in=teams, is_active=True)
        .exclude(pk=request.user.pk or 0)
        .distinct()
        .order_by("first_name", "last_name"),
        reviews=access_reviews.iqs_reviews(request.user)
        .filter(team__in=teams, kind=ReviewKind.LEAD, status=ReviewStatus.FINISHED)
        .select_related("encounter")
        .order_by("-finished_at"),
        criteria=Criterion.objects.filter(scorecard=scorecard).order_by("position")
        if scorecard
        else Criterion.objects.none(),
        initial={"held_on": timezone.localdate()},
    )


def _page(request: HttpRequest, form: CoachingForm, status: int = 200) -> HttpResponse:
    may_coach = access_reviews.assignable_teams(request.user).exists()
    return render(
        request,
        "reviews/coaching_list.html",
        {
            "sessions": list(
                access_reviews.visible_coaching(request.user).prefetch_related("actions")[:SHOWN]
            ),
            "open_actions": list(coaching_open_actions(user=request.user)[:SHOWN]),
            "form": form if may_coach else None,
            "section": "reviews",
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def coaching(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _page(request, _form(request))
    if not access_reviews.assignable_teams(request.user).exists():
        raise PermissionDenied
    form = _form(request, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            session = coaching_create(
                by=request.user,
                agent=data["agent"],
                team=data["team"],
                held_on=data["held_on"],
                notes=data["notes"],
                reviews=list(data["reviews"]),
                focus=list(data["focus"]),
                actions=form.actions(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        except PermissionDenied:
            form.add_error("agent", str(_("You do not coach this person in this team.")))
        else:
            messages.success(request, MESSAGE_CREATED)
            return redirect("reviews:coaching_detail", session.pk)
    return _page(request, form, status=400)


@login_required
@require_GET
def coaching_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = access_reviews.get_coaching_or_404(request.user, pk)
    return render(
        request,
        "reviews/coaching_detail.html",
        {
            "session": session,
            "actions": list(session.actions.all()),
            "reviews": list(session.reviews.select_related("encounter")),
            "focus": list(session.focus.order_by("position")),
            "may_mark": request.user.pk in (session.agent_id, session.lead_id),
            "section": "reviews",
        },
    )


@login_required
@require_POST
def coaching_action_done_view(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(CoachingAction.objects.select_related("session"), pk=pk)
    session = access_reviews.get_coaching_or_404(request.user, action.session_id)
    try:
        coaching_action_done(action=action, by=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, MESSAGE_DONE)
    return redirect("reviews:coaching_detail", session.pk)
