"""Writes of coaching: a session with its reviews, points and actions."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kohtaamo.org import access_reviews
from kohtaamo.org.models import Team
from kohtaamo.reviews.models import (
    CoachingAction,
    CoachingSession,
    Criterion,
    Review,
    ReviewStatus,
)

ERROR_REVIEW_NOT_THEIRS = _("Link only finished reviews of the coached person's encounters.")
ERROR_ACTION_DUE = _("An action is due on or after the day of the session.")
ERROR_ACTION_TEXT = _("Write what was agreed (at most %(max)s characters).")
ERROR_ACTION_DONE = _("This action is already done.")

ACTION_TEXT_MAX = 300


def coaching_create(
    *,
    by: Any,
    agent: Any,
    team: Team,
    held_on: date,
    notes: str,
    reviews: list[Review],
    focus: list[Criterion],
    actions: list[tuple[str, date]],
) -> CoachingSession:
    if not access_reviews.may_coach(by, agent=agent, team=team):
        raise PermissionDenied
    if any(r.reviewee_id != agent.pk or r.status != ReviewStatus.FINISHED for r in reviews):
        raise ValidationError(ERROR_REVIEW_NOT_THEIRS, code="review_not_theirs")
    for text, due_on in actions:
        if not text.strip() or len(text.strip()) > ACTION_TEXT_MAX:
            raise ValidationError(
                ERROR_ACTION_TEXT, code="action_text", params={"max": ACTION_TEXT_MAX}
            )
        if due_on < held_on:
            raise ValidationError(ERROR_ACTION_DUE, code="action_due")
    with transaction.atomic():
        session = CoachingSession.objects.create(
            lead=by, agent=agent, team=team, held_on=held_on, notes=notes.strip()
        )
        session.reviews.set(reviews)
        session.focus.set(focus)
        CoachingAction.objects.bulk_create(
            CoachingAction(session=session, text=text.strip(), due_on=due_on)
            for text, due_on in actions
        )
    return session


def coaching_action_done(*, action: CoachingAction, by: Any) -> CoachingAction:
    """The coached person or their coach marks an agreed action done."""
    session = action.session
    if by.pk not in (session.agent_id, session.lead_id):
        raise PermissionDenied
    with transaction.atomic():
        locked = CoachingAction.objects.select_for_update().get(pk=action.pk)
        if locked.done_at is not None:
            raise ValidationError(ERROR_ACTION_DONE, code="done")
        locked.done_at = timezone.now()
        locked.done_by = by
        locked.save(update_fields=["done_at", "done_by"])
    return locked
