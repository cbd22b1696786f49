"""Reads of the organisation, always through what the person may see."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from kohtaamo.org import access
from kohtaamo.org.models import Team, TeamMembership, Unit


def unit_tree(*, user: Any) -> list[Unit]:
    """Visible units in tree order (by path), each with its visible teams."""
    teams = access.visible_teams(user).order_by("name")
    return list(
        access.visible_units(user)
        .order_by("path")
        .prefetch_related(Prefetch("teams", queryset=teams, to_attr="visible_teams"))
    )


def team_members(*, team: Team) -> QuerySet[TeamMembership]:
    return team.memberships.select_related("user").order_by("-role", "user__first_name")
