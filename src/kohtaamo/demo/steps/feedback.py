"""Survey answers for about a quarter of the demo encounters with a customer.

NPS comes out near +35 overall but differs from team to team (each team gets
a tilt of its own), encounters that ended badly get more detractors, and the
comments are in the customer's language. Every unhappy answer has its
follow-up, as the survey makes one: most older ones are closed with an
outcome and a root cause, some are still open, and a few of those overdue.

Only customers who may be sent surveys and have an e-mail address are
invited, as the product would. The region rules (the `delivery` step) get
the decisions their tick would have recorded for their channels: invited,
not in the sample, no customer, opted out or no e-mail, so that the
*Surveys* page shows what each rule did. (The demo keeps answers for a
quarter of the encounters, more than the 30-day rule between one customer's
invitations would allow its 2,000 customers; see the README.)

Everything is drawn from this step's own generator and written with
bulk_create after the `feedback_reset` step cleared the previous run's rows.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings

from kohtaamo.core.dates import local_date
from kohtaamo.demo.context import DEMO_SOURCE, DemoContext, EncounterRef
from kohtaamo.demo.steps.feedback_reset import feedback_clear
from kohtaamo.demo.vocabulary.feedback import (
    COMMENTS,
    DETRACTOR,
    FOLLOWUP_NOTES,
    PASSIVE,
    PROMOTER,
)
from kohtaamo.demo.vocabulary.topics import UNRESOLVED_OUTCOMES
from kohtaamo.encounters.models import Customer
from kohtaamo.feedback.models import (
    CSAT_UNHAPPY_MAX,
    DETRACTOR_MAX,
    DecisionOutcome,
    FollowUp,
    FollowUpOutcome,
    FollowUpStatus,
    Invitation,
    InvitationDecision,
    InvitationStatus,
    Response,
    RootCause,
    Survey,
)
from kohtaamo.feedback.rules import active_rules_by_team, in_sample
from kohtaamo.feedback.services import followup_due
from kohtaamo.insights.aggregates import answer_days_add
from kohtaamo.insights.chunks import answer_chunks_build
from kohtaamo.org.models import TeamRole

LABEL = "Survey answers"
SURVEY_NAME = "Aurora – asiakaskysely"
ANSWER_SHARE = 0.25
BATCH_SIZE = 1000
# Overall shares that give NPS about +35 (52 % promoters, 17 % detractors).
PROMOTER_SHARE = 0.52
DETRACTOR_SHARE = 0.17
TEAM_TILT = 0.12
COMMENT_SHARE = {PROMOTER: 0.4, PASSIVE: 0.3, DETRACTOR: 0.75}
# A follow-up this old is usually closed; the rest stay open, some overdue.
CLOSED_AFTER_DAYS = 4
CLOSED_SHARE = 0.95
OUTCOMES = (
    (FollowUpOutcome.RESOLVED, 60),
    (FollowUpOutcome.NOT_REACHED, 15),
    (FollowUpOutcome.CUSTOMER_DECLINED, 10),
    (FollowUpOutcome.OTHER, 15),
)
ROOT_CAUSES = (
    (RootCause.WAITING_TIME, 30),
    (RootCause.STAFF_CONDUCT, 10),
    (RootCause.ADVICE, 18),
    (RootCause.PROCESS, 17),
    (RootCause.PRODUCT, 12),
    (RootCause.TECHNICAL, 8),
    (RootCause.OTHER, 5),
)


@dataclass(frozen=True)
class _Answer:
    nps: int
    csat: int
    ces: int
    kind: str


def run(ctx: DemoContext) -> str:
    rng = ctx.rng("feedback")
    feedback_clear()
    survey = _survey()
    language_of = {c.customer_id: c.language for c in ctx.customers}
    tilt = _team_tilts(sorted(ctx.team_ids), rng)
    reach = _customer_reach(ctx)
    reachable = {pk for pk, (consent, email) in reach.items() if consent and email}
    with_customer = [e for e in ctx.encounters if e.customer_id is not None]
    candidates = [e for e in with_customer if e.customer_id in reachable]
    chosen = sorted(
        rng.sample(candidates, min(len(candidates), round(len(with_customer) * ANSWER_SHARE))),
        key=lambda e: e.external_id,
    )
    invitations: list[Invitation] = []
    responses: list[Response] = []
    for ref in chosen:
        answered_at = ref.ended_at + timedelta(hours=rng.uniform(0.3, 60))
        if answered_at >= ctx.anchor:
            continue
        assert ref.customer_id is not None
        language = language_of[ref.customer_id]
        answer = _answer(rng, tilt[ref.team_code], unresolved=ref.outcome in UNRESOLVED_OUTCOMES)
        sent_at = ref.ended_at + timedelta(minutes=rng.randint(5, 60))
        invitation = Invitation(
            survey=survey,
            encounter_id=ref.encounter_id,
            customer_id=ref.customer_id,
            language=language,
            # A hash of random bits nobody knows: these links cannot be opened.
            token_hash=hashlib.sha256(rng.getrandbits(256).to_bytes(32)).hexdigest(),
            status=InvitationStatus.ANSWERED,
            created_at=sent_at,
            sent_at=sent_at,
            expires_at=sent_at + timedelta(days=survey.invitation_expiry_days),
            answered_at=answered_at,
        )
        invitations.append(invitation)
        responses.append(
            Response(
                invitation=invitation,
                nps=answer.nps,
                csat=answer.csat,
                ces=answer.ces,
                comment=_comment(rng, answer.kind, language, ctx.staff[ref.staff_id].first_name),
                consent_contact=rng.random() < 0.6,
                language=language,
                answered_at=answered_at,
                # The copies `feedback.services.response_copies` makes from
                # an encounter, here from the step's own record of it.
                team_id=ctx.team_ids[ref.team_code],
                staff_id=ref.staff_id,
                channel=ref.channel,
                answered_on=local_date(answered_at),
            )
        )
    Invitation.objects.bulk_create(invitations, batch_size=BATCH_SIZE)
    for response in responses:
        response.invitation_id = response.invitation.pk
    Response.objects.bulk_create(responses, batch_size=BATCH_SIZE)
    answer_days_add(responses=Response.objects.filter(invitation__encounter__source=DEMO_SOURCE))
    # The closed days' copies for the reports by answer language, which the
    # tick would otherwise build over its first runs.
    copied = answer_chunks_build()
    by_invitation = {ref.encounter_id: ref for ref in chosen}
    followups = _followups(ctx, rng, responses, by_invitation)
    FollowUp.objects.bulk_create(followups, batch_size=BATCH_SIZE)
    decisions = _decisions(ctx, invitations=invitations, reach=reach)
    InvitationDecision.objects.bulk_create(decisions, batch_size=BATCH_SIZE)
    open_count = sum(1 for f in followups if f.status == FollowUpStatus.OPEN)
    overdue = sum(1 for f in followups if f.status == FollowUpStatus.OPEN and f.due_at < ctx.anchor)
    return (
        f"{len(responses)} answers, {len(followups)} follow-ups "
        f"({open_count} open, {overdue} of them overdue), {len(decisions)} rule decisions, "
        f"{copied} days copied column by column"
    )


def _customer_reach(ctx: DemoContext) -> dict[int, tuple[bool, bool]]:
    """For each demo customer: may they be sent surveys, and have they an
    e-mail address (the product invites only those with both)."""
    return {
        pk: (consent, bool(email))
        for pk, consent, email in Customer.objects.filter(
            pk__in=[c.customer_id for c in ctx.customers]
        ).values_list("pk", "consent_surveys", "email")
    }


def _decisions(
    ctx: DemoContext, *, invitations: list[Invitation], reach: dict[int, tuple[bool, bool]]
) -> list[InvitationDecision]:
    """What the rules' tick would have recorded for the encounters of their
    teams and channels that were due before the demo's now: an encounter the
    step invited is "invited"; of the others, one outside the rule's sample
    (the tick's own `in_sample`) is "not in the sample", and one inside it
    says why it was not invited: no customer, opted out, no e-mail, or
    invited in the 30 days before."""
    rules = active_rules_by_team()
    fatigue = timedelta(days=settings.KOHTAAMO_SURVEY_FATIGUE_DAYS)
    invited = {i.encounter_id for i in invitations}
    sent: dict[int, list[datetime]] = {}
    for invitation in invitations:
        sent.setdefault(invitation.customer_id, []).append(invitation.created_at)
    decisions = []
    for ref in ctx.encounters:
        rule = rules.get(ctx.team_ids[ref.team_code])
        if rule is None or ref.channel not in rule.channels:
            continue
        decided_at = ref.ended_at + timedelta(hours=rule.delay_hours)
        if decided_at > ctx.anchor:
            continue
        if ref.encounter_id in invited:
            outcome = DecisionOutcome.INVITED
        elif not in_sample(encounter_id=ref.encounter_id, percent=rule.sampling_percent):
            outcome = DecisionOutcome.SAMPLED_OUT
        elif ref.customer_id is None:
            outcome = DecisionOutcome.NO_CUSTOMER
        elif not reach[ref.customer_id][0]:
            outcome = DecisionOutcome.OPTED_OUT
        elif not reach[ref.customer_id][1]:
            outcome = DecisionOutcome.NO_EMAIL
        elif any(decided_at - fatigue <= at <= decided_at for at in sent.get(ref.customer_id, [])):
            outcome = DecisionOutcome.INVITED_RECENTLY
        else:
            outcome = DecisionOutcome.SAMPLED_OUT
        decisions.append(
            InvitationDecision(
                encounter_id=ref.encounter_id, rule=rule, outcome=outcome, decided_at=decided_at
            )
        )
    return decisions


def _survey() -> Survey:
    survey, _created = Survey.objects.get_or_create(name=SURVEY_NAME, unit=None)
    return survey


def _team_tilts(codes: list[str], rng: random.Random) -> dict[str, float]:
    """How much better or worse than the average each team does; centred, so
    that the organisation as a whole stays near +35."""
    raw = {code: rng.uniform(-TEAM_TILT, TEAM_TILT) for code in codes}
    mean = sum(raw.values()) / len(raw) if raw else 0.0
    return {code: value - mean for code, value in raw.items()}


def _answer(rng: random.Random, tilt: float, *, unresolved: bool) -> _Answer:
    promoters = PROMOTER_SHARE + tilt
    detractors = DETRACTOR_SHARE - 0.7 * tilt
    if unresolved:
        promoters, detractors = promoters / 3, min(0.8, detractors * 3)
    draw = rng.random()
    if draw < promoters:
        kind = PROMOTER
        nps = rng.choices((9, 10), (45, 55))[0]
        csat = rng.choices((4, 5), (30, 70))[0]
        ces = rng.choices((5, 6, 7), (15, 40, 45))[0]
    elif draw < promoters + detractors:
        kind = DETRACTOR
        nps = rng.choices(range(7), (1, 1, 2, 3, 5, 8, 10))[0]
        csat = rng.choices((1, 2, 3), (25, 40, 35))[0]
        ces = rng.choices((1, 2, 3, 4), (20, 30, 30, 20))[0]
    else:
        kind = PASSIVE
        nps = rng.choice((7, 8))
        csat = rng.choices((3, 4, 5), (30, 60, 10))[0]
        ces = rng.choices((4, 5, 6), (35, 40, 25))[0]
    return _Answer(nps=nps, csat=csat, ces=ces, kind=kind)


def _comment(rng: random.Random, kind: str, language: str, agent: str) -> str:
    if rng.random() >= COMMENT_SHARE[kind]:
        return ""
    texts = COMMENTS.get(language, COMMENTS["fi"])[kind]
    return rng.choice(texts).format(agent=agent)


def _followups(
    ctx: DemoContext,
    rng: random.Random,
    responses: list[Response],
    refs: dict[int, EncounterRef],
) -> list[FollowUp]:
    leads = {
        code: next((user_id for user_id, role in members if role == TeamRole.LEAD), None)
        for code, members in ctx.team_members.items()
    }
    followups = []
    for response in responses:
        unhappy = (response.nps is not None and response.nps <= DETRACTOR_MAX) or (
            response.csat is not None and response.csat <= CSAT_UNHAPPY_MAX
        )
        if not unhappy:
            continue
        ref = refs[response.invitation.encounter_id]
        opened: datetime = response.answered_at
        followup = FollowUp(
            response_id=response.pk,
            encounter_id=ref.encounter_id,
            team_id=ctx.team_ids[ref.team_code],
            assignee_id=leads.get(ref.team_code),
            created_at=opened,
            due_at=followup_due(opened_at=opened),
        )
        old_enough = opened < ctx.anchor - timedelta(days=CLOSED_AFTER_DAYS)
        if old_enough and rng.random() < CLOSED_SHARE:
            outcome = rng.choices([o for o, _ in OUTCOMES], [w for _, w in OUTCOMES])[0]
            closed_at = opened + timedelta(hours=rng.uniform(2, 52))
            followup.status = FollowUpStatus.CLOSED
            followup.outcome = outcome
            followup.root_cause = rng.choices(
                [c for c, _ in ROOT_CAUSES], [w for _, w in ROOT_CAUSES]
            )[0]
            followup.note = rng.choice(FOLLOWUP_NOTES[outcome])
            followup.contacted_at = None if outcome == FollowUpOutcome.NOT_REACHED else closed_at
            followup.closed_at = closed_at
            followup.closed_by_id = followup.assignee_id
        followups.append(followup)
    return followups
