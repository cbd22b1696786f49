"""Follow-ups for leads and managers: the list, and one with its close form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from kohtaamo.feedback.forms import FollowUpCloseForm
from kohtaamo.feedback.models import FollowUpStatus
from kohtaamo.feedback.selectors import followup_list
from kohtaamo.feedback.services import followup_close
from kohtaamo.org import access

CLOSED_SHOWN = 20
MESSAGE_CLOSED = _("The follow-up is closed.")


@login_required
@require_GET
def followups(request: HttpRequest) -> HttpResponse:
    if not access.can_follow_up(request.user):
        raise PermissionDenied
    return render(
        request,
        "feedback/followup_list.html",
        {
            "open_followups": list(followup_list(user=request.user)),
            "closed_followups": list(
                followup_list(user=request.user, status=FollowUpStatus.CLOSED)[:CLOSED_SHOWN]
            ),
            "section": "followups",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def followup_detail(request: HttpRequest, pk: int) -> HttpResponse:
    followup = access.get_followup_or_404(request.user, pk)
    form = FollowUpCloseForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            followup_close(followup=followup, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, MESSAGE_CLOSED)
            return redirect("feedback:followups")
    return render(
        request,
        "feedback/followup_detail.html",
        {
            "followup": followup,
            "response": followup.response,
            "form": form,
            "section": "followups",
        },
        status=400 if form.errors else 200,
    )
