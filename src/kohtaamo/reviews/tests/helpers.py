"""Building review input in tests."""

from __future__ import annotations

from typing import Any

from kohtaamo.reviews.models import Review, ReviewKind
from kohtaamo.reviews.selectors import default_checklist_criteria
from kohtaamo.reviews.services import RatingInput, review_save

NA = "na"

# Top marks on every point of the default checklist (yes for honesty).
TOP = {
    "genuine-will": 5,
    "listen-ask-verify": 5,
    "present-respectful": 5,
    "calm-upset-customer": 5,
    "judgement-in-exceptions": 5,
    "keepable-promises": 3,
    "honesty": 2,
    "mistakes-fixed": 5,
    "felt-helped": 5,
    "consistent-quality": 5,
}


def ratings_by_code(
    values: dict[str, int | str], comments: dict[str, str] | None = None
) -> dict[int, RatingInput]:
    """Service input from {criterion code: value or NA} on the default checklist."""
    comments = comments or {}
    ids = {c.code: c.pk for c in default_checklist_criteria()}
    return {
        ids[code]: RatingInput(
            value=None if value == NA else int(value),
            is_na=value == NA,
            comment=comments.get(code, ""),
        )
        for code, value in values.items()
    }


def finished_review(
    encounter: Any,
    by: Any,
    *,
    kind: str = ReviewKind.LEAD,
    values: dict[str, int | str] | None = None,
) -> Review:
    return review_save(
        encounter=encounter,
        kind=kind,
        by=by,
        expected_version=0,
        ratings=ratings_by_code(values or TOP),
        overall_comment="Hyvä kohtaaminen.",
        finish=True,
    )
