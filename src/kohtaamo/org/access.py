"""Who may see what. Every view and API endpoint asks this module.

The rules (PRODUCT.md, issue 3):
- an agent sees their own encounters;
- a lead sees the encounters of the teams they lead (and their own);
- a manager sees everything under the units they manage;
- an admin (a superuser) sees everything.

Lookups of a single object go through the `get_*_or_404` helpers, which answer
404 for an object that exists but belongs to someone else, so that ids cannot
be probed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from kohtaamo.org.models import Role, Team, TeamMembership, TeamRole, Unit, UnitManager

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    from kohtaamo.encounters.models import Customer, Encounter, ImportJob
    from kohtaamo.feedback.models import FollowUp, Response

    AnyUser = AbstractBaseUser | AnonymousUser

_SCOPE_ATTR = "_kohtaamo_scope"


@dataclass(frozen=True)
class Scope:
    user_id: int | None
    is_admin: bool
    member_team_ids: frozenset[int]
    led_team_ids: frozenset[int]
    managed_unit_paths: tuple[str, ...]

    @property
    def role(self) -> Role:
        if self.user_id is None:
            return Role.ANONYMOUS
        if self.is_admin:
            return Role.ADMIN
        if self.managed_unit_paths:
            return Role.MANAGER
        if self.led_team_ids:
            return Role.LEAD
        return Role.AGENT

    def _under_managed(self, path_field: str) -> Q:
        if not self.managed_unit_paths:
            return Q(pk__in=[])
        return reduce(or_, (Q(**{f"{path_field}__startswith": p}) for p in self.managed_unit_paths))


_ANONYMOUS = Scope(None, False, frozenset(), frozenset(), ())


def scope_for(user: Any) -> Scope:
    """The person's memberships, read once per request and kept on the user."""
    if user is None or not user.is_authenticated or not user.is_active:
        return _ANONYMOUS
    cached = getattr(user, _SCOPE_ATTR, None)
    if cached is not None:
        return cached
    memberships = list(TeamMembership.objects.filter(user=user).values_list("team_id", "role"))
    paths = tuple(
        UnitManager.objects.filter(user=user).values_list("unit__path", flat=True).order_by()
    )
    scope = Scope(
        user_id=user.pk,
        is_admin=bool(user.is_superuser),
        member_team_ids=frozenset(t for t, _ in memberships),
        led_team_ids=frozenset(t for t, r in memberships if r == TeamRole.LEAD),
        managed_unit_paths=paths,
    )
    setattr(user, _SCOPE_ATTR, scope)
    return scope


def forget_scope(user: Any) -> None:
    """Drop the cached scope after memberships change within one request."""
    if hasattr(user, _SCOPE_ATTR):
        delattr(user, _SCOPE_ATTR)


def role_of(user: Any) -> Role:
    return scope_for(user).role


# --- Capabilities -----------------------------------------------------------


def can_manage_organisation(user: Any) -> bool:
    return scope_for(user).is_admin


def can_import(user: Any) -> bool:
    scope = scope_for(user)
    return scope.is_admin or bool(scope.managed_unit_paths)


def can_create_customers(user: Any) -> bool:
    """Admins and managers record customers (by hand, API or import)."""
    scope = scope_for(user)
    return scope.is_admin or bool(scope.managed_unit_paths)


def can_view_people(user: Any) -> bool:
    return scope_for(user).role in (Role.LEAD, Role.MANAGER, Role.ADMIN)


def is_signed_in(user: Any) -> bool:
    return scope_for(user).user_id is not None


# --- Querysets of what a person may see ---------------------------------------


def visible_units(user: Any) -> QuerySet[Unit]:
    scope = scope_for(user)
    units = Unit.objects.all()
    if scope.is_admin:
        return units
    if scope.user_id is None:
        return units.none()
    return units.filter(
        scope._under_managed("path") | Q(teams__id__in=scope.member_team_ids)
    ).distinct()


def visible_teams(user: Any) -> QuerySet[Team]:
    scope = scope_for(user)
    teams = Team.objects.select_related("unit")
    if scope.is_admin:
        return teams
    if scope.user_id is None:
        return teams.none()
    return teams.filter(scope._under_managed("unit__path") | Q(id__in=scope.member_team_ids))


def visible_people(user: Any) -> QuerySet[Any]:
    """Staff a person may look up: a lead their teams, a manager their units."""
    scope = scope_for(user)
    people = get_user_model().objects.filter(is_active=True)
    if scope.is_admin:
        return people
    if scope.user_id is None:
        return people.none()
    rule = (
        Q(pk=scope.user_id)
        | Q(team_memberships__team_id__in=scope.led_team_ids)
        | scope._under_managed("team_memberships__team__unit__path")
    )
    return people.filter(pk__in=people.filter(rule).values("pk"))


def people_on_record(user: Any) -> QuerySet[Any]:
    """Like `visible_people`, but an admin also finds deactivated people, so
    that the organisation pages can show and reactivate them."""
    if scope_for(user).is_admin:
        return get_user_model().objects.all()
    return visible_people(user)


