"""The reviews app's models, one module per sub-area."""

from kohtaamo.reviews.models.assignments import ReviewAssignment, ReviewerNomination
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
    "Criterion",
    "CriterionGroup",
    "LocalizedText",
    "Review",
    "ReviewAssignment",
    "ReviewKind",
    "ReviewRating",
    "ReviewStatus",
    "ReviewerNomination",
    "Scale",
    "Scorecard",
]
