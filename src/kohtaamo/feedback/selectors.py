"""Reads of the feedback loop."""

from __future__ import annotations

from typing import Any

from django.db.models import F, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from kohtaamo.encounters.models import Encounter
from kohtaamo.feedback.models import (
    FollowUp,
    FollowUpStatus,
    Invitation,
    InvitationStatus,
    Response,
)
from kohtaamo.feedback.services import token_hash
from kohtaamo.org import access


def invitation_by_token(*, token: str) -> Invitation | None:
    """The invitation of a survey link, or None for a link that is unknown or
    expired before it was answered: the two must look the same to a visitor."""
    if not token or len(token) > 100:
        return None
    hashed = token_hash(token)
    # The first e-mail's link and the reminder's link both lead here; each
    # hash is unique, so there is nothing to order (and no sort to plan).
    found = list(
        Invitation.objects.select_related("survey", "encounter__team__unit")
        .filter(Q(token_hash=hashed) | Q(reminder_token_hash=hashed))
        .order_by()[:1]
    )
    if not found:
        return None
    invitation = found[0]
    if invitation.status != InvitationStatus.ANSWERED and invitation.is_expired:
        return None
    return invitation


def followup_list(*, user: Any, status: str = FollowUpStatus.OPEN) -> QuerySet[FollowUp]:
    """The follow-ups a person may see: open ones by due time, so that the
    overdue lead; closed ones the latest first."""
    order = ("due_at", "pk") if status == FollowUpStatus.OPEN else ("-closed_at", "-pk")
    return (
        access.visible_followups(user)
        .filter(status=status)
        .select_related("response", "encounter", "team__unit", "assignee")
        .order_by(*order)
    )


def encounter_response(*, user: Any, encounter: Encounter) -> Response | None:
    """The customer's answer to this encounter's survey, if the person may see it."""
    return (
        access.visible_responses(user)
        .filter(invitation__encounter=encounter)
        .select_related("followup")
        .order_by("-answered_at")
        .first()
    )


def responses_with_stale_copies() -> QuerySet[Response]:
    """The answers whose copies differ from their encounter or local day."""
    return Response.objects.exclude(
        team_id=F("invitation__encounter__team_id"),
        staff_id=F("invitation__encounter__staff_id"),
        channel=F("invitation__encounter__channel"),
        answered_on=TruncDate("answered_at", tzinfo=timezone.get_current_timezone()),
    )
