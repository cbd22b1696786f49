"""Shapes of scorecards, reviews, disputes and IQS in the REST API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from kohtaamo.core.api_common import Day, Moment, ObjectId
from kohtaamo.reviews.models import DisputeStatus, ReviewKind, ReviewStatus, Scale


class CriterionOut(Schema):
    id: int
    code: str
    position: int
    group: str = Field(alias="group.name_en")
    name_fi: str
    name_sv: str
    name_en: str
    weight: int
    scale: Scale
    scale_top: int
    allows_na: bool
    is_critical: bool


class ScorecardOut(Schema):
    id: int
    code: str
    version: int
    name_fi: str
    name_sv: str
    name_en: str
    is_active: bool
    criteria: list[CriterionOut]


class PersonRef(Schema):
    id: int
    first_name: str
    last_name: str


class RatingOut(Schema):
    criterion: str = Field(alias="criterion.code")
    value: int | None
    is_na: bool
    comment: str


class ReviewOut(Schema):
    id: int
    encounter_id: int
    kind: ReviewKind
    status: ReviewStatus
    scorecard_id: int
    reviewee: PersonRef
    reviewer: PersonRef
    team_id: int
    score: float | None
    critical_failed: bool
    overall_comment: str
    finished_at: datetime | None


class ReviewDetailOut(ReviewOut):
    ratings: list[RatingOut]


class ReviewFilters(Schema):
    kind: ReviewKind | None = None
    status: ReviewStatus | None = None
    reviewee: ObjectId | None = None
    team: ObjectId | None = None
    finished_after: Moment | None = None
    finished_before: Moment | None = None


class DisputeOut(Schema):
    id: int
    review_id: int
    criterion: str = Field(alias="rating.criterion.code")
    reason: str
    status: DisputeStatus
    created_at: datetime
    decided_at: datetime | None
    decision_reason: str
    old_value: int | None
    new_value: int | None
    old_score: float | None
    new_score: float | None


# Reviews are of this century; a wider date only invites overflow.
EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)


class IqsFilters(Schema):
    group_by: Literal["agent", "team", "unit"] = "team"
    period: Literal["week", "month", "quarter"] = "month"
    date_from: Day | None = Field(None, ge=EARLIEST, le=LATEST)
    date_to: Day | None = Field(None, ge=EARLIEST, le=LATEST)


class IqsRowOut(Schema):
    group_id: int
    label: str
    period: date
    n: int
    mean: float | None
    interval_low: float | None
    interval_high: float | None
    few_reviews: bool
    critical_fails: int
