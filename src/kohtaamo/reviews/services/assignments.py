"""Writes of assignments: naming reviewers and drawing the weekly sample."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import DurationField, ExpressionWrapper, F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kohtaamo.core.dates import local_midnight
from kohtaamo.encounters.models import Encounter
from kohtaamo.feedback.models import DETRACTOR_MAX
from kohtaamo.org import access_reviews
from kohtaamo.org.models import Team, TeamMembership
from kohtaamo.reviews.models import ReviewAssignment, ReviewerNomination, ReviewKind

ERROR_NOT_A_REVIEWER = _(
    "%(person)s is not a lead of the team, a manager above it or a reviewer named for it."
)
ERROR_NOT_A_MEMBER = _("Only a member of the team can be named its reviewer.")
ERROR_PER_AGENT = _("Choose between 1 and %(max)s encounters per person.")
ERROR_LENGTHS = _("The shortest length cannot be longer than the longest.")

PER_AGENT_MAX = 20


@dataclass(frozen=True)
class SampleFilter:
    """Which encounters of the week may be drawn."""

    channel: str | None = None
    has_transcript: bool | None = None
    detractor_only: bool = False
    min_minutes: int | None = None
    max_minutes: int | None = None


def week_start(day: date) -> date:
    """The Monday of the week of `day`."""
    return day - timedelta(days=day.weekday())


def reviewer_nominate(*, team: Team, user: Any, by: Any) -> ReviewerNomination:
    if not access_reviews.may_assign(by, team):
        raise PermissionDenied
    if not TeamMembership.objects.filter(team=team, user=user).exists():
        raise ValidationError(ERROR_NOT_A_MEMBER, code="not_a_member")
    nomination, _created = ReviewerNomination.objects.get_or_create(
        team=team, user=user, defaults={"named_by": by}
    )
    return nomination


def _candidates(*, team: Team, week: date, reviewer: Any, sample: SampleFilter) -> Any:
    start = local_midnight(week)
    encounters = Encounter.objects.filter(
        team=team,
        started_at__gte=start,
        started_at__lt=start + timedelta(days=7),
        review_assignment__isnull=True,
    ).exclude(staff=reviewer)
    # An encounter that already has a lead review needs no other.
    encounters = encounters.exclude(reviews__kind=ReviewKind.LEAD)
    if sample.channel:
        encounters = encounters.filter(channel=sample.channel)
    if sample.has_transcript is not None:
        encounters = encounters.filter(has_transcript=sample.has_transcript)
    if sample.detractor_only:
        encounters = encounters.filter(invitations__response__nps__lte=DETRACTOR_MAX)
    if sample.min_minutes is not None or sample.max_minutes is not None:
        encounters = encounters.filter(ended_at__isnull=False).annotate(
            length=ExpressionWrapper(F("ended_at") - F("started_at"), output_field=DurationField())
        )
        if sample.min_minutes is not None:
            encounters = encounters.filter(length__gte=timedelta(minutes=sample.min_minutes))
        if sample.max_minutes is not None:
            encounters = encounters.filter(length__lte=timedelta(minutes=sample.max_minutes))
    return encounters.order_by("pk").values_list("pk", "staff_id").distinct()


def assignments_draw(
    *,
    team: Team,
    week: date,
    per_agent: int,
    reviewer: Any,
    by: Any,
    sample: SampleFilter | None = None,
    rng: random.Random | None = None,
) -> list[ReviewAssignment]:
    """Draw up to `per_agent` encounters of each person of the team from the
    week, at random, for `reviewer`. Never an encounter sampled before (the
    database refuses a second assignment of one encounter), never the
    reviewer's own, never one that already has a lead review."""
    sample = sample or SampleFilter()
    if not access_reviews.may_assign(by, team):
        raise PermissionDenied
    if not 1 <= per_agent <= PER_AGENT_MAX:
        raise ValidationError(ERROR_PER_AGENT, code="per_agent", params={"max": PER_AGENT_MAX})
    if (
        sample.min_minutes is not None
        and sample.max_minutes is not None
        and sample.min_minutes > sample.max_minutes
    ):
        raise ValidationError(ERROR_LENGTHS, code="lengths")
    if not access_reviews.may_review_team(reviewer, team):
        raise ValidationError(
            ERROR_NOT_A_REVIEWER,
            code="not_a_reviewer",
            params={"person": reviewer.get_full_name() or reviewer.email},
        )
    week = week_start(week)
    rng = rng or random.SystemRandom()
    with transaction.atomic():
        # Two leads drawing for one team at once take turns here, so that
        # neither draws an encounter the other has just drawn.
        Team.objects.select_for_update().get(pk=team.pk)
        by_staff: dict[int, list[int]] = defaultdict(list)
        for encounter_id, staff_id in _candidates(
            team=team, week=week, reviewer=reviewer, sample=sample
        ):
            by_staff[staff_id].append(encounter_id)
        chosen = [
            encounter_id
            for staff_id in sorted(by_staff)
            for encounter_id in sorted(
                rng.sample(by_staff[staff_id], min(per_agent, len(by_staff[staff_id])))
            )
        ]
        now = timezone.now()
        return ReviewAssignment.objects.bulk_create(
            ReviewAssignment(
                encounter_id=encounter_id,
                team=team,
                reviewer=reviewer,
                assigned_by=by,
                week=week,
                created_at=now,
            )
            for encounter_id in chosen
        )
