"""Background tasks of the feedback loop (django.tasks).

Django Tasks has no scheduler: `kohtaamo manage feedback_tick`, run by cron
or a systemd timer every few minutes, enqueues `feedback_tick`, which does
the due work and enqueues one task per e-mail.
"""

from __future__ import annotations

from typing import Any

from django.tasks import task
from django.utils import timezone


@task()
def invitation_email(invitation_id: int) -> str:
    from kohtaamo.feedback.delivery import invitation_email_send

    return invitation_email_send(invitation_id=invitation_id)


@task()
def followup_escalation(followup_id: int) -> str:
    from kohtaamo.feedback.delivery import followup_escalate

    return followup_escalate(followup_id=followup_id)


@task()
def feedback_tick() -> dict[str, Any]:
    return feedback_tick_run()


def feedback_tick_run(*, inline: bool = False) -> dict[str, Any]:
    """Invite the due encounters, then enqueue the due e-mails (first ones,
    retries, reminders) and the escalations of overdue follow-ups; `inline`
    sends them in this process instead. First the survey answers waiting in
    the inbox go into their days, so that it stays short even when no one
    reads a report; last the closed days that lack their column-wise copy
    for the raw reports get it (`insights.chunks`), a few dozen at a time."""
    from kohtaamo.feedback.delivery import (
        due_email_ids,
        email_waits_end,
        followup_escalate,
        invitation_email_send,
        overdue_followup_ids,
    )
    from kohtaamo.feedback.rules import encounters_invite_due
    from kohtaamo.insights.aggregates import answer_inbox_fold
    from kohtaamo.insights.chunks import CHUNKS_PER_TICK, answer_chunks_build

    folded = answer_inbox_fold()
    now = timezone.now()
    decisions = encounters_invite_due(now=now)
    # Read the clock again: the invitations just made are due at once.
    now_emails = timezone.now()
    email_waits_end(now=now_emails)
    emails = due_email_ids(now=now_emails)
    for invitation_id in emails:
        if inline:
            invitation_email_send(invitation_id=invitation_id)
        else:
            invitation_email.enqueue(invitation_id)
    overdue = overdue_followup_ids(now=now)
    for followup_id in overdue:
        if inline:
            followup_escalate(followup_id=followup_id)
        else:
            followup_escalation.enqueue(followup_id)
    chunks = answer_chunks_build(limit=CHUNKS_PER_TICK)
    return {
        "decided": len(decisions),
        "invited": sum(1 for d in decisions if d.outcome == "invited"),
        "emails": len(emails),
        "escalations": len(overdue),
        "folded": folded,
        "chunks": chunks,
    }
