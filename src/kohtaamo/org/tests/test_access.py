"""Who sees what: the rules of org/access.py, role by role."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.http import Http404

from kohtaamo.conftest import Cast
from kohtaamo.encounters.models import Encounter
from kohtaamo.org import access
from kohtaamo.org.models import Role, TeamRole
from kohtaamo.org.services import ERROR_UNIT_CYCLE, unit_move
from kohtaamo.testing.factories import (
    EncounterFactory,
    MembershipFactory,
    TeamFactory,
    UnitFactory,
    UserFactory,
)


@pytest.fixture
def world(cast: Cast) -> dict[str, Any]:
    """Encounters spread over the tree: the agent's, a teammate's, a sister
    team's under the same region, and one in Oulu."""
    teammate = UserFactory(email="tiina@example.fi")
    MembershipFactory(user=teammate, team=cast.team, role=TeamRole.AGENT)
    sister_unit = UnitFactory(name="Hotelli Espoo", code="espoo", parent=cast.region)
    sister_team = TeamFactory(name="Espoon vastaanotto", code="espoo-vo", unit=sister_unit)
    sister_agent = UserFactory(email="sanna@example.fi")
    MembershipFactory(user=sister_agent, team=sister_team, role=TeamRole.AGENT)
    return {
        "own": EncounterFactory(staff=cast.agent, team=cast.team),
        "teammate": EncounterFactory(staff=teammate, team=cast.team),
        "sister": EncounterFactory(staff=sister_agent, team=sister_team),
        "oulu": EncounterFactory(staff=cast.outsider, team=cast.other_team),
        "teammate_user": teammate,
        "sister_team": sister_team,
    }


def _visible(user: Any) -> set[int]:
    return set(access.visible_encounters(user).values_list("pk", flat=True))


def test_agent_sees_only_their_own_encounters(cast: Cast, world: dict[str, Any]) -> None:
    assert _visible(cast.agent) == {world["own"].pk}


def test_lead_sees_their_teams_encounters(cast: Cast, world: dict[str, Any]) -> None:
    assert _visible(cast.lead) == {world["own"].pk, world["teammate"].pk}


def test_manager_sees_everything_under_their_unit_at_any_depth(
    cast: Cast, world: dict[str, Any]
) -> None:
    assert _visible(cast.manager) == {world["own"].pk, world["teammate"].pk, world["sister"].pk}


def test_admin_sees_everything(cast: Cast, world: dict[str, Any]) -> None:
    assert _visible(cast.admin) == set(Encounter.objects.values_list("pk", flat=True))


def test_anonymous_sees_nothing(world: dict[str, Any]) -> None:
    assert _visible(AnonymousUser()) == set()


def test_a_deactivated_person_sees_nothing(cast: Cast, world: dict[str, Any]) -> None:
    cast.manager.is_active = False
    cast.manager.save()
    assert _visible(cast.manager) == set()


def test_moving_a_unit_moves_what_its_manager_sees(cast: Cast, world: dict[str, Any]) -> None:
    # Given the Oulu unit moved under the manager's region
    unit_move(unit=cast.other_unit, parent=cast.region)
    # Then the manager sees Oulu's encounters too
    assert world["oulu"].pk in _visible(cast.manager)


def test_roles_follow_the_strongest_membership(cast: Cast) -> None:
    assert [access.role_of(u) for u in (cast.agent, cast.lead, cast.manager, cast.admin)] == [
        Role.AGENT,
        Role.LEAD,
        Role.MANAGER,
        Role.ADMIN,
    ]
    assert access.role_of(AnonymousUser()) == Role.ANONYMOUS


def test_teams_units_and_people_follow_the_same_rules(cast: Cast, world: dict[str, Any]) -> None:
    teams = {
        u: set(access.visible_teams(u).values_list("code", flat=True))
        for u in (cast.agent, cast.manager)
    }
    assert teams[cast.agent] == {"hki-vastaanotto"}
    assert teams[cast.manager] == {"hki-vastaanotto", "espoo-vo"}
    assert set(access.visible_units(cast.manager).values_list("code", flat=True)) == {
        "etela",
        "hki",
        "espoo",
    }
    lead_people = set(access.visible_people(cast.lead).values_list("email", flat=True))
    assert lead_people == {"aino@example.fi", "leena@example.fi", "tiina@example.fi"}
    assert set(access.visible_people(cast.agent).values_list("email", flat=True)) == {
        "aino@example.fi"
    }


def test_customers_are_visible_through_encounters(cast: Cast, world: dict[str, Any]) -> None:
    agent_customers = set(access.visible_customers(cast.agent).values_list("pk", flat=True))
    assert agent_customers == {world["own"].customer_id}


def test_someone_elses_encounter_is_a_404_not_a_403(cast: Cast, world: dict[str, Any]) -> None:
    with pytest.raises(Http404):
        access.get_encounter_or_404(cast.agent, world["teammate"].pk)
    assert access.get_encounter_or_404(cast.lead, world["teammate"].pk) == world["teammate"]


def test_unit_cannot_move_under_its_own_subtree(cast: Cast) -> None:
    with pytest.raises(ValidationError) as raised:
        unit_move(unit=cast.region, parent=cast.hotel)
    assert raised.value.messages == [str(ERROR_UNIT_CYCLE)]
    cast.region.refresh_from_db()
    assert cast.region.parent is None
