"""The small cast every test reuses (STYLE.md): an agent, their lead, a manager
of the unit above, an admin, and an outsider from another unit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from kohtaamo.org.models import Team, TeamRole, Unit
from kohtaamo.testing.browser import chromium  # noqa: F401 - the browser tests' fixture
from kohtaamo.testing.factories import (
    EncounterFactory,
    MembershipFactory,
    TeamFactory,
    UnitFactory,
    UnitManagerFactory,
    UserFactory,
)


@dataclass
class Cast:
    region: Unit
    hotel: Unit
    other_unit: Unit
    team: Team
    other_team: Team
    agent: Any
    lead: Any
    manager: Any
    admin: Any
    outsider: Any
    outsider_lead: Any

    def by_role(self, role: str) -> Any | None:
        return None if role == "anonymous" else getattr(self, role)


@pytest.fixture
def cast(db: None) -> Cast:
    region = UnitFactory(name="Etelä-Suomi", code="etela")
    hotel = UnitFactory(name="Hotelli Helsinki", code="hki", parent=region)
    other_unit = UnitFactory(name="Hotelli Oulu", code="oulu")
    team = TeamFactory(name="Vastaanotto", code="hki-vastaanotto", unit=hotel)
    other_team = TeamFactory(name="Oulun vastaanotto", code="oulu-vastaanotto", unit=other_unit)
    agent = UserFactory(first_name="Aino", last_name="Agentti", email="aino@example.fi")
    lead = UserFactory(first_name="Leena", last_name="Lead", email="leena@example.fi")
    manager = UserFactory(first_name="Matti", last_name="Manageri", email="matti@example.fi")
    admin = UserFactory(
        first_name="Anna",
        last_name="Admin",
        email="anna@example.fi",
        is_superuser=True,
        is_staff=True,
    )
    outsider = UserFactory(first_name="Olli", last_name="Ulkopuolinen", email="olli@example.fi")
    outsider_lead = UserFactory(first_name="Oona", last_name="Oululainen", email="oona@example.fi")
    MembershipFactory(user=agent, team=team, role=TeamRole.AGENT)
    MembershipFactory(user=lead, team=team, role=TeamRole.LEAD)
    MembershipFactory(user=outsider, team=other_team, role=TeamRole.AGENT)
    MembershipFactory(user=outsider_lead, team=other_team, role=TeamRole.LEAD)
    UnitManagerFactory(user=manager, unit=region)
    return Cast(
        region,
        hotel,
        other_unit,
        team,
        other_team,
        agent,
        lead,
        manager,
        admin,
        outsider,
        outsider_lead,
    )


@pytest.fixture
def encounter(cast: Cast) -> Any:
    """An encounter of the agent in the Helsinki front-desk team."""
    return EncounterFactory(staff=cast.agent, team=cast.team)


@pytest.fixture
def other_encounter(cast: Cast) -> Any:
    """An encounter in Oulu, outside everyone's reach but the admin's."""
    return EncounterFactory(staff=cast.outsider, team=cast.other_team)
