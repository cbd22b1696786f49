"""The reviews app's models, one module per sub-area."""

from kohtaamo.reviews.models.assignments import ReviewAssignment, ReviewerNomination
from kohtaamo.reviews.models.calibration import (
    CalibrationItem,
    CalibrationParticipant,
    CalibrationRating,
    CalibrationScore,
    CalibrationSession,
    CalibrationStatus,
)
from kohtaamo.reviews.models.coaching import CoachingAction, CoachingSession
from kohtaamo.reviews.models.disputes import (
    Dispute,
    DisputeStatus,
    ReviewEvent,
    ReviewEventKind,
)
from kohtaamo.reviews.models.reviews import Review, ReviewKind, ReviewRating, ReviewStatus
from kohtaamo.reviews.models.scorecards import (
    FALLBACK_LANGUAGES,
    SCALE_TOP,
    TEXT_LANGUAGES,
    Criterion,
    CriterionGroup,
    LocalizedText,
    Scale,
    Scorecard,
)

__all__ = [
    "FALLBACK_LANGUAGES",
    "SCALE_TOP",
    "TEXT_LANGUAGES",
    "CalibrationItem",
    "CalibrationParticipant",
    "CalibrationRating",
    "CalibrationScore",
    "CalibrationSession",
    "CalibrationStatus",
    "CoachingAction",
    "CoachingSession",
    "Criterion",
    "CriterionGroup",
    "Dispute",
    "DisputeStatus",
    "LocalizedText",
    "Review",
    "ReviewAssignment",
    "ReviewEvent",
    "ReviewEventKind",
    "ReviewKind",
    "ReviewRating",
    "ReviewStatus",
    "ReviewerNomination",
    "Scale",
    "Scorecard",
]
