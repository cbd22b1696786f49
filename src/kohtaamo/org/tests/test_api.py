"""Units and teams through the REST API (people: test_api_people.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kohtaamo.conftest import Cast
from kohtaamo.core.api_common import (
    ERROR_FORBIDDEN,
    ERROR_NOT_FOUND,
    ERROR_SLUG,
    ERROR_UNKNOWN_UNIT,
)
from kohtaamo.org.models import Team, Unit
from kohtaamo.org.services import ERROR_UNIT_CODE_TAKEN
from kohtaamo.testing.api import api_url as url
from kohtaamo.testing.api import in_english
from kohtaamo.testing.api import item_ids as ids
from kohtaamo.testing.clients import api_client_for
from kohtaamo.testing.factories import TeamFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    with in_english():
        yield


def units_in_tree_order(*units: Unit) -> list[int]:
    chosen = Unit.objects.filter(pk__in=[u.pk for u in units]).order_by("path")
    return list(chosen.values_list("pk", flat=True))


# --- Units ------------------------------------------------------------------------


def test_agent_lists_only_the_unit_of_their_team(cast: Cast) -> None:
    response = api_client_for(cast.agent).get(url("unit_list"))
    assert response.status_code == 200
    assert response.json() == {
        "items": [
            {
                "id": cast.hotel.pk,
                "name": "Hotelli Helsinki",
                "code": "hki",
                "parent_id": cast.region.pk,
                "depth": 1,
            }
        ],
        "count": 1,
    }


def test_manager_lists_their_region_and_everything_under_it(cast: Cast) -> None:
    response = api_client_for(cast.manager).get(url("unit_list"))
    assert ids(response) == units_in_tree_order(cast.region, cast.hotel)


def test_admin_lists_every_unit_in_tree_order(cast: Cast) -> None:
    response = api_client_for(cast.admin).get(url("unit_list"))
    assert ids(response) == units_in_tree_order(cast.region, cast.hotel, cast.other_unit)
    assert response.json()["count"] == 3


def test_units_filtered_by_parent(cast: Cast) -> None:
    front_desk = UnitFactory(name="Vastaanotto", code="hki-vo", parent=cast.hotel)
    response = api_client_for(cast.admin).get(url("unit_list"), {"parent": cast.hotel.pk})
    assert ids(response) == [front_desk.pk]


def test_unit_list_pages_with_limit_and_offset(cast: Cast) -> None:
    # Given three units seen by the admin
    order = units_in_tree_order(cast.region, cast.hotel, cast.other_unit)
    # When the admin asks for two, skipping the first
    response = api_client_for(cast.admin).get(url("unit_list"), {"limit": 2, "offset": 1})
    # Then the count is of all three and the page holds the second and third
    assert response.json()["count"] == 3
    assert ids(response) == order[1:]


def test_a_page_larger_than_the_maximum_is_refused(cast: Cast) -> None:
    response = api_client_for(cast.admin).get(url("unit_list"), {"limit": 501})
    assert response.status_code == 422
    assert response.json() == {
        "detail": [
            {
                "loc": ["query", "limit"],
                "msg": "Enter a number of at most 500.",
                "type": "less_than_equal",
            }
        ]
    }


def test_unit_detail_of_a_unit_out_of_reach_is_404(cast: Cast) -> None:
    response = api_client_for(cast.manager).get(url("unit_detail", unit_id=cast.other_unit.pk))
    assert response.status_code == 404
    assert response.json() == {"detail": str(ERROR_NOT_FOUND)}


def test_admin_creates_a_unit_under_a_parent(cast: Cast) -> None:
    # When the admin creates a unit under the region
    response = api_client_for(cast.admin).post(
        url("unit_create"),
        {"name": "Hotelli Tampere", "code": "tre", "parent": cast.region.pk},
        content_type="application/json",
    )
    # Then it is answered with 201 and stored in the tree under the region
    assert response.status_code == 201
    unit = Unit.objects.get(code="tre")
    assert response.json() == {
        "id": unit.pk,
        "name": "Hotelli Tampere",
        "code": "tre",
        "parent_id": cast.region.pk,
        "depth": 1,
    }
    assert unit.path == f"{cast.region.path}{unit.pk}/"


def test_unit_with_a_code_in_use_is_refused_with_the_field_path(cast: Cast) -> None:
    response = api_client_for(cast.admin).post(
        url("unit_create"),
        {"name": "Toinen Helsinki", "code": "hki"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "detail": [
            {
                "loc": ["body", "payload", "code"],
                "msg": str(ERROR_UNIT_CODE_TAKEN),
                "type": "invalid",
            }
        ]
    }
    assert Unit.objects.count() == 3


def test_unit_without_a_name_and_with_a_bad_code_names_both_fields(cast: Cast) -> None:
    response = api_client_for(cast.admin).post(
        url("unit_create"), {"code": "ei käy"}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json() == {
        "detail": [
            {
                "loc": ["body", "payload", "name"],
                "msg": "This field is required.",
                "type": "missing",
            },
            {"loc": ["body", "payload", "code"], "msg": str(ERROR_SLUG), "type": "slug"},
        ]
    }
    assert Unit.objects.count() == 3


def test_unit_under_an_unknown_parent_is_refused(cast: Cast) -> None:
    response = api_client_for(cast.admin).post(
        url("unit_create"),
        {"name": "Hotelli Turku", "code": "tku", "parent": cast.other_unit.pk + 1000},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["detail"] == [
        {"loc": ["body", "payload", "parent"], "msg": str(ERROR_UNKNOWN_UNIT), "type": "invalid"}
    ]
    assert not Unit.objects.filter(code="tku").exists()


def test_manager_may_not_create_a_unit(cast: Cast) -> None:
    response = api_client_for(cast.manager).post(
        url("unit_create"),
        {"name": "Hotelli Tampere", "code": "tre", "parent": cast.region.pk},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert response.json() == {"detail": str(ERROR_FORBIDDEN)}
    assert not Unit.objects.filter(code="tre").exists()


# --- Teams ------------------------------------------------------------------------


def test_lead_lists_their_team(cast: Cast) -> None:
    response = api_client_for(cast.lead).get(url("team_list"))
    assert response.json() == {
        "items": [
            {
                "id": cast.team.pk,
                "name": "Vastaanotto",
                "code": "hki-vastaanotto",
                "unit_id": cast.hotel.pk,
            }
        ],
        "count": 1,
    }


def test_teams_filtered_by_unit(cast: Cast) -> None:
    breakfast = TeamFactory(name="Aamiainen", code="hki-aamiainen", unit=cast.hotel)
    response = api_client_for(cast.admin).get(url("team_list"), {"unit": cast.hotel.pk})
    # Ordered by name: "Aamiainen" before "Vastaanotto"
    assert ids(response) == [breakfast.pk, cast.team.pk]


def test_team_detail_of_another_unit_is_404_for_a_lead(cast: Cast) -> None:
    response = api_client_for(cast.lead).get(url("team_detail", team_id=cast.other_team.pk))
    assert response.status_code == 404


def test_admin_creates_a_team_in_a_unit(cast: Cast) -> None:
    response = api_client_for(cast.admin).post(
        url("team_create"),
        {"name": "Aamiainen", "code": "hki-aamiainen", "unit": cast.hotel.pk},
        content_type="application/json",
    )
    assert response.status_code == 201
    team = Team.objects.get(code="hki-aamiainen")
    assert response.json() == {
        "id": team.pk,
        "name": "Aamiainen",
        "code": "hki-aamiainen",
        "unit_id": cast.hotel.pk,
    }


def test_team_in_an_unknown_unit_is_refused(cast: Cast) -> None:
    response = api_client_for(cast.admin).post(
        url("team_create"),
        {"name": "Aamiainen", "code": "hki-aamiainen", "unit": 2**40},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "unit"]
    assert Team.objects.count() == 2
