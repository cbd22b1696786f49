"""The demo's calibration session, part of the reviews step (`reviews.py`),
which calls it with its own random generator."""

from __future__ import annotations

import random
from datetime import timedelta

from kohtaamo.demo.context import DEMO_EMAIL_DOMAIN, DemoContext
from kohtaamo.demo.steps.review_ratings import demo_ratings
from kohtaamo.demo.vocabulary.organisation import LOGIN_TEAM
from kohtaamo.org.models import Team, TeamRole, UnitManager
from kohtaamo.reviews.models import (
    CalibrationItem,
    CalibrationParticipant,
    CalibrationRating,
    CalibrationScore,
    CalibrationSession,
    CalibrationStatus,
    Criterion,
    ReviewerNomination,
)
from kohtaamo.reviews.scoring import Rating, review_score

CALIBRATION_NAME = "Puhelinpalvelun kalibrointi"
CALIBRATION_ENCOUNTERS = 5


def demo_calibration(
    ctx: DemoContext,
    leads: dict[str, int | None],
    criteria: list[Criterion],
    level: dict[int, float],
    rng: random.Random,
) -> int:
    """One closed session in the demo lead's team: the lead, the manager above
    and a named reviewer from the team scored five encounters; each reviewer
    leans a little their own way, so the agreement is good but not perfect."""
    lead_id = leads.get(LOGIN_TEAM)
    team_id = ctx.team_ids.get(LOGIN_TEAM)
    if lead_id is None or team_id is None:
        return 0
    CalibrationSession.objects.filter(
        name=CALIBRATION_NAME, facilitator__email__endswith=f"@{DEMO_EMAIL_DOMAIN}"
    ).delete()
    # Named by a demo lead: written again below, and never left to keep a
    # person of another seed from being removed.
    ReviewerNomination.objects.filter(named_by__email__endswith=f"@{DEMO_EMAIL_DOMAIN}").delete()
    team = Team.objects.select_related("unit").get(pk=team_id)
    unit_ids = team.unit.lineage_ids
    manager = (
        UnitManager.objects.filter(unit_id__in=unit_ids).order_by("-unit__depth", "pk").first()
    )
    agents = sorted(uid for uid, role in ctx.team_members[LOGIN_TEAM] if role == TeamRole.AGENT)
    if manager is None or not agents:
        return 0
    named = agents[0]
    ReviewerNomination.objects.get_or_create(
        team_id=team_id, user_id=named, defaults={"named_by_id": lead_id}
    )
    reviewers = [lead_id, manager.user_id, named]
    opened = ctx.anchor - timedelta(days=5)
    pool = sorted(
        (
            e
            for e in ctx.encounters
            if e.team_code == LOGIN_TEAM
            and e.staff_id not in reviewers
            and opened - timedelta(days=30) <= e.started_at < opened
        ),
        key=lambda e: e.external_id,
    )
    chosen = sorted(
        rng.sample(pool, min(CALIBRATION_ENCOUNTERS, len(pool))), key=lambda e: e.external_id
    )
    scorecard = criteria[0].scorecard if criteria else None
    if not chosen or scorecard is None:
        return 0
    session = CalibrationSession.objects.create(
        name=CALIBRATION_NAME,
        team_id=team_id,
        scorecard=scorecard,
        facilitator_id=lead_id,
        status=CalibrationStatus.CLOSED,
        created_at=opened,
        closed_at=opened + timedelta(days=1),
    )
    CalibrationParticipant.objects.bulk_create(
        CalibrationParticipant(session=session, user_id=uid) for uid in reviewers
    )
    # Each reviewer leans one way: now and then one step up or down from
    # what the encounter deserves (the same for everyone).
    lean = {uid: rng.choice((-1, 1)) for uid in reviewers}
    for position, ref in enumerate(chosen, start=1):
        item = CalibrationItem.objects.create(
            session=session, encounter_id=ref.encounter_id, position=position
        )
        scores = []
        # Encounters for calibration are picked to differ: some go well, some not.
        deserved = demo_ratings(criteria, rng.uniform(0.1, 1.0), rng)
        for uid in reviewers:
            values = [
                _leaning(value, na, c, lean[uid], rng)
                for c, (value, na) in zip(criteria, deserved, strict=True)
            ]
            score = review_score(
                Rating(value, c.scale_top, c.weight, c.is_critical)
                for c, (value, _na) in zip(criteria, values, strict=True)
            )
            scored = CalibrationScore.objects.create(
                item=item,
                reviewer_id=uid,
                score=score.value,
                critical_failed=score.critical_failed,
                submitted_at=opened + timedelta(hours=2),
            )
            CalibrationRating.objects.bulk_create(
                CalibrationRating(scored=scored, criterion=c, value=value, is_na=na)
                for c, (value, na) in zip(criteria, values, strict=True)
            )
            if score.value is not None:
                scores.append(score.value)
        if scores:
            item.agreed_score = round(sum(scores) / len(scores))
            item.agreed_by_id = lead_id
            item.agreed_at = opened + timedelta(days=1)
            item.save(update_fields=["agreed_score", "agreed_by", "agreed_at"])
    return len(chosen)


def _leaning(
    value: int | None, na: bool, criterion: Criterion, lean: int, rng: random.Random
) -> tuple[int | None, bool]:
    if na or value is None or criterion.is_critical or rng.random() > 0.15:
        return value, na
    return min(criterion.scale_top, max(1, value + lean)), False
