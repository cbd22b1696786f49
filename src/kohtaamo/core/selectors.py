"""Reads for the start page: what each role sees first."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from kohtaamo.org import access
from kohtaamo.org.models import Role, Team, Unit, UnitManager
from kohtaamo.org.selectors import organisation_counts

RECENT_ENCOUNTERS = 5


@dataclass(frozen=True)
class TeamLine:
    team: Team
    encounters_last_7_days: int
    is_led: bool


@dataclass(frozen=True)
class UnitLine:
    unit: Unit
    teams: int
    encounters_last_7_days: int


@dataclass(frozen=True)
class FollowUpCounts:
    open: int
    overdue: int


@dataclass(frozen=True)
class HomeSummary:
    role: Role
    encounters_last_7_days: int
    encounters_with_transcript_last_7_days: int
    recent_encounters: list[Any] = field(default_factory=list)
    teams: list[TeamLine] = field(default_factory=list)
    units: list[UnitLine] = field(default_factory=list)
    organisation: dict[str, int] = field(default_factory=dict)
    # The call-backs waiting, for those who make them (None for the others).
    followups: FollowUpCounts | None = None


def home_summary(*, user: Any) -> HomeSummary:
    """Agents see their own work and teams, leads their teams, managers their
    units, admins the whole organisation; everyone their latest encounters."""
    scope = access.scope_for(user)
    role = scope.role
    since = timezone.now() - timedelta(days=7)
    recent = access.visible_encounters(user).filter(started_at__gte=since)
    totals = recent.aggregate(
        all=Count("id"), with_transcript=Count("id", filter=Q(has_transcript=True))
    )
    per_team = dict(recent.values_list("team_id").annotate(n=Count("id")).order_by())
    summary: dict[str, Any] = {
        "role": role,
        "encounters_last_7_days": totals["all"],
        "encounters_with_transcript_last_7_days": totals["with_transcript"],
        "recent_encounters": list(
            access.visible_encounters(user)
            .select_related("staff", "team", "customer")
            .order_by("-started_at", "-id")[:RECENT_ENCOUNTERS]
        ),
    }
    if role in (Role.AGENT, Role.LEAD):
        teams = access.visible_teams(user).filter(pk__in=scope.member_team_ids).order_by("name")
        lines = [
            TeamLine(team, per_team.get(team.pk, 0), team.pk in scope.led_team_ids)
            for team in teams
        ]
        summary["teams"] = sorted(lines, key=lambda line: not line.is_led)
    elif role == Role.MANAGER:
        all_teams = list(access.visible_teams(user))
        managed = UnitManager.objects.filter(user=user).select_related("unit")
        summary["units"] = [
            UnitLine(
                row.unit,
                sum(1 for t in all_teams if t.unit.path.startswith(row.unit.path)),
                sum(
                    per_team.get(t.pk, 0)
                    for t in all_teams
                    if t.unit.path.startswith(row.unit.path)
                ),
            )
            for row in managed.order_by("unit__path")
        ]
    elif role == Role.ADMIN:
        summary["organisation"] = organisation_counts()
    if access.can_follow_up(user):
        summary["followups"] = followup_counts(user=user)
    return HomeSummary(**summary)


def followup_counts(*, user: Any) -> FollowUpCounts:
    """The open follow-ups this person sees, and how many are overdue
    (`FollowUp.is_overdue`: past their due time)."""
    from kohtaamo.feedback.models import FollowUpStatus

    counts = (
        access.visible_followups(user)
        .filter(status=FollowUpStatus.OPEN)
        .aggregate(open=Count("id"), overdue=Count("id", filter=Q(due_at__lt=timezone.now())))
    )
    return FollowUpCounts(open=counts["open"], overdue=counts["overdue"])
