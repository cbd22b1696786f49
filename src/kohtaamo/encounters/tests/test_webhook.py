"""The signed webhook through which a helpdesk pushes encounters."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from kohtaamo.conftest import Cast
from kohtaamo.encounters import webhooks
from kohtaamo.encounters.models import Encounter, WebhookSource
from kohtaamo.encounters.tests.url_matrix_writes import encounter_for
from kohtaamo.encounters.webhooks import SIGNATURE_HEADER, TIMESTAMP_HEADER, webhook_signature

pytestmark = pytest.mark.django_db

SECRET = "zendesk-jaettu-salaisuus-4f9c"
URL = "/api/v1/webhooks/zendesk/encounters"


@pytest.fixture
def source(cast: Cast) -> WebhookSource:
    return WebhookSource.objects.create(name="zendesk", secret=SECRET)


def push(
    body: bytes,
    *,
    secret: str = SECRET,
    sent_at: float | None = None,
    url: str = URL,
    signature: str | None = None,
) -> Any:
    timestamp = str(int(time.time() if sent_at is None else sent_at))
    if signature is None:
        signature = webhook_signature(secret=secret, timestamp=timestamp, body=body)
    headers = {TIMESTAMP_HEADER: timestamp, SIGNATURE_HEADER: signature, "Accept-Language": "en"}
    return Client().post(url, data=body, content_type="application/json", headers=headers)


def body_of(**values: Any) -> bytes:
    return json.dumps({**encounter_for("hki-vastaanotto", "ZD-5512"), **values}).encode()


def refusal(response: Any) -> str:
    assert response.status_code == 401
    return response.json()["detail"]


def en(message: Any) -> str:
    with translation.override("en"):
        return str(message)


def test_a_signed_push_records_the_encounter_under_the_source(source: WebhookSource) -> None:
    first = push(body_of(topic="Kadonnut avainkortti"))
    again = push(body_of(topic="Avainkortti löytyi"))

    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["source"] == "zendesk"
    assert list(Encounter.objects.values_list("source", "external_id", "topic")) == [
        ("zendesk", "ZD-5512", "Avainkortti löytyi")
    ]


def test_a_wrong_signature_is_refused_and_writes_nothing(source: WebhookSource) -> None:
    response = push(body_of(), secret="arvattu-salaisuus")

    assert refusal(response) == en(webhooks.ERROR_SIGNATURE_INVALID)
    assert Encounter.objects.count() == 0


def test_a_signature_of_another_body_is_refused(source: WebhookSource) -> None:
    timestamp = str(int(time.time()))
    signature = webhook_signature(secret=SECRET, timestamp=timestamp, body=body_of(topic="A"))

    response = push(body_of(topic="B"), signature=signature)

    assert refusal(response) == en(webhooks.ERROR_SIGNATURE_INVALID)
    assert Encounter.objects.count() == 0


@pytest.mark.parametrize("seconds", [-301, 301, -3600])
def test_a_signature_more_than_five_minutes_off_is_refused(
    source: WebhookSource, seconds: int
) -> None:
    response = push(body_of(), sent_at=time.time() + seconds)

    assert refusal(response) == en(webhooks.ERROR_SIGNATURE_EXPIRED)
    assert Encounter.objects.count() == 0


def test_a_signature_four_minutes_old_is_still_good(source: WebhookSource) -> None:
    assert push(body_of(), sent_at=time.time() - 240).status_code == 201


def test_an_unsigned_push_is_refused_before_its_body_is_read(source: WebhookSource) -> None:
    response = Client().post(
        URL, data=b"{not json", content_type="application/json", headers={"Accept-Language": "en"}
    )

    assert refusal(response) == en(webhooks.ERROR_SIGNATURE_MISSING)


@pytest.mark.parametrize("active", [True, False])
def test_an_unknown_or_switched_off_source_is_refused_like_a_bad_signature(
    source: WebhookSource, active: bool
) -> None:
    WebhookSource.objects.filter(pk=source.pk).update(is_active=active)
    url = URL if not active else "/api/v1/webhooks/freshdesk/encounters"

    response = push(body_of(), url=url)

    assert refusal(response) == en(webhooks.ERROR_SIGNATURE_INVALID)
    assert Encounter.objects.count() == 0


def test_a_body_claiming_another_source_is_refused(source: WebhookSource) -> None:
    response = push(body_of(source="freshdesk"))

    assert response.status_code == 400
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "source"]
    assert Encounter.objects.count() == 0
