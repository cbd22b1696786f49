"""Customers and encounters read through the REST API, and customers recorded."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from kohtaamo.conftest import Cast
from kohtaamo.core.api_common import ERROR_FORBIDDEN, ERROR_NOT_FOUND, ERROR_NUL_CHARACTER
from kohtaamo.encounters.customers import ERROR_CUSTOMER_EXISTS
from kohtaamo.encounters.models import Channel, Customer, Speaker
from kohtaamo.testing.api import api_url as url
from kohtaamo.testing.api import in_english
from kohtaamo.testing.api import item_ids as ids
from kohtaamo.testing.clients import api_client_for
from kohtaamo.testing.factories import CustomerFactory, EncounterFactory, TurnFactory, UserFactory

pytestmark = pytest.mark.django_db

HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    with in_english():
        yield


def as_json(moment: datetime) -> str:
    """A time as the API writes it (ISO 8601, milliseconds, Z for UTC)."""
    return json.loads(DjangoJSONEncoder().encode(moment))


@pytest.fixture
def teammate_encounter(cast: Cast) -> Any:
    """An encounter of another agent in the agent's team, on 14 March 2025."""
    teammate = UserFactory(first_name="Ville", last_name="Virtanen")
    return EncounterFactory(
        staff=teammate, team=cast.team, started_at=datetime(2025, 3, 14, 10, 0, tzinfo=UTC)
    )


# --- Who sees which encounters ------------------------------------------------------


def test_agent_lists_exactly_their_own_encounters(
    cast: Cast, encounter: Any, other_encounter: Any, teammate_encounter: Any
) -> None:
    assert ids(api_client_for(cast.agent).get(url("encounter_list"))) == [encounter.pk]


def test_lead_lists_the_encounters_of_their_team(
    cast: Cast, encounter: Any, other_encounter: Any, teammate_encounter: Any
) -> None:
    # Newest first: the agent's encounter two hours ago, then the teammate's in 2025
    assert ids(api_client_for(cast.lead).get(url("encounter_list"))) == [
        encounter.pk,
        teammate_encounter.pk,
    ]


def test_manager_lists_the_encounters_under_their_region(
    cast: Cast, encounter: Any, other_encounter: Any, teammate_encounter: Any
) -> None:
    response = api_client_for(cast.manager).get(url("encounter_list"))
    assert set(ids(response)) == {encounter.pk, teammate_encounter.pk}
    assert response.json()["count"] == 2


def test_admin_lists_every_encounter(
    cast: Cast, encounter: Any, other_encounter: Any, teammate_encounter: Any
) -> None:
    response = api_client_for(cast.admin).get(url("encounter_list"))
    assert set(ids(response)) == {encounter.pk, other_encounter.pk, teammate_encounter.pk}


def test_an_encounter_in_the_list_has_its_staff_team_and_customer(
    cast: Cast, encounter: Any
) -> None:
    item = api_client_for(cast.agent).get(url("encounter_list")).json()["items"][0]
    customer = encounter.customer
    assert item == {
        "id": encounter.pk,
        "source": "test",
        "external_id": encounter.external_id,
        "channel": "phone",
        "started_at": as_json(encounter.started_at),
        "ended_at": as_json(encounter.ended_at),
        "staff": {"id": cast.agent.pk, "first_name": "Aino", "last_name": "Agentti"},
        "team": {"id": cast.team.pk, "code": "hki-vastaanotto", "name": "Vastaanotto"},
        "customer": {
            "id": customer.pk,
            "external_id": customer.external_id,
            "name": customer.name,
            "email": customer.email,
            "phone": customer.phone,
            "language": "fi",
            "consent_surveys": True,
            "consent_contact": False,
        },
        "topic": "Laskun eräpäivä",
        "outcome": "Ratkaistu",
        "has_transcript": False,
    }


# --- Filters and pages --------------------------------------------------------------


@pytest.fixture
def week(cast: Cast) -> list[Any]:
    """Five encounters of the agent, one a day from Monday 10 March 2025 09:00 Helsinki."""
    return [
        EncounterFactory(
            staff=cast.agent,
            team=cast.team,
            source="zendesk" if day % 2 else "puhelin",
            external_id=f"T-{day}",
            channel=Channel.CHAT if day == 2 else Channel.PHONE,
            started_at=datetime(2025, 3, 10 + day, 9, 0, tzinfo=HELSINKI),
            has_transcript=day == 4,
        )
        for day in range(5)
    ]