def visible_encounters(user: Any) -> QuerySet[Encounter]:
    from kohtaamo.encounters.models import Encounter

    scope = scope_for(user)
    encounters = Encounter.objects.all()
    if scope.is_admin:
        return encounters
    if scope.user_id is None:
        return encounters.none()
    return encounters.filter(
        Q(staff_id=scope.user_id)
        | Q(team_id__in=scope.led_team_ids)
        | scope._under_managed("team__unit__path")
    )


def visible_customers(user: Any) -> QuerySet[Customer]:
    """Admins see every customer; others the customers of encounters they see."""
    from kohtaamo.encounters.models import Customer

    scope = scope_for(user)
    if scope.is_admin:
        return Customer.objects.all()
    if scope.user_id is None:
        return Customer.objects.none()
    ids = visible_encounters(user).filter(customer__isnull=False).values("customer_id")
    return Customer.objects.filter(pk__in=ids)


# --- Single objects -----------------------------------------------------------


def get_encounter_or_404(user: Any, pk: int) -> Encounter:
    encounters = visible_encounters(user).select_related("staff", "team__unit", "customer")
    try:
        return get_object_or_404(encounters, pk=pk)
    except (ValueError, TypeError) as exc:
        raise Http404 from exc


def get_team_or_404(user: Any, pk: int) -> Team:
    return get_object_or_404(visible_teams(user), pk=pk)


def get_unit_or_404(user: Any, pk: int) -> Unit:
    return get_object_or_404(visible_units(user), pk=pk)


def get_person_or_404(user: Any, pk: int) -> Any:
    return get_object_or_404(visible_people(user), pk=pk)


def get_person_on_record_or_404(user: Any, pk: int) -> Any:
    return get_object_or_404(people_on_record(user), pk=pk)


def get_customer_or_404(user: Any, pk: int) -> Customer:
    return get_object_or_404(visible_customers(user), pk=pk)


def may_assign_encounter(user: Any, *, staff_id: int, team_id: int) -> bool:
    """May this person create or update an encounter for that staff and team?"""
    team_ids = writable_team_ids(user)
    return team_ids is None or team_id in team_ids


# --- Writing encounters and importing --------------------------------------------


def writable_team_ids(user: Any) -> frozenset[int] | None:
    """The teams whose encounters this person may create or update (REST API,
    web import): an admin every team (None), a manager the teams under their
    units, a lead the teams they lead, an agent none."""
    scope = scope_for(user)
    if scope.is_admin:
        return None
    if scope.user_id is None:
        return frozenset()
    team_ids = set(scope.led_team_ids)
    if scope.managed_unit_paths:
        under = Team.objects.filter(scope._under_managed("unit__path"))
        team_ids.update(under.values_list("pk", flat=True))
    return frozenset(team_ids)


def can_write_encounters(user: Any) -> bool:
    team_ids = writable_team_ids(user)
    return team_ids is None or bool(team_ids)


def can_import_kind(user: Any, kind: str) -> bool:
    """Encounters: whoever may import; customers: whoever may record customers."""
    if not can_import(user):
        return False
    return kind != "customers" or can_create_customers(user)


def visible_import_jobs(user: Any) -> QuerySet[ImportJob]:
    """A person sees the imports they uploaded; an admin sees all."""
    from kohtaamo.encounters.models import ImportJob

    scope = scope_for(user)
    jobs = ImportJob.objects.select_related("created_by")
    if scope.is_admin:
        return jobs
    if scope.user_id is None or not can_import(user):
        return jobs.none()
    return jobs.filter(created_by_id=scope.user_id)


def get_import_job_or_404(user: Any, pk: int) -> ImportJob:
    return get_object_or_404(visible_import_jobs(user), pk=pk)


# --- Feedback -------------------------------------------------------------------


def can_follow_up(user: Any) -> bool:
    """Leads, managers and admins call unhappy customers back (issue 4)."""
    return scope_for(user).role in (Role.LEAD, Role.MANAGER, Role.ADMIN)


def visible_followups(user: Any) -> QuerySet[FollowUp]:
    """The assignee, the leads of the encounter's team, the managers above it
    and admins see a follow-up."""
    from kohtaamo.feedback.models import FollowUp

    scope = scope_for(user)
    followups = FollowUp.objects.all()
    if scope.is_admin:
        return followups
    if scope.user_id is None:
        return followups.none()
    return followups.filter(
        Q(assignee_id=scope.user_id)
        | Q(team_id__in=scope.led_team_ids)
        | scope._under_managed("team__unit__path")
    )


def get_followup_or_404(user: Any, pk: int) -> FollowUp:
    followups = visible_followups(user).select_related(
        "response__invitation__customer", "encounter__staff", "team__unit", "assignee"
    )
    return get_object_or_404(followups, pk=pk)


def visible_responses(user: Any) -> QuerySet[Response]:
    """Survey answers follow their encounter: staff see the answers to their
    own encounters, leads their teams', managers their units'."""
    from kohtaamo.feedback.models import Response

    return Response.objects.filter(invitation__encounter__in=visible_encounters(user))
