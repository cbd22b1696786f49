"""People through the REST API."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from kohtaamo.conftest import Cast
from kohtaamo.core.api_common import ERROR_NOT_FOUND, ERROR_UNKNOWN_TEAM, ERROR_UNKNOWN_UNIT
from kohtaamo.org.models import TeamMembership, TeamRole, UnitManager
from kohtaamo.org.services import ERROR_EMAIL_TAKEN
from kohtaamo.testing.api import api_url as url
from kohtaamo.testing.api import in_english
from kohtaamo.testing.api import item_ids as ids
from kohtaamo.testing.clients import api_client_for
from kohtaamo.testing.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    with in_english():
        yield


# --- People -----------------------------------------------------------------------


def test_agent_sees_only_themselves_among_people(cast: Cast) -> None:
    response = api_client_for(cast.agent).get(url("person_list"))
    assert response.json() == {
        "items": [
            {
                "id": cast.agent.pk,
                "email": "aino@example.fi",
                "first_name": "Aino",
                "last_name": "Agentti",
                "is_admin": False,
                "memberships": [{"team_id": cast.team.pk, "role": "agent"}],
                "managed_unit_ids": [],
            }
        ],
        "count": 1,
    }


def test_manager_sees_the_people_of_their_region(cast: Cast) -> None:
    response = api_client_for(cast.manager).get(url("person_list"))
    # Ordered by first name: Aino, Leena, Matti
    assert ids(response) == [cast.agent.pk, cast.lead.pk, cast.manager.pk]
    assert response.json()["items"][2]["managed_unit_ids"] == [cast.region.pk]


def test_people_filtered_by_role(cast: Cast) -> None:
    client = api_client_for(cast.admin)
    assert ids(client.get(url("person_list"), {"role": "lead"})) == [
        cast.lead.pk,
        cast.outsider_lead.pk,
    ]
    assert ids(client.get(url("person_list"), {"role": "manager"})) == [cast.manager.pk]
    assert ids(client.get(url("person_list"), {"role": "admin"})) == [cast.admin.pk]


def test_people_filtered_by_team(cast: Cast) -> None:
    response = api_client_for(cast.admin).get(url("person_list"), {"team": cast.other_team.pk})
    # Olli and Oona are in Oulu
    assert ids(response) == [cast.outsider.pk, cast.outsider_lead.pk]


def test_people_filtered_by_a_team_out_of_reach_is_empty(cast: Cast) -> None:
    response = api_client_for(cast.lead).get(url("person_list"), {"team": cast.other_team.pk})
    assert response.json() == {"items": [], "count": 0}


def test_a_person_shows_only_the_teams_the_reader_sees(cast: Cast) -> None:
    # Given an agent who also works in the Oulu team
    MembershipFactory(user=cast.agent, team=cast.other_team, role=TeamRole.AGENT)
    # When their lead looks them up
    response = api_client_for(cast.lead).get(url("person_detail", person_id=cast.agent.pk))
    # Then only the Helsinki team shows
    assert response.json()["memberships"] == [{"team_id": cast.team.pk, "role": "agent"}]


def test_person_detail_of_someone_out_of_reach_is_404(cast: Cast) -> None:
    response = api_client_for(cast.lead).get(url("person_detail", person_id=cast.outsider.pk))
    assert response.status_code == 404
    assert response.json() == {"detail": str(ERROR_NOT_FOUND)}


def test_admin_creates_a_person_with_a_team_and_a_managed_unit(cast: Cast) -> None:
    # When the admin creates a lead of the Helsinki team who also manages Oulu
    response = api_client_for(cast.admin).post(
        url("person_create"),
        {
            "email": "Kaisa.Koskinen@Example.fi",
            "first_name": "Kaisa",
            "last_name": "Koskinen",
            "memberships": [{"team": cast.team.pk, "role": "lead"}],
            "managed_units": [cast.other_unit.pk],
        },
        content_type="application/json",
    )
    # Then the person is stored with both roles and no usable password
    assert response.status_code == 201
    person = get_user_model().objects.get(email="kaisa.koskinen@example.fi")
    assert response.json() == {
        "id": person.pk,
        "email": "kaisa.koskinen@example.fi",
        "first_name": "Kaisa",
        "last_name": "Koskinen",
        "is_admin": False,
        "memberships": [{"team_id": cast.team.pk, "role": "lead"}],
        "managed_unit_ids": [cast.other_unit.pk],
    }
    assert TeamMembership.objects.get(user=person).role == TeamRole.LEAD
    assert UnitManager.objects.get(user=person).unit == cast.other_unit
    assert not person.has_usable_password()


def test_person_with_an_e_mail_in_use_is_refused(cast: Cast) -> None:
    people_before = get_user_model().objects.count()
    response = api_client_for(cast.admin).post(
        url("person_create"),
        {"email": "AINO@example.fi", "first_name": "Aino", "last_name": "Toinen"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "detail": [
            {"loc": ["body", "payload", "email"], "msg": str(ERROR_EMAIL_TAKEN), "type": "invalid"}
        ]
    }
    assert get_user_model().objects.count() == people_before


def test_person_with_an_invalid_e_mail_is_refused(cast: Cast) -> None:
    people_before = get_user_model().objects.count()
    response = api_client_for(cast.admin).post(
        url("person_create"),
        {"email": "ei-osoite", "first_name": "Eero", "last_name": "Esimerkki"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["detail"] == [
        {
            "loc": ["body", "payload", "email"],
            "msg": "Enter a valid email address.",
            "type": "invalid",
        }
    ]
    assert get_user_model().objects.count() == people_before


def test_person_in_unknown_teams_and_units_is_refused_and_nothing_is_written(cast: Cast) -> None:
    people_before = get_user_model().objects.count()
    response = api_client_for(cast.admin).post(
        url("person_create"),
        {
            "email": "eero@example.fi",
            "first_name": "Eero",
            "last_name": "Esimerkki",
            "memberships": [
                {"team": cast.team.pk, "role": "agent"},
                {"team": 2**40, "role": "agent"},
            ],
            "managed_units": [cast.region.pk, 2**41],
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["detail"] == [
        {
            "loc": ["body", "payload", "memberships", 1, "team"],
            "msg": str(ERROR_UNKNOWN_TEAM),
            "type": "invalid",
        },
        {
            "loc": ["body", "payload", "managed_units", 1],
            "msg": str(ERROR_UNKNOWN_UNIT),
            "type": "invalid",
        },
    ]
    assert get_user_model().objects.count() == people_before
    assert TeamMembership.objects.count() == 4
    assert UnitManager.objects.count() == 1


def test_person_with_an_unknown_role_names_the_field(cast: Cast) -> None:
    response = api_client_for(cast.admin).post(
        url("person_create"),
        {
            "email": "eero@example.fi",
            "first_name": "Eero",
            "last_name": "Esimerkki",
            "memberships": [{"team": cast.team.pk, "role": "boss"}],
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "loc": ["body", "payload", "memberships", 0, "role"],
            "msg": "Choose one of: 'agent', 'lead'.",
            "type": "enum",
        }
    ]


def test_lead_may_not_create_a_person(cast: Cast) -> None:
    people_before = get_user_model().objects.count()
    response = api_client_for(cast.lead).post(
        url("person_create"),
        {"email": "eero@example.fi", "first_name": "Eero", "last_name": "Esimerkki"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert get_user_model().objects.count() == people_before


def test_deactivated_people_are_not_listed(cast: Cast) -> None:
    gone = UserFactory(first_name="Aapo", is_active=False)
    MembershipFactory(user=gone, team=cast.team)
    response = api_client_for(cast.admin).get(url("person_list"), {"team": cast.team.pk})
    assert gone.pk not in ids(response)
    assert ids(response) == [cast.agent.pk, cast.lead.pk]


def test_people_list_queries_do_not_grow_with_the_rows(
    cast: Cast, django_assert_max_num_queries: Any
) -> None:
    # Given thirty more agents in the team
    for _ in range(30):
        MembershipFactory(team=cast.team, role=TeamRole.AGENT)
    client = api_client_for(cast.manager)
    client.get(url("person_list"))  # the token's first use writes last_used_at
    # When the manager lists them: the token, the manager's scope, the count,
    # the page, its memberships and its managed units
    with django_assert_max_num_queries(7):
        response = client.get(url("person_list"), {"limit": 100})
    assert response.json()["count"] == 33