def test_encounters_filtered_by_start_time_include_after_and_exclude_before(
    cast: Cast, week: list[Any]
) -> None:
    response = api_client_for(cast.agent).get(
        url("encounter_list"),
        {
            "started_after": "2025-03-11T09:00:00+02:00",
            "started_before": "2025-03-13T09:00:00+02:00",
        },
    )
    # Tuesday and Wednesday, newest first
    assert ids(response) == [week[2].pk, week[1].pk]


def test_a_start_time_without_zone_is_read_in_helsinki_time(cast: Cast, week: list[Any]) -> None:
    response = api_client_for(cast.agent).get(
        url("encounter_list"), {"started_after": "2025-03-14T09:00:00"}
    )
    assert ids(response) == [week[4].pk]


def test_encounters_filtered_by_channel_transcript_source_and_external_id(
    cast: Cast, week: list[Any]
) -> None:
    client = api_client_for(cast.agent)
    assert ids(client.get(url("encounter_list"), {"channel": "chat"})) == [week[2].pk]
    assert ids(client.get(url("encounter_list"), {"has_transcript": "true"})) == [week[4].pk]
    assert ids(client.get(url("encounter_list"), {"source": "zendesk"})) == [week[3].pk, week[1].pk]
    assert ids(client.get(url("encounter_list"), {"external_id": "T-0"})) == [week[0].pk]


def test_encounters_filtered_by_team_and_staff(
    cast: Cast, encounter: Any, teammate_encounter: Any, other_encounter: Any
) -> None:
    client = api_client_for(cast.admin)
    assert ids(client.get(url("encounter_list"), {"staff": cast.agent.pk})) == [encounter.pk]
    assert ids(client.get(url("encounter_list"), {"team": cast.other_team.pk})) == [
        other_encounter.pk
    ]


def test_a_filter_cannot_reach_past_what_the_person_sees(cast: Cast, other_encounter: Any) -> None:
    response = api_client_for(cast.agent).get(url("encounter_list"), {"team": cast.other_team.pk})
    assert response.json() == {"items": [], "count": 0}


def test_encounter_pages_count_all_and_hold_the_asked_slice(cast: Cast, week: list[Any]) -> None:
    response = api_client_for(cast.agent).get(url("encounter_list"), {"limit": 2, "offset": 2})
    assert response.json()["count"] == 5
    # Newest first: Friday, Thursday | Wednesday, Tuesday | Monday
    assert ids(response) == [week[2].pk, week[1].pk]


def test_a_bad_date_names_the_query_parameter(cast: Cast) -> None:
    response = api_client_for(cast.agent).get(url("encounter_list"), {"started_after": "14.3.2025"})
    assert response.status_code == 422
    assert response.json() == {
        "detail": [
            {
                "loc": ["query", "started_after"],
                "msg": "Enter a date and time, e.g. 2025-03-14T09:30:00+02:00.",
                "type": "datetime_from_date_parsing",
            }
        ]
    }


def test_a_nul_character_in_a_filter_is_refused(cast: Cast) -> None:
    response = api_client_for(cast.agent).get(url("encounter_list"), {"source": "a\x00b"})
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {"loc": ["query", "source"], "msg": str(ERROR_NUL_CHARACTER), "type": "nul_character"}
    ]


def test_encounter_list_queries_do_not_grow_with_the_rows(
    cast: Cast, django_assert_max_num_queries: Any
) -> None:
    # Given forty encounters, each with its own customer and a transcript
    for _ in range(40):
        TurnFactory(
            encounter=EncounterFactory(staff=cast.agent, team=cast.team, has_transcript=True)
        )
    client = api_client_for(cast.lead)
    client.get(url("encounter_list"))  # the token's first use writes last_used_at
    # When the lead lists them: the token, the lead's teams and units, the
    # count and the page; never one query per row
    with django_assert_max_num_queries(5):
        response = client.get(url("encounter_list"), {"limit": 40})
    assert len(response.json()["items"]) == 40


# --- Encounter detail ---------------------------------------------------------------


def test_encounter_detail_has_the_transcript_in_order(cast: Cast, encounter: Any) -> None:
    start = encounter.started_at
    TurnFactory(encounter=encounter, position=2, speaker=Speaker.STAFF, text="Selvitän asian heti.")
    TurnFactory(
        encounter=encounter,
        position=1,
        speaker=Speaker.CUSTOMER,
        text="Laskussani on virhe.",
        spoken_at=start + timedelta(seconds=5),
    )
    response = api_client_for(cast.agent).get(url("encounter_detail", encounter_id=encounter.pk))
    assert response.status_code == 200
    assert response.json()["turns"] == [
        {
            "position": 1,
            "speaker": "customer",
            "text": "Laskussani on virhe.",
            "spoken_at": as_json(start + timedelta(seconds=5)),
        },
        {"position": 2, "speaker": "staff", "text": "Selvitän asian heti.", "spoken_at": None},
    ]


