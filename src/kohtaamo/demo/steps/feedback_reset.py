"""Clear the demo's survey answers before the encounters are written again.

Invitations protect their encounter, so a smaller re-run could not remove the
encounters beyond its range while answers still point at them. The answers
are made again, identically, by the `feedback` step after the encounters.
"""

from __future__ import annotations

from kohtaamo.demo.context import DEMO_SOURCE, DemoContext
from kohtaamo.feedback.models import FollowUp, Invitation, Response

LABEL = "Clearing survey answers"


def feedback_clear() -> int:
    FollowUp.objects.filter(encounter__source=DEMO_SOURCE).delete()
    Response.objects.filter(invitation__encounter__source=DEMO_SOURCE).delete()
    deleted, _ = Invitation.objects.filter(encounter__source=DEMO_SOURCE).delete()
    return deleted


def run(ctx: DemoContext) -> str:
    return f"{feedback_clear()} invitations removed"
