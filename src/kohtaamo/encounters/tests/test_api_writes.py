"""Recording encounters through the REST API: one, in bulk, and bad bodies."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from django.utils import translation

from kohtaamo.conftest import Cast
from kohtaamo.encounters.importing import messages
from kohtaamo.encounters.models import Encounter, WebhookSource
from kohtaamo.encounters.tests.url_matrix_writes import encounter_for
from kohtaamo.encounters.webhooks import SIGNATURE_HEADER, TIMESTAMP_HEADER, webhook_signature
from kohtaamo.testing.clients import api_client_for

pytestmark = pytest.mark.django_db

CREATE = "/api/v1/encounters"
BULK = "/api/v1/encounters/bulk"


def post(user: Any, url: str, body: Any) -> Any:
    return api_client_for(user).post(url, data=body, content_type="application/json")


def stored() -> list[tuple[str, str, str]]:
    return list(
        Encounter.objects.order_by("external_id").values_list("source", "external_id", "topic")
    )


def en(message: Any, **params: Any) -> str:
    with translation.override("en"):
        return str(message) % params if params else str(message)


def test_a_lead_records_an_encounter_and_then_updates_it(cast: Cast) -> None:
    body = {**encounter_for(cast.team.code, "CRM-CALL-1"), "topic": "Laskun eräpäivä"}

    created = post(cast.lead, CREATE, body)
    updated = post(cast.lead, CREATE, {**body, "topic": "Eräpäivän siirto"})

    assert created.status_code == 201
    assert (created.json()["source"], created.json()["staff"]["id"]) == ("api", cast.agent.pk)
    assert updated.status_code == 200
    assert updated.json()["id"] == created.json()["id"]
    assert stored() == [("api", "CRM-CALL-1", "Eräpäivän siirto")]


def test_a_transcript_comes_with_the_encounter(cast: Cast) -> None:
    body = {
        **encounter_for(cast.team.code, "CHAT-7"),
        "channel": "chat",
        "transcript": [
            {"speaker": "customer", "text": "Voinko siirtää varaukseni ensi viikolle?"},
            {
                "speaker": "staff",
                "text": "Totta kai, katsotaan vapaat huoneet.",
                "at": "2025-03-14T09:31:00",
            },
        ],
    }

    response = post(cast.manager, CREATE, body)

    assert response.status_code == 201
    encounter = Encounter.objects.get()
    assert encounter.has_transcript is True
    assert list(encounter.turns.values_list("position", "speaker")) == [
        (1, "customer"),
        (2, "staff"),
    ]


def test_a_refused_encounter_names_the_field_and_writes_nothing(cast: Cast) -> None:
    body = {**encounter_for(cast.team.code, "X-1"), "staff_email": "nobody@example.fi"}

    response = post(cast.admin, CREATE, body)

    assert response.status_code == 400
    assert response.json() == {
        "detail": [
            {
                "loc": ["body", "payload", "staff_email"],
                "msg": en(messages.ERROR_UNKNOWN_STAFF),
                "type": "unknown_staff",
            }
        ]
    }
    assert Encounter.objects.count() == 0


def test_a_lead_may_not_record_for_another_team_and_an_agent_not_at_all(cast: Cast) -> None:
    other_team = post(cast.lead, CREATE, encounter_for(cast.other_team.code, "X-1"))
    agent = post(cast.agent, CREATE, encounter_for(cast.team.code, "X-2"))

    assert other_team.status_code == 400
    assert other_team.json()["detail"][0]["loc"] == ["body", "payload", "team"]
    assert other_team.json()["detail"][0]["type"] == "team_not_allowed"
    assert agent.status_code == 403
    assert Encounter.objects.count() == 0


def test_bulk_is_all_or_nothing_and_names_each_bad_item(cast: Cast) -> None:
    body = [
        encounter_for(cast.team.code, "B-1"),
        {**encounter_for("tuntematon", "B-2")},
        {**encounter_for(cast.team.code, "B-3"), "ended_at": "2025-03-14T08:00:00+02:00"},
    ]

    response = post(cast.admin, BULK, body)

    assert response.status_code == 400
    assert response.json() == {
        "detail": [
            {
                "loc": ["body", "payload", 1, "team"],
                "msg": en(messages.ERROR_UNKNOWN_TEAM),
                "type": "unknown_team",
            },
            {
                "loc": ["body", "payload", 2, "ended_at"],
                "msg": en(messages.ERROR_END_BEFORE_START),
                "type": "end_before_start",
            },
        ]
    }
    assert Encounter.objects.count() == 0


def test_bulk_partial_writes_the_good_items_and_reports_the_bad(cast: Cast) -> None:
    body = [
        encounter_for(cast.team.code, "B-1"),
        encounter_for(cast.team.code, "B-1"),
        encounter_for(cast.team.code, "B-2"),
    ]

    response = post(cast.admin, f"{BULK}?partial=true", body)

    assert response.status_code == 200
    assert response.json() == {
        "created": 2,
        "updated": 0,
        "unchanged": 0,
        "rejected": 1,
        "error_count": 1,
        "errors": [
            {
                "loc": ["body", "payload", 1, "external_id"],
                "msg": en(messages.ERROR_DUPLICATE_ID, row=0),
                "type": "duplicate_id",
            }
        ],
        "written": True,
    }
    assert [e[1] for e in stored()] == ["B-1", "B-2"]


def test_bulk_dry_run_checks_and_writes_nothing(cast: Cast) -> None:
    response = post(cast.admin, f"{BULK}?dry_run=true", [encounter_for(cast.team.code, "B-1")])

    assert response.status_code == 200
    assert (response.json()["written"], response.json()["error_count"]) == (False, 0)
    assert Encounter.objects.count() == 0


def test_bulk_takes_at_most_a_thousand(cast: Cast) -> None:
    body = [encounter_for(cast.team.code, f"B-{n}") for n in range(1001)]

    response = post(cast.admin, BULK, body)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload"]
    assert response.json()["detail"][0]["type"] == "too_long"
    assert Encounter.objects.count() == 0


MALFORMED: list[tuple[str, Any]] = [
    ("not json", b"{this is not json"),
    ("empty", b""),
    ("a string", json.dumps("kohtaaminen").encode()),
    (
        "wrong types",
        json.dumps({"external_id": 7, "channel": ["phone"], "started_at": True}).encode(),
    ),
    ("missing fields", json.dumps({"external_id": "X-1"}).encode()),
    ("huge number", b'{"external_id": 1e999, "started_at": 99999999999999999999999999}'),
    ("huge integer", b'{"external_id": ' + b"9" * 5000 + b"}"),
    ("nested junk", b"[" * 50_000 + b"]" * 50_000),
    ("deep object", json.dumps({"transcript": [[[[{"a": [{}]}]]]]}).encode()),
    (
        "bad date",
        json.dumps({**encounter_for("hki-vastaanotto", "X"), "started_at": "0000-13-45"}).encode(),
    ),
    (
        "nul byte",
        json.dumps({**encounter_for("hki-vastaanotto", "X"), "topic": "a\u0000b"}).encode(),
    ),
    ("not utf-8", b'{"external_id": "\xff\xfe"}'),
]


def _signed(body: bytes) -> dict[str, str]:
    timestamp = str(int(time.time()))
    return {
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: webhook_signature(secret="salaisuus-123", timestamp=timestamp, body=body),
    }


@pytest.mark.parametrize(("label", "body"), MALFORMED, ids=[m[0] for m in MALFORMED])
@pytest.mark.parametrize("endpoint", ["create", "bulk", "webhook"])
def test_a_malformed_body_gets_a_json_4xx_never_a_500(
    cast: Cast, endpoint: str, label: str, body: bytes
) -> None:
    WebhookSource.objects.create(name="helpdesk", secret="salaisuus-123")
    client = api_client_for(cast.admin)
    url, headers = {
        "create": (CREATE, {}),
        "bulk": (BULK, {}),
        "webhook": ("/api/v1/webhooks/helpdesk/encounters", _signed(body)),
    }[endpoint]

    response = client.post(url, data=body, content_type="application/json", headers=headers)

    assert 400 <= response.status_code < 500, response.content
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()
    assert Encounter.objects.count() == 0
