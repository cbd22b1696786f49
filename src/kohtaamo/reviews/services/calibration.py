"""Writes of calibration sessions: setting one up, scoring, the agreed score."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kohtaamo.encounters.models import Encounter
from kohtaamo.org import access_reviews
from kohtaamo.org.models import Team
from kohtaamo.reviews.checklist import DEFAULT_SCORECARD_CODE
from kohtaamo.reviews.models import (
    CalibrationItem,
    CalibrationParticipant,
    CalibrationRating,
    CalibrationScore,
    CalibrationSession,
    CalibrationStatus,
    Criterion,
    Scorecard,
)
from kohtaamo.reviews.scoring import Rating, review_score
from kohtaamo.reviews.services.reviewing import ERROR_NO_SCORECARD, RatingInput, check_ratings

ERROR_SESSION_CLOSED = _("The calibration session is closed; scores can no longer be given.")
ERROR_NOT_PARTICIPANT = _("Only the session's reviewers score its encounters.")
ERROR_TOO_FEW_REVIEWERS = _("Choose at least two reviewers.")
ERROR_TOO_FEW_ENCOUNTERS = _(
    "The team has only %(found)s encounters to calibrate on in the last %(days)s days."
)
ERROR_ENCOUNTER_COUNT = _("Choose between 1 and %(max)s encounters.")
ERROR_AGREED_SCORE = _("The agreed score is a number from 0 to 100.")
ERROR_REVIEWER_NOT_ELIGIBLE = _("%(person)s cannot review the team's encounters.")

ENCOUNTERS_MAX = 20
LOOKBACK_DAYS = 30


def calibration_create(
    *,
    name: str,
    team: Team,
    encounter_count: int,
    reviewers: list[Any],
    by: Any,
    rng: random.Random | None = None,
) -> CalibrationSession:
    """Pick `encounter_count` encounters of the team from the last 30 days at
    random (those with a transcript first) for the reviewers to score."""
    if not access_reviews.may_assign(by, team):
        raise PermissionDenied
    if not 1 <= encounter_count <= ENCOUNTERS_MAX:
        raise ValidationError(ERROR_ENCOUNTER_COUNT, code="count", params={"max": ENCOUNTERS_MAX})
    reviewers = list({r.pk: r for r in reviewers}.values())
    if len(reviewers) < 2:
        raise ValidationError(ERROR_TOO_FEW_REVIEWERS, code="too_few_reviewers")
    for reviewer in reviewers:
        if not access_reviews.may_review_team(reviewer, team):
            raise ValidationError(
                ERROR_REVIEWER_NOT_ELIGIBLE,
                code="not_eligible",
                params={"person": reviewer.get_full_name() or reviewer.email},
            )
    scorecard = Scorecard.objects.filter(code=DEFAULT_SCORECARD_CODE, is_active=True).first()
    if scorecard is None:
        raise ValidationError(ERROR_NO_SCORECARD, code="no_scorecard")
    since = timezone.now() - timedelta(days=LOOKBACK_DAYS)
    pool = list(
        Encounter.objects.filter(team=team, started_at__gte=since)
        .exclude(staff__in=reviewers)
        .order_by("-has_transcript", "pk")
        .values_list("pk", "has_transcript")
    )
    if len(pool) < encounter_count:
        raise ValidationError(
            ERROR_TOO_FEW_ENCOUNTERS,
            code="too_few_encounters",
            params={"found": len(pool), "days": LOOKBACK_DAYS},
        )
    rng = rng or random.SystemRandom()
    with_transcript = [pk for pk, has in pool if has]
    without = [pk for pk, has in pool if not has]
    chosen = rng.sample(with_transcript, min(encounter_count, len(with_transcript)))
    chosen += rng.sample(without, encounter_count - len(chosen))
    with transaction.atomic():
        session = CalibrationSession.objects.create(
            name=name.strip(), team=team, scorecard=scorecard, facilitator=by
        )
        CalibrationParticipant.objects.bulk_create(
            CalibrationParticipant(session=session, user=r) for r in reviewers
        )
        CalibrationItem.objects.bulk_create(
            CalibrationItem(session=session, encounter_id=pk, position=n)
            for n, pk in enumerate(sorted(chosen), start=1)
        )
    return session


def calibration_score_submit(
    *, item: CalibrationItem, by: Any, ratings: dict[int, RatingInput], comment: str = ""
) -> CalibrationScore:
    """A reviewer's scoring of one encounter; every point rated or N/A. It can
    be given again while the session is open."""
    with transaction.atomic():
        session = CalibrationSession.objects.select_for_update().get(pk=item.session_id)
        if session.status != CalibrationStatus.OPEN:
            raise ValidationError(ERROR_SESSION_CLOSED, code="closed")
        if not CalibrationParticipant.objects.filter(session=session, user=by).exists():
            raise PermissionDenied
        criteria = list(
            Criterion.objects.filter(scorecard_id=session.scorecard_id).order_by("position")
        )
        check_ratings(criteria, ratings, finish=True)
        score = review_score(
            Rating(
                None if ratings[c.pk].is_na else ratings[c.pk].value,
                c.scale_top,
                c.weight,
                c.is_critical,
            )
            for c in criteria
        )
        scored, _created = CalibrationScore.objects.update_or_create(
            item=item,
            reviewer=by,
            defaults={
                "score": score.value,
                "critical_failed": score.critical_failed,
                "comment": comment.strip(),
                "submitted_at": timezone.now(),
            },
        )
        CalibrationRating.objects.filter(scored=scored).delete()
        CalibrationRating.objects.bulk_create(
            CalibrationRating(
                scored=scored,
                criterion=c,
                value=None if ratings[c.pk].is_na else ratings[c.pk].value,
                is_na=ratings[c.pk].is_na,
            )
            for c in criteria
        )
    return scored


def calibration_agree(
    *, item: CalibrationItem, score: float, note: str, by: Any
) -> CalibrationItem:
    """The facilitator records the score the group agreed on."""
    with transaction.atomic():
        session = CalibrationSession.objects.select_for_update().get(pk=item.session_id)
        if session.facilitator_id != by.pk:
            raise PermissionDenied
        if session.status != CalibrationStatus.OPEN:
            raise ValidationError(ERROR_SESSION_CLOSED, code="closed")
        if not 0 <= score <= 100:
            raise ValidationError(ERROR_AGREED_SCORE, code="agreed_score")
        item.agreed_score = score
        item.agreed_note = note.strip()
        item.agreed_by = by
        item.agreed_at = timezone.now()
        item.save(update_fields=["agreed_score", "agreed_note", "agreed_by", "agreed_at"])
    return item


def calibration_close(*, session: CalibrationSession, by: Any) -> CalibrationSession:
    with transaction.atomic():
        locked = CalibrationSession.objects.select_for_update().get(pk=session.pk)
        if locked.facilitator_id != by.pk:
            raise PermissionDenied
        if locked.status != CalibrationStatus.OPEN:
            raise ValidationError(ERROR_SESSION_CLOSED, code="closed")
        locked.status = CalibrationStatus.CLOSED
        locked.closed_at = timezone.now()
        locked.save(update_fields=["status", "closed_at"])
    return locked
