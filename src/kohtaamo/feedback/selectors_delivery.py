"""Reads of the delivery pages: what each rule decided lately, and the
e-mails that could not be sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count

from kohtaamo.feedback.models import DecisionOutcome, InvitationDecision, InvitationRule


@dataclass(frozen=True)
class RuleTally:
    """The decisions of one rule in a period: `invited` out of `decided`."""

    decided: int
    invited: int


def rule_tallies(*, rules: list[InvitationRule], since: datetime) -> dict[int, RuleTally]:
    rows = (
        InvitationDecision.objects.filter(rule__in=rules, decided_at__gte=since)
        .values("rule_id", "outcome")
        .annotate(n=Count("pk"))
        .order_by()
    )
    decided: dict[int, int] = {}
    invited: dict[int, int] = {}
    for row in rows:
        decided[row["rule_id"]] = decided.get(row["rule_id"], 0) + row["n"]
        if row["outcome"] == DecisionOutcome.INVITED:
            invited[row["rule_id"]] = row["n"]
    return {rule.pk: RuleTally(decided.get(rule.pk, 0), invited.get(rule.pk, 0)) for rule in rules}


def with_tallies(*, rules: list[InvitationRule], since: datetime) -> list[Any]:
    """The rules, each carrying its `tally`."""
    tallies = rule_tallies(rules=rules, since=since)
    for rule in rules:
        rule.tally = tallies[rule.pk]  # type: ignore[attr-defined]
    return rules
