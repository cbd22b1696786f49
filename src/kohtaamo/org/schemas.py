"""Shapes of units, teams and people in the REST API."""

from __future__ import annotations

from typing import Any, Literal

from ninja import Field, Schema

from kohtaamo.core.api_common import BodyBool, BodyId, ObjectId, Slug, Text
from kohtaamo.org.models import TeamRole

# --- Units ------------------------------------------------------------------------


class UnitOut(Schema):
    id: int
    name: str
    code: str
    parent_id: int | None
    depth: int = Field(description="0 for a unit at the top of the tree.")


class UnitIn(Schema):
    name: Text = Field(min_length=1, max_length=200)
    code: Slug = Field(max_length=64)
    parent: BodyId | None = Field(None, description="Id of the unit above; none for a root.")


class UnitFilters(Schema):
    parent: ObjectId | None = Field(None, description="Only the units right under this unit.")


# --- Teams ------------------------------------------------------------------------


class TeamOut(Schema):
    id: int
    name: str
    code: str
    unit_id: int


class TeamIn(Schema):
    name: Text = Field(min_length=1, max_length=200)
    code: Slug = Field(max_length=64)
    unit: BodyId


class TeamFilters(Schema):
    unit: ObjectId | None = Field(None, description="Only the teams of this unit.")


# --- People -----------------------------------------------------------------------


class MembershipOut(Schema):
    team_id: int
    role: TeamRole


class PersonOut(Schema):
    id: int
    email: str
    first_name: str
    last_name: str
    is_admin: bool
    memberships: list[MembershipOut] = Field(description="The teams the reader sees.")
    managed_unit_ids: list[int] = Field(description="The managed units the reader sees.")

    @staticmethod
    def resolve_is_admin(obj: Any) -> bool:
        return bool(obj.is_superuser)

    @staticmethod
    def resolve_memberships(obj: Any) -> Any:
        return obj.visible_memberships

    @staticmethod
    def resolve_managed_unit_ids(obj: Any) -> list[int]:
        return [row.unit_id for row in obj.visible_managed_units]


class MembershipIn(Schema):
    team: BodyId
    role: TeamRole


class PersonIn(Schema):
    # The e-mail address is also the username, which holds 150 characters.
    email: Text = Field(min_length=1, max_length=150)
    first_name: Text = Field(min_length=1, max_length=150)
    last_name: Text = Field(min_length=1, max_length=150)
    is_admin: BodyBool = False
    memberships: list[MembershipIn] = Field(default_factory=list, max_length=100)
    managed_units: list[BodyId] = Field(default_factory=list, max_length=100)


PersonRoleFilter = Literal["agent", "lead", "manager", "admin"]


class PersonFilters(Schema):
    team: ObjectId | None = Field(None, description="Only members of this team.")
    role: PersonRoleFilter | None = Field(
        None, description="agent or lead (in the team, if one is given), manager or admin."
    )
