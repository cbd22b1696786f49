"""Reads of the reviews app."""

from __future__ import annotations

from kohtaamo.reviews.checklist import DEFAULT_SCORECARD_CODE
from kohtaamo.reviews.models import Criterion, Scorecard


def scorecard_default() -> Scorecard | None:
    """The active version of the default scorecard (the essay checklist)."""
    return Scorecard.objects.filter(code=DEFAULT_SCORECARD_CODE, is_active=True).first()


def scorecard_criteria(*, scorecard: Scorecard) -> list[Criterion]:
    """The scorecard's criteria in checklist order, each with its group."""
    return list(
        Criterion.objects.filter(scorecard=scorecard).select_related("group").order_by("position")
    )


def default_checklist_criteria() -> list[Criterion]:
    """The points of the active default checklist, in order; empty if an
    administrator has switched every version of it off."""
    scorecard = scorecard_default()
    return scorecard_criteria(scorecard=scorecard) if scorecard else []
