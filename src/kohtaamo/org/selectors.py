"""Reads of the organisation, always through what the person may see."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q, QuerySet

from kohtaamo.org import access
from kohtaamo.org.models import Team, TeamMembership, TeamRole, Unit, UnitManager


class PersonRole:
    """The values of the people list's role filter."""

    AGENT = "agent"
    LEAD = "lead"
    MANAGER = "manager"
    ADMIN = "admin"


class PersonStatus:
    ACTIVE = "active"
    INACTIVE = "inactive"
    ALL = "all"


@dataclass
class UnitNode:
    unit: Unit
    children: list[UnitNode] = field(default_factory=list)


def unit_tree(*, user: Any) -> list[Unit]:
    """Visible units in tree order (by path), each with its visible teams."""
    teams = access.visible_teams(user).order_by("name")
    return list(
        access.visible_units(user)
        .order_by("path")
        .prefetch_related(Prefetch("teams", queryset=teams, to_attr="visible_teams"))
    )


def unit_forest(*, user: Any) -> list[UnitNode]:
    """The visible units as nested nodes. A unit whose parent the person does
    not see (a lead sees their hotel, not the region) becomes a root."""
    nodes: dict[int, UnitNode] = {}
    roots: list[UnitNode] = []
    for unit in unit_tree(user=user):
        node = UnitNode(unit)
        nodes[unit.pk] = node
        parent = nodes.get(unit.parent_id) if unit.parent_id else None
        (parent.children if parent else roots).append(node)
    return roots


def unit_choices(*, user: Any) -> QuerySet[Unit]:
    return access.visible_units(user).order_by("path")


def unit_ancestors(*, user: Any, unit: Unit) -> list[Unit]:
    """The visible units above this one, from the root down."""
    ids = unit.lineage_ids[:-1]
    return list(access.visible_units(user).filter(pk__in=ids).order_by("depth"))


def unit_children(*, user: Any, unit: Unit) -> QuerySet[Unit]:
    return access.visible_units(user).filter(parent=unit).order_by("name")


def unit_teams(*, user: Any, unit: Unit) -> QuerySet[Team]:
    return access.visible_teams(user).filter(unit=unit).order_by("name")


def unit_managers(*, unit: Unit) -> QuerySet[UnitManager]:
    return unit.managers.select_related("user").order_by("user__first_name", "user__last_name")


def team_members(*, team: Team) -> QuerySet[TeamMembership]:
    # "lead" sorts after "agent"; leads come first.
    return team.memberships.select_related("user").order_by(
        "-role", "user__first_name", "user__last_name"
    )


def team_candidates(*, team: Team) -> QuerySet[Any]:
    """Active people not yet in the team, for the "add member" form."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(team_memberships__team=team)
        .order_by("first_name", "last_name", "email")
    )


def people_list(
    *,
    user: Any,
    text: str = "",
    team: Team | None = None,
    role: str = "",
    status: str = PersonStatus.ACTIVE,
) -> QuerySet[Any]:
    """People the person may look up, filtered, each with the memberships of
    teams the viewer sees in `visible_memberships`."""
    people = access.people_on_record(user)
    if status == PersonStatus.ACTIVE:
        people = people.filter(is_active=True)
    elif status == PersonStatus.INACTIVE:
        people = people.filter(is_active=False)
    for word in text.split():
        people = people.filter(
            Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(email__icontains=word)
        )
    # Team and team role go in one filter() so that they must hold for the
    # same membership: "leads of team X", not "in X and a lead somewhere".
    membership: dict[str, Any] = {}
    if team is not None:
        membership["team_memberships__team"] = team
    if role == PersonRole.AGENT:
        membership["team_memberships__role"] = TeamRole.AGENT
    elif role == PersonRole.LEAD:
        membership["team_memberships__role"] = TeamRole.LEAD
    if membership:
        people = people.filter(**membership)
    if role == PersonRole.MANAGER:
        people = people.filter(managed_units__isnull=False)
    elif role == PersonRole.ADMIN:
        people = people.filter(is_superuser=True)
    # The joins above can repeat a person; filter by id instead of DISTINCT.
    ids = people.values("pk")
    return (
        get_user_model()
        .objects.filter(pk__in=ids)
        .order_by("first_name", "last_name", "email")
        .prefetch_related(_visible_memberships(user=user))
    )


def _visible_memberships(*, user: Any) -> Prefetch[Any]:
    memberships = (
        TeamMembership.objects.filter(team__in=access.visible_teams(user))
        .select_related("team")
        .order_by("team__name")
    )
    return Prefetch("team_memberships", queryset=memberships, to_attr="visible_memberships")


def person_memberships(*, user: Any, person: Any) -> QuerySet[TeamMembership]:
    """The person's teams that the viewer sees."""
    return (
        TeamMembership.objects.filter(user=person, team__in=access.visible_teams(user))
        .select_related("team__unit")
        .order_by("team__name")
    )


def person_managed_units(*, user: Any, person: Any) -> QuerySet[UnitManager]:
    """The units the person manages, as far as the viewer sees them."""
    return (
        UnitManager.objects.filter(user=person, unit__in=access.visible_units(user))
        .select_related("unit")
        .order_by("unit__path")
    )


def organisation_counts() -> dict[str, int]:
    """Sizes of the whole organisation, for the admin's start page."""
    return {
        "units": Unit.objects.count(),
        "teams": Team.objects.count(),
        "people": get_user_model().objects.filter(is_active=True).count(),
    }


# --- REST API -----------------------------------------------------------------


def unit_list(*, user: Any, parent_id: int | None = None) -> QuerySet[Unit]:
    units = access.visible_units(user)
    if parent_id is not None:
        units = units.filter(parent_id=parent_id)
    return units.order_by("path")


def team_list(*, user: Any, unit_id: int | None = None) -> QuerySet[Team]:
    teams = access.visible_teams(user)
    if unit_id is not None:
        teams = teams.filter(unit_id=unit_id)
    return teams.order_by("name", "pk")


def people_with_roles(*, user: Any, team_id: int | None = None, role: str = "") -> QuerySet[Any]:
    """Active people as `people_list` filters them, each also with the units
    they manage that the viewer sees, in `visible_managed_units`."""
    team = None
    if team_id is not None:
        team = access.visible_teams(user).filter(pk=team_id).first()
        if team is None:
            return get_user_model().objects.none()
    managed = UnitManager.objects.filter(unit__in=access.visible_units(user)).order_by("unit__path")
    return people_list(user=user, team=team, role=role).prefetch_related(
        Prefetch("managed_units", queryset=managed, to_attr="visible_managed_units")
    )
