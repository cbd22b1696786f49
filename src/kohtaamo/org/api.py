"""Units, teams and people in the REST API. Everyone reads what the access
module lets them see; only admins create."""

# No `from __future__ import annotations`: ninja's paginate wrapper reads the
# annotations in its own module, where these names are unknown.
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Query, Router, Status
from ninja.pagination import paginate

from kohtaamo.core.api_common import (
    ERROR_UNKNOWN_TEAM,
    ERROR_UNKNOWN_UNIT,
    READ_ERRORS,
    WRITE_ERRORS,
    ObjectId,
    Page,
    require,
)
from kohtaamo.org import access, selectors, services
from kohtaamo.org.models import Team, TeamRole, Unit
from kohtaamo.org.schemas import (
    PersonFilters,
    PersonIn,
    PersonOut,
    TeamFilters,
    TeamIn,
    TeamOut,
    UnitFilters,
    UnitIn,
    UnitOut,
)

router = Router(tags=["organisation"])


def _unit_in_field(user: Any, pk: int, field: str) -> Unit:
    unit = access.visible_units(user).filter(pk=pk).first()
    if unit is None:
        raise ValidationError({field: ERROR_UNKNOWN_UNIT})
    return unit


def _roles_in_payload(
    user: Any, payload: PersonIn
) -> tuple[list[tuple[Team, TeamRole]], list[Unit]]:
    """The teams and units a new person's roles name, with every unknown one
    reported at its place in the payload."""
    teams = access.visible_teams(user).in_bulk([m.team for m in payload.memberships])
    units = access.visible_units(user).in_bulk(payload.managed_units)
    errors: dict[str, Any] = {}
    for i, membership in enumerate(payload.memberships):
        if membership.team not in teams:
            errors[f"memberships.{i}.team"] = ERROR_UNKNOWN_TEAM
    for i, pk in enumerate(payload.managed_units):
        if pk not in units:
            errors[f"managed_units.{i}"] = ERROR_UNKNOWN_UNIT
    if errors:
        raise ValidationError(errors)
    memberships = [(teams[m.team], m.role) for m in payload.memberships]
    return memberships, [units[pk] for pk in payload.managed_units]


# --- Units ------------------------------------------------------------------------


@router.get("/units", response=list[UnitOut], url_name="unit_list", summary="List units")
@paginate(Page)
def unit_list(request: HttpRequest, filters: Query[UnitFilters]) -> QuerySet[Unit]:
    return selectors.unit_list(user=request.user, parent_id=filters.parent)


@router.get(
    "/units/{int:unit_id}",
    response={200: UnitOut, **READ_ERRORS},
    url_name="unit_detail",
    summary="Get a unit",
)
def unit_detail(request: HttpRequest, unit_id: ObjectId) -> Unit:
    return access.get_unit_or_404(request.user, unit_id)


@router.post(
    "/units",
    response={201: UnitOut, **WRITE_ERRORS},
    url_name="unit_create",
    summary="Create a unit (admins)",
)
def unit_create(request: HttpRequest, payload: UnitIn) -> Status:
    require(access.can_manage_organisation(request.user))
    parent = None
    if payload.parent is not None:
        parent = _unit_in_field(request.user, payload.parent, "parent")
    unit = services.unit_create(name=payload.name, code=payload.code, parent=parent)
    return Status(201, unit)


# --- Teams ------------------------------------------------------------------------


@router.get("/teams", response=list[TeamOut], url_name="team_list", summary="List teams")
@paginate(Page)
def team_list(request: HttpRequest, filters: Query[TeamFilters]) -> QuerySet[Team]:
    return selectors.team_list(user=request.user, unit_id=filters.unit)


@router.get(
    "/teams/{int:team_id}",
    response={200: TeamOut, **READ_ERRORS},
    url_name="team_detail",
    summary="Get a team",
)
def team_detail(request: HttpRequest, team_id: ObjectId) -> Team:
    return access.get_team_or_404(request.user, team_id)


@router.post(
    "/teams",
    response={201: TeamOut, **WRITE_ERRORS},
    url_name="team_create",
    summary="Create a team (admins)",
)
def team_create(request: HttpRequest, payload: TeamIn) -> Status:
    require(access.can_manage_organisation(request.user))
    unit = _unit_in_field(request.user, payload.unit, "unit")
    team = services.team_create(name=payload.name, code=payload.code, unit=unit)
    return Status(201, team)


# --- People -----------------------------------------------------------------------


@router.get("/people", response=list[PersonOut], url_name="person_list", summary="List people")
@paginate(Page)
def person_list(request: HttpRequest, filters: Query[PersonFilters]) -> QuerySet[Any]:
    return selectors.people_with_roles(
        user=request.user, team_id=filters.team, role=filters.role or ""
    )


def _person_with_roles(user: Any, person_id: int) -> Any:
    person = selectors.people_with_roles(user=user).filter(pk=person_id).first()
    if person is None:
        raise Http404
    return person


@router.get(
    "/people/{int:person_id}",
    response={200: PersonOut, **READ_ERRORS},
    url_name="person_detail",
    summary="Get a person",
)
def person_detail(request: HttpRequest, person_id: ObjectId) -> Any:
    return _person_with_roles(request.user, person_id)


@router.post(
    "/people",
    response={201: PersonOut, **WRITE_ERRORS},
    url_name="person_create",
    summary="Create a person with their teams and managed units (admins)",
)
def person_create(request: HttpRequest, payload: PersonIn) -> Status:
    require(access.can_manage_organisation(request.user))
    memberships, units = _roles_in_payload(request.user, payload)
    person = services.person_create_with_roles(
        email=payload.email,
        first_name=payload.first_name,
        last_name=payload.last_name,
        is_admin=payload.is_admin,
        memberships=memberships,
        managed_units=units,
    )
    return Status(201, _person_with_roles(request.user, person.pk))
