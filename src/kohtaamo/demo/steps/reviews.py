"""Reviews of a sample of the demo encounters: lead reviews by the teams'
leads, some self-reviews by the agents, two disputes (one accepted, one
waiting for the lead) and last week's assignments for the demo lead.

Each agent has a steady level of their own, so that their reviews tell a
consistent story. A re-run removes the reviews that demo people wrote of
demo encounters and writes them again; any other review is left alone.
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from kohtaamo.demo.context import DEMO_EMAIL_DOMAIN, DEMO_SOURCE, DemoContext, EncounterRef
from kohtaamo.demo.steps.review_calibration import demo_calibration
from kohtaamo.demo.steps.review_ratings import demo_ratings
from kohtaamo.demo.vocabulary.organisation import LOGIN_TEAM
from kohtaamo.encounters.models import Encounter
from kohtaamo.org.models import TeamRole
from kohtaamo.reviews.models import (
    Criterion,
    Dispute,
    DisputeStatus,
    Review,
    ReviewAssignment,
    ReviewEvent,
    ReviewEventKind,
    ReviewKind,
    ReviewRating,
    ReviewStatus,
)
from kohtaamo.reviews.scoring import Rating, review_score
from kohtaamo.reviews.selectors import scorecard_criteria, scorecard_default
from kohtaamo.reviews.services import default_scorecard_install

LABEL = "Reviews"
LEAD_REVIEWS_PER_TRANSCRIPT = 0.5
SELF_REVIEW_SHARE = 0.25
ASSIGNED_PER_AGENT = 2

DISPUTE_REASONS = (
    "Asiakas kiitti puhelun lopuksi avusta, joten hän koki saaneensa apua.",
    "Lupasin soittaa takaisin huomenna klo 10 ja soitin – lupaus pidettiin.",
)


def _review(
    ref: EncounterRef,
    *,
    kind: str,
    reviewer_id: int,
    scorecard: Any,
    criteria: list[Criterion],
    values: list[tuple[int | None, bool]],
    finished_at: Any,
    team_id: int,
    new_after: Any,
) -> tuple[Review, list[ReviewRating]]:
    score = review_score(
        Rating(value, c.scale_top, c.weight, c.is_critical)
        for c, (value, _na) in zip(criteria, values, strict=True)
    )
    review = Review(
        encounter_id=ref.encounter_id,
        reviewee_id=ref.staff_id,
        team_id=team_id,
        reviewer_id=reviewer_id,
        scorecard=scorecard,
        kind=kind,
        status=ReviewStatus.FINISHED,
        score=score.value,
        critical_failed=score.critical_failed,
        created_at=finished_at - timedelta(minutes=20),
        updated_at=finished_at,
        finished_at=finished_at,
        # Older reviews have been read; the last few days' are still new.
        seen_by_reviewee_at=finished_at + timedelta(hours=20) if finished_at < new_after else None,
    )
    ratings = [
        ReviewRating(criterion=c, value=value, is_na=na)
        for c, (value, na) in zip(criteria, values, strict=True)
    ]
    return review, ratings


def run(ctx: DemoContext) -> str:
    rng = ctx.rng("reviews")
    scorecard = scorecard_default() or default_scorecard_install()
    criteria = scorecard_criteria(scorecard=scorecard)
    Review.objects.filter(
        encounter__source=DEMO_SOURCE, reviewer__email__endswith=f"@{DEMO_EMAIL_DOMAIN}"
    ).delete()
    ReviewAssignment.objects.filter(
        encounter__source=DEMO_SOURCE, reviewer__email__endswith=f"@{DEMO_EMAIL_DOMAIN}"
    ).delete()
    taken = set(
        Review.objects.filter(encounter__source=DEMO_SOURCE).values_list("encounter_id", flat=True)
    )

    leads = {
        code: next((uid for uid, role in members if role == TeamRole.LEAD), None)
        for code, members in ctx.team_members.items()
    }
    transcribed = set(
        Encounter.objects.filter(source=DEMO_SOURCE, has_transcript=True).values_list(
            "pk", flat=True
        )
    )
    candidates = [
        e
        for e in ctx.encounters
        if e.encounter_id in transcribed
        and e.encounter_id not in taken
        and leads.get(e.team_code) not in (None, e.staff_id)
    ]
    chosen = sorted(
        rng.sample(
            candidates,
            min(len(candidates), max(10, int(ctx.scale.transcripts * LEAD_REVIEWS_PER_TRANSCRIPT))),
        ),
        key=lambda e: e.external_id,
    )
    level = {uid: rng.uniform(0.55, 0.95) for uid in sorted(ctx.staff)}
    latest = ctx.anchor - timedelta(hours=2)
    new_after = ctx.anchor - timedelta(days=3)
    pairs: list[tuple[Review, list[ReviewRating]]] = []
    for ref in chosen:
        team_id = ctx.team_ids[ref.team_code]
        finished_at = min(ref.ended_at + timedelta(hours=rng.randint(2, 96)), latest)
        lead_values = demo_ratings(criteria, level[ref.staff_id], rng)
        pairs.append(
            _review(
                ref,
                kind=ReviewKind.LEAD,
                reviewer_id=leads[ref.team_code] or 0,
                scorecard=scorecard,
                criteria=criteria,
                values=lead_values,
                finished_at=finished_at,
                team_id=team_id,
                new_after=new_after,
            )
        )
        if rng.random() < SELF_REVIEW_SHARE:
            # People tend to rate themselves a little higher than their lead does.
            own_values = demo_ratings(criteria, min(1.0, level[ref.staff_id] + 0.08), rng)
            pairs.append(
                _review(
                    ref,
                    kind=ReviewKind.SELF,
                    reviewer_id=ref.staff_id,
                    scorecard=scorecard,
                    criteria=criteria,
                    values=own_values,
                    finished_at=finished_at - timedelta(hours=1),
                    team_id=team_id,
                    new_after=new_after,
                )
            )
    reviews = Review.objects.bulk_create([review for review, _ in pairs])
    rows = []
    events = []
    for review, (_unsaved, ratings) in zip(reviews, pairs, strict=True):
        for rating in ratings:
            rating.review = review
            rows.append(rating)
        events.append(
            ReviewEvent(
                review=review,
                kind=ReviewEventKind.FINISHED,
                actor_id=review.reviewer_id,
                at=review.updated_at,
                details={"score": review.score},
            )
        )
    ReviewRating.objects.bulk_create(rows)
    ReviewEvent.objects.bulk_create(events)
    disputes = _disputes(ctx, reviews, rng)
    assigned = _assignments(ctx, leads, rng)
    calibrated = demo_calibration(ctx, leads, criteria, level, rng)
    self_reviews = sum(1 for r in reviews if r.kind == ReviewKind.SELF)
    return (
        f"{len(reviews) - self_reviews} lead reviews, {self_reviews} self-reviews, "
        f"{disputes} disputes, {assigned} assignments, "
        f"a closed calibration of {calibrated} encounters"
    )


def _disputes(ctx: DemoContext, reviews: list[Review], rng: random.Random) -> int:
    """Two disputes of the newest lead reviews below full marks in the demo
    lead's team: the first accepted by the lead, the second waiting for the
    demo lead to decide."""
    team_id = ctx.team_ids.get(LOGIN_TEAM)
    recent = sorted(
        (
            r
            for r in reviews
            if r.kind == ReviewKind.LEAD
            and r.team_id == team_id
            and r.score is not None
            and r.score < 100
            and not r.critical_failed
        ),
        key=lambda r: (r.updated_at, r.pk),
        reverse=True,
    )[: len(DISPUTE_REASONS)]
    for number, (review, reason) in enumerate(zip(recent, DISPUTE_REASONS, strict=False)):
        rating = (
            ReviewRating.objects.filter(review=review, is_na=False, criterion__is_critical=False)
            .select_related("criterion")
            .order_by("value", "criterion__position")
            .first()
        )
        if rating is None:
            continue
        raised_at = review.updated_at + timedelta(hours=1)
        dispute = Dispute.objects.create(
            review=review,
            rating=rating,
            raised_by_id=review.reviewee_id,
            reason=reason,
            created_at=raised_at,
            old_value=rating.value,
            old_score=review.score,
        )
        ReviewEvent.objects.create(
            review=review,
            dispute=dispute,
            kind=ReviewEventKind.DISPUTED,
            actor_id=review.reviewee_id,
            at=raised_at,
            details={"criterion": rating.criterion.code, "reason": reason},
        )
        if number == 0:
            decided_at = raised_at + timedelta(minutes=30)
            old_score = review.score
            rating.value = rating.criterion.scale_top
            rating.save(update_fields=["value"])
            all_ratings = ReviewRating.objects.filter(review=review).select_related("criterion")
            score = review_score(
                Rating(
                    None if r.is_na else r.value,
                    r.criterion.scale_top,
                    r.criterion.weight,
                    r.criterion.is_critical,
                )
                for r in all_ratings
            )
            Review.objects.filter(pk=review.pk).update(score=score.value, version=2)
            Dispute.objects.filter(pk=dispute.pk).update(
                status=DisputeStatus.ACCEPTED,
                decided_by_id=review.reviewer_id,
                decided_at=decided_at,
                decision_reason="Totta, asiakas kiitti lopuksi. Korjattu.",
                new_value=rating.value,
                new_score=score.value,
            )
            ReviewEvent.objects.create(
                review=review,
                dispute=dispute,
                kind=ReviewEventKind.ACCEPTED,
                actor_id=review.reviewer_id,
                at=decided_at,
                details={
                    "criterion": rating.criterion.code,
                    "old_value": dispute.old_value,
                    "new_value": rating.value,
                    "old_score": old_score,
                    "new_score": score.value,
                },
            )
    return len(recent)


def _assignments(ctx: DemoContext, leads: dict[str, int | None], rng: random.Random) -> int:
    """Last week's sample of the demo lead's team, for the demo lead."""
    lead_id = leads.get(LOGIN_TEAM)
    team_id = ctx.team_ids.get(LOGIN_TEAM)
    if lead_id is None or team_id is None:
        return 0
    monday = (ctx.anchor - timedelta(days=7)).date()
    monday -= timedelta(days=monday.weekday())
    start = ctx.anchor.replace(year=monday.year, month=monday.month, day=monday.day)
    reviewed = set(
        Review.objects.filter(kind=ReviewKind.LEAD).values_list("encounter_id", flat=True)
    )
    assigned = set(ReviewAssignment.objects.values_list("encounter_id", flat=True))
    by_staff: dict[int, list[int]] = {}
    for e in ctx.encounters:
        if (
            e.team_code == LOGIN_TEAM
            and start <= e.started_at < start + timedelta(days=7)
            and e.staff_id != lead_id
            and e.encounter_id not in reviewed | assigned
        ):
            by_staff.setdefault(e.staff_id, []).append(e.encounter_id)
    chosen = [
        encounter_id
        for staff_id in sorted(by_staff)
        for encounter_id in sorted(
            rng.sample(by_staff[staff_id], min(ASSIGNED_PER_AGENT, len(by_staff[staff_id])))
        )
    ]
    ReviewAssignment.objects.bulk_create(
        ReviewAssignment(
            encounter_id=encounter_id,
            team_id=team_id,
            reviewer_id=lead_id,
            assigned_by_id=lead_id,
            week=monday,
            created_at=start + timedelta(days=7),
        )
        for encounter_id in chosen
    )
    return len(chosen)