def test_encounter_detail_of_someone_else_is_404(cast: Cast, other_encounter: Any) -> None:
    response = api_client_for(cast.lead).get(
        url("encounter_detail", encounter_id=other_encounter.pk)
    )
    assert response.status_code == 404
    assert response.json() == {"detail": str(ERROR_NOT_FOUND)}


def test_a_non_numeric_encounter_id_is_a_json_404(cast: Cast) -> None:
    response = api_client_for(cast.admin).get("/api/v1/encounters/abc")
    assert response.status_code == 404
    assert response.json() == {"detail": str(ERROR_NOT_FOUND)}


def test_an_id_larger_than_any_row_is_refused(cast: Cast) -> None:
    response = api_client_for(cast.admin).get(f"/api/v1/encounters/{2**64}")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["path", "encounter_id"]


# --- Customers ----------------------------------------------------------------------


def test_agent_lists_only_the_customers_of_their_encounters(
    cast: Cast, encounter: Any, other_encounter: Any, teammate_encounter: Any
) -> None:
    CustomerFactory()  # a customer without encounters
    response = api_client_for(cast.agent).get(url("customer_list"))
    customer = encounter.customer
    assert response.json() == {
        "items": [
            {
                "id": customer.pk,
                "external_id": customer.external_id,
                "name": customer.name,
                "email": customer.email,
                "phone": customer.phone,
                "language": "fi",
                "consent_surveys": True,
                "consent_contact": False,
            }
        ],
        "count": 1,
    }


def test_customers_filtered_by_external_id_and_language(cast: Cast) -> None:
    swede = CustomerFactory(external_id="CRM-2", name="Stina Sjöberg", language="sv")
    finn = CustomerFactory(external_id="CRM-1", name="Tuula Toivonen", language="fi")
    client = api_client_for(cast.admin)
    assert ids(client.get(url("customer_list"), {"language": "sv"})) == [swede.pk]
    assert ids(client.get(url("customer_list"), {"external_id": "CRM-1"})) == [finn.pk]


def test_customer_detail_of_another_units_customer_is_404(
    cast: Cast, encounter: Any, other_encounter: Any
) -> None:
    client = api_client_for(cast.manager)
    assert client.get(url("customer_detail", customer_id=encounter.customer_id)).status_code == 200
    response = client.get(url("customer_detail", customer_id=other_encounter.customer_id))
    assert response.status_code == 404
    assert "name" not in response.json()


def test_manager_records_a_customer(cast: Cast) -> None:
    response = api_client_for(cast.manager).post(
        url("customer_create"),
        {
            "external_id": "CRM-77",
            "name": "Ritva Rantanen",
            "email": "ritva.rantanen@example.com",
            "phone": "+358 40 123 4567",
            "language": "sv",
            "consent_contact": True,
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    customer = Customer.objects.get(external_id="CRM-77")
    assert response.json() == {
        "id": customer.pk,
        "external_id": "CRM-77",
        "name": "Ritva Rantanen",
        "email": "ritva.rantanen@example.com",
        "phone": "+358 40 123 4567",
        "language": "sv",
        "consent_surveys": True,
        "consent_contact": True,
    }


def test_agent_may_not_record_a_customer(cast: Cast) -> None:
    response = api_client_for(cast.agent).post(
        url("customer_create"), {"external_id": "CRM-77"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert response.json() == {"detail": str(ERROR_FORBIDDEN)}
    assert not Customer.objects.filter(external_id="CRM-77").exists()


def test_a_customer_with_a_known_external_id_is_refused(cast: Cast) -> None:
    known = CustomerFactory(external_id="CRM-5", name="Pertti Peltonen")
    response = api_client_for(cast.admin).post(
        url("customer_create"),
        {"external_id": "CRM-5", "name": "Joku Muu"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "detail": [
            {
                "loc": ["body", "payload", "external_id"],
                "msg": str(ERROR_CUSTOMER_EXISTS),
                "type": "invalid",
            }
        ]
    }
    known.refresh_from_db()
    assert known.name == "Pertti Peltonen"


def test_a_customer_with_a_bad_e_mail_and_language_names_the_fields(cast: Cast) -> None:
    client = api_client_for(cast.admin)
    response = client.post(
        url("customer_create"),
        {"external_id": "CRM-8", "email": "ei-sähköposti"},
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
    response = client.post(
        url("customer_create"),
        {"external_id": "CRM-8", "language": "de"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "loc": ["body", "payload", "language"],
            "msg": "Choose one of: 'fi', 'sv', 'en'.",
            "type": "enum",
        }
    ]
    assert not Customer.objects.filter(external_id="CRM-8").exists()
