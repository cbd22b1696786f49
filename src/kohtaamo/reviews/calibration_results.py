"""Reads of calibration sessions: who has scored, and, once everyone has,
how well the reviewers agree (see `reviews.agreement` for the measures)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings

from kohtaamo.org import access_reviews
from kohtaamo.reviews.agreement import Agreement, agreement, mean_deviations
from kohtaamo.reviews.models import (
    CalibrationItem,
    CalibrationParticipant,
    CalibrationRating,
    CalibrationScore,
    CalibrationSession,
    CalibrationStatus,
    Criterion,
    Scale,
)

# A reviewer whose mean deviation from the others exceeds this many score
# points in each of their last FLAG_SESSIONS closed sessions (at least two)
# is shown to the manager. The setting KOHTAAMO_CALIBRATION_DEVIATION_BOUND
# (from the environment) overrides it.
DEFAULT_DEVIATION_BOUND = 15.0
FLAG_SESSIONS = 3


def deviation_bound() -> float:
    return float(getattr(settings, "KOHTAAMO_CALIBRATION_DEVIATION_BOUND", DEFAULT_DEVIATION_BOUND))


def level_for(criterion: Criterion) -> str:
    """Nominal for yes/no, ordinal for the rated scales (issue 5)."""
    return "nominal" if criterion.scale == Scale.YES_NO else "ordinal"


@dataclass(frozen=True)
class CriterionAgreement:
    criterion: Criterion
    level: str
    agreement: Agreement
    matrix: list[list[float | None]]  # reviewers × items, None for N/A or unscored


@dataclass(frozen=True)
class ReviewerRow:
    user: Any
    scores: list[float | None]  # per item, in item order
    deviation: float | None
    beyond_bound: bool


@dataclass(frozen=True)
class CalibrationResults:
    items: list[CalibrationItem]
    reviewers: list[ReviewerRow]
    overall: Agreement
    criteria: list[CriterionAgreement]


def calibration_progress(*, session: CalibrationSession) -> dict[int, int]:
    """How many items each participant has scored (never the scores)."""
    counts = {p.user_id: 0 for p in CalibrationParticipant.objects.filter(session=session)}
    for reviewer_id in CalibrationScore.objects.filter(item__session=session).values_list(
        "reviewer_id", flat=True
    ):
        counts[reviewer_id] = counts.get(reviewer_id, 0) + 1
    return counts


def calibration_is_complete(*, session: CalibrationSession) -> bool:
    items = CalibrationItem.objects.filter(session=session).count()
    progress = calibration_progress(session=session)
    return bool(progress) and all(n == items for n in progress.values())


def calibration_results(*, session: CalibrationSession) -> CalibrationResults:
    """The agreement per criterion and overall. Shown only once every reviewer
    has scored every encounter, or the session is closed (the caller asks)."""
    items = list(CalibrationItem.objects.filter(session=session).select_related("encounter__staff"))
    participants = list(
        CalibrationParticipant.objects.filter(session=session).select_related("user").order_by("pk")
    )
    column = {item.pk: n for n, item in enumerate(items)}
    row = {p.user_id: n for n, p in enumerate(participants)}
    scores: list[list[float | None]] = [[None] * len(items) for _ in participants]
    for scored in CalibrationScore.objects.filter(item__session=session):
        scores[row[scored.reviewer_id]][column[scored.item_id]] = scored.score
    criteria = list(
        Criterion.objects.filter(scorecard_id=session.scorecard_id).order_by("position")
    )
    values: dict[int, list[list[float | None]]] = {
        c.pk: [[None] * len(items) for _ in participants] for c in criteria
    }
    for rating in CalibrationRating.objects.filter(scored__item__session=session).values(
        "criterion_id", "value", "scored__reviewer_id", "scored__item_id"
    ):
        # N/A is missing data: the rating's value is None then.
        values[rating["criterion_id"]][row[rating["scored__reviewer_id"]]][
            column[rating["scored__item_id"]]
        ] = rating["value"]
    deviations = mean_deviations(scores)
    bound = deviation_bound()
    return CalibrationResults(
        items=items,
        reviewers=[
            ReviewerRow(p.user, scores[n], deviations[n], (deviations[n] or 0) > bound)
            for n, p in enumerate(participants)
        ],
        overall=agreement(scores, "interval"),
        criteria=[
            CriterionAgreement(c, level_for(c), agreement(values[c.pk], level_for(c)), values[c.pk])
            for c in criteria
        ],
    )


def calibration_flagged_reviewers(*, user: Any) -> list[tuple[Any, list[float]]]:
    """Reviewers, in the teams this person oversees, whose deviation stayed
    beyond the bound in each of their last closed sessions (at least two)."""
    teams = access_reviews.assignable_teams(user)
    sessions = list(
        CalibrationSession.objects.filter(team__in=teams, status=CalibrationStatus.CLOSED).order_by(
            "-closed_at", "-pk"
        )
    )
    history: dict[Any, list[float | None]] = {}
    for session in sessions:
        for reviewer in calibration_results(session=session).reviewers:
            runs = history.setdefault(reviewer.user, [])
            if len(runs) < FLAG_SESSIONS:
                runs.append(reviewer.deviation)
    bound = deviation_bound()
    return [
        (person, [d for d in runs if d is not None])
        for person, runs in history.items()
        if len(runs) >= 2 and all(d is not None and d > bound for d in runs)
    ]
