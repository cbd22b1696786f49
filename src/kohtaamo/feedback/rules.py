"""Invitation rules: writing them, and choosing the encounters they invite.

An encounter is due when it ended at least the rule's delay ago. The tick
looks only at encounters that became due within `CATCH_UP`, so that a tick
that was down for a while catches up, while a rule made today never invites
customers of last month, nor an import of old encounters.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from kohtaamo.encounters.models import Channel, Encounter
from kohtaamo.feedback.models import (
    DecisionOutcome,
    InvitationDecision,
    InvitationRule,
    Survey,
)
from kohtaamo.feedback.models_delivery import DELAY_HOURS_MAX, SAMPLING_MAX
from kohtaamo.feedback.services import invitation_create
from kohtaamo.org.models import Team, Unit, path_unit_ids

ERROR_RULE_TARGET = _("Choose either a unit or a team.")
ERROR_RULE_EXISTS = _("This unit or team already has an invitation rule; change that one.")
ERROR_RULE_CHANNELS = _("Choose at least one channel.")
ERROR_RULE_DELAY = _("The delay must be from 0 to %(max)s hours.")
ERROR_RULE_SAMPLING = _("The share must be from 0 to %(max)s per cent.")
ERROR_RULE_SURVEY = _("This survey belongs to another unit.")

CATCH_UP = timedelta(days=2)

_OUTCOME_OF_REFUSAL = {
    "no_customer": DecisionOutcome.NO_CUSTOMER,
    "no_email": DecisionOutcome.NO_EMAIL,
    "opted_out": DecisionOutcome.OPTED_OUT,
    "invited_recently": DecisionOutcome.INVITED_RECENTLY,
    "already_invited": DecisionOutcome.ALREADY_INVITED,
}


def _check_rule(
    *,
    unit: Unit | None,
    team: Team | None,
    survey: Survey,
    channels: Iterable[str],
    delay_hours: int,
    sampling_percent: int,
) -> list[str]:
    if (unit is None) == (team is None):
        raise ValidationError(ERROR_RULE_TARGET, code="target")
    errors: dict[str, ValidationError] = {}
    chosen = sorted(set(channels))
    if not chosen or any(c not in Channel.values for c in chosen):
        errors["channels"] = ValidationError(ERROR_RULE_CHANNELS, code="channels")
    if not 0 <= delay_hours <= DELAY_HOURS_MAX:
        errors["delay_hours"] = ValidationError(
            ERROR_RULE_DELAY, code="delay", params={"max": DELAY_HOURS_MAX}
        )
    if not 0 <= sampling_percent <= SAMPLING_MAX:
        errors["sampling_percent"] = ValidationError(
            ERROR_RULE_SAMPLING, code="sampling", params={"max": SAMPLING_MAX}
        )
    target_unit = unit if unit is not None else team.unit  # type: ignore[union-attr]
    if survey.unit_id is not None and survey.unit_id not in target_unit.lineage_ids:
        errors["survey"] = ValidationError(ERROR_RULE_SURVEY, code="survey")
    if errors:
        raise ValidationError(errors)
    return chosen


def invitation_rule_create(
    *,
    unit: Unit | None = None,
    team: Team | None = None,
    survey: Survey,
    channels: Iterable[str],
    delay_hours: int,
    sampling_percent: int,
    active: bool = True,
) -> InvitationRule:
    chosen = _check_rule(
        unit=unit,
        team=team,
        survey=survey,
        channels=channels,
        delay_hours=delay_hours,
        sampling_percent=sampling_percent,
    )
    try:
        with transaction.atomic():
            return InvitationRule.objects.create(
                unit=unit,
                team=team,
                survey=survey,
                channels=chosen,
                delay_hours=delay_hours,
                sampling_percent=sampling_percent,
                active=active,
            )
    except IntegrityError as exc:
        raise ValidationError(ERROR_RULE_EXISTS, code="exists") from exc


def invitation_rule_update(
    *,
    rule: InvitationRule,
    survey: Survey,
    channels: Iterable[str],
    delay_hours: int,
    sampling_percent: int,
    active: bool,
) -> InvitationRule:
    """Everything but the unit or team a rule is for; that is a new rule."""
    chosen = _check_rule(
        unit=rule.unit,
        team=rule.team,
        survey=survey,
        channels=channels,
        delay_hours=delay_hours,
        sampling_percent=sampling_percent,
    )
    with transaction.atomic():
        rule.survey = survey
        rule.channels = chosen
        rule.delay_hours = delay_hours
        rule.sampling_percent = sampling_percent
        rule.active = active
        rule.save()
    return rule


def invitation_rule_delete(*, rule: InvitationRule) -> None:
    rule.delete()


def rule_for_team(*, team: Team) -> InvitationRule | None:
    """The rule that decides for the team: its own, else the nearest unit's."""
    own = InvitationRule.objects.filter(team=team).select_related("survey").first()
    if own is not None:
        return own
    unit_ids = team.unit.lineage_ids
    by_unit = {
        r.unit_id: r
        for r in InvitationRule.objects.filter(unit_id__in=unit_ids).select_related("survey")
    }
    for unit_id in reversed(unit_ids):
        if unit_id in by_unit:
            return by_unit[unit_id]
    return None


