"""Clear the demo's survey answers before the encounters are written again.

Invitations protect their encounter, so a smaller re-run could not remove the
encounters beyond its range while answers still point at them. The answers
are made again, identically, by the `feedback` step after the encounters.
"""

from __future__ import annotations

from kohtaamo.demo.context import DEMO_SOURCE, DemoContext
from kohtaamo.feedback.models import FollowUp, Invitation, InvitationDecision, Response
from kohtaamo.insights.aggregates import answer_days_subtract

LABEL = "Clearing survey answers"


def feedback_clear() -> int:
    InvitationDecision.objects.filter(encounter__source=DEMO_SOURCE).delete()
    FollowUp.objects.filter(encounter__source=DEMO_SOURCE).delete()
    answers = Response.objects.filter(invitation__encounter__source=DEMO_SOURCE)
    # The loader runs every step in one transaction, so the days lose these
    # answers together with the answers themselves.
    answer_days_subtract(responses=answers)
    answers.delete()
    deleted, _ = Invitation.objects.filter(encounter__source=DEMO_SOURCE).delete()
    return deleted


def run(ctx: DemoContext) -> str:
    return f"{feedback_clear()} invitations removed"
