"""Invitation rules for admins and managers: the list, a new rule, one rule."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kohtaamo.feedback.forms_delivery import InvitationRuleForm
from kohtaamo.feedback.rules import (
    invitation_rule_create,
    invitation_rule_delete,
    invitation_rule_update,
)
from kohtaamo.feedback.selectors_delivery import with_tallies
from kohtaamo.org import access_delivery

TALLY_DAYS = 30
FAILED_SHOWN = 20
MESSAGE_RULE_SAVED = _("The invitation rule is saved.")
MESSAGE_RULE_DELETED = _("The invitation rule is deleted.")


def _require_manager(request: HttpRequest) -> None:
    if not access_delivery.can_manage_delivery(request.user):
        raise PermissionDenied


@login_required
@require_GET
def rule_list(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    rules = access_delivery.visible_invitation_rules(request.user).order_by(
        "unit__path", "team__unit__path", "team__name"
    )
    since = timezone.now() - timedelta(days=TALLY_DAYS)
    failed = access_delivery.visible_failed_invitations(request.user).order_by("-created_at")
    return render(
        request,
        "feedback/rule_list.html",
        {
            "rules": with_tallies(rules=list(rules), since=since),
            "tally_days": TALLY_DAYS,
            "failed_invitations": list(failed[:FAILED_SHOWN]),
            "section": "delivery",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def rule_create(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    initial = {"delay_hours": 2, "sampling_percent": 100, "active": True}
    form = InvitationRuleForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        user=request.user,
        new=True,
    )
    if form.is_bound and form.is_valid():
        unit, team = form.target()
        data = form.cleaned_data
        try:
            invitation_rule_create(
                unit=unit,
                team=team,
                survey=data["survey"],
                channels=data["channels"],
                delay_hours=data["delay_hours"],
                sampling_percent=data["sampling_percent"],
                active=data["active"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, MESSAGE_RULE_SAVED)
            return redirect("feedback:rules")
    return render(
        request,
        "feedback/rule_form.html",
        {"form": form, "rule": None, "section": "delivery"},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def rule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    rule = access_delivery.get_invitation_rule_or_404(request.user, pk)
    initial = {
        "survey": rule.survey_id,
        "channels": rule.channels,
        "delay_hours": rule.delay_hours,
        "sampling_percent": rule.sampling_percent,
        "active": rule.active,
    }
    form = InvitationRuleForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        user=request.user,
        new=False,
    )
    if form.is_bound and form.is_valid():
        try:
            invitation_rule_update(rule=rule, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, MESSAGE_RULE_SAVED)
            return redirect("feedback:rules")
    return render(
        request,
        "feedback/rule_form.html",
        {"form": form, "rule": rule, "section": "delivery"},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def rule_delete(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    rule = access_delivery.get_invitation_rule_or_404(request.user, pk)
    invitation_rule_delete(rule=rule)
    messages.success(request, MESSAGE_RULE_DELETED)
    return redirect("feedback:rules")