def active_rules_by_team() -> dict[int, InvitationRule]:
    """For every team, the rule that decides for it, if that rule is active."""
    rules = list(InvitationRule.objects.select_related("survey"))
    by_team = {r.team_id: r for r in rules if r.team_id is not None}
    by_unit = {r.unit_id: r for r in rules if r.unit_id is not None}
    chosen: dict[int, InvitationRule] = {}
    for team_id, path in Team.objects.values_list("pk", "unit__path"):
        rule = by_team.get(team_id)
        if rule is None:
            rule = next((by_unit[u] for u in reversed(path_unit_ids(path)) if u in by_unit), None)
        if rule is not None and rule.active:
            chosen[team_id] = rule
    return chosen


def in_sample(*, encounter_id: int, percent: int) -> bool:
    """Deterministic: the same encounter is always in or out of a given share,
    and a larger share contains every encounter of a smaller one."""
    digest = hashlib.sha256(f"kohtaamo-sample:{encounter_id}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % 100 < percent


def encounter_decide(*, encounter: Encounter, rule: InvitationRule) -> InvitationDecision | None:
    """Invite the encounter if the rule's sample and the customer allow, and
    record the decision; None if another tick decided it first."""
    try:
        with transaction.atomic():
            outcome = DecisionOutcome.SAMPLED_OUT
            if in_sample(encounter_id=encounter.pk, percent=rule.sampling_percent):
                try:
                    invitation_create(
                        encounter=encounter, survey=rule.survey, rule=rule, send_email=True
                    )
                    outcome = DecisionOutcome.INVITED
                except ValidationError as exc:
                    outcome = _OUTCOME_OF_REFUSAL[str(exc.code)]
            return InvitationDecision.objects.create(
                encounter=encounter, rule=rule, outcome=outcome
            )
    except IntegrityError:
        return None


def encounters_invite_due(*, now: datetime, limit: int = 500) -> list[InvitationDecision]:
    """Decide the due encounters not decided yet, at most `limit` per tick."""
    decisions: list[InvitationDecision] = []
    by_rule: dict[int, tuple[InvitationRule, list[int]]] = {}
    for team_id, rule in active_rules_by_team().items():
        by_rule.setdefault(rule.pk, (rule, []))[1].append(team_id)
    for rule, team_ids in by_rule.values():
        due_before = now - timedelta(hours=rule.delay_hours)
        encounters = (
            Encounter.objects.filter(
                team_id__in=team_ids,
                channel__in=rule.channels,
                ended_at__lte=due_before,
                ended_at__gt=due_before - CATCH_UP,
                invitation_decision__isnull=True,
            )
            .select_related("customer")
            .order_by("ended_at", "pk")[: limit - len(decisions)]
        )
        for encounter in encounters:
            decision = encounter_decide(encounter=encounter, rule=rule)
            if decision is not None:
                decisions.append(decision)
        if len(decisions) >= limit:
            break
    return decisions
