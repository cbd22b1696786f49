"""How the REST API answers errors: JSON, a field path where there is a field,
the client's language, and never the internals."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import IntegrityError
from django.test import Client, RequestFactory
from django.utils import translation

from kohtaamo.api import on_conflict, on_unexpected
from kohtaamo.conftest import Cast
from kohtaamo.core.api_common import (
    ERROR_BAD_JSON,
    ERROR_CONFLICT,
    ERROR_CSRF,
    ERROR_NOT_FOUND,
    ERROR_SERVER,
    ERROR_UNAUTHORIZED,
)
from kohtaamo.org.models import Unit
from kohtaamo.testing.clients import api_client_for

UNITS = "/api/v1/units"


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    with translation.override("en"):
        yield


@pytest.mark.django_db
def test_a_body_that_is_not_json_is_a_400_saying_so(cast: Cast) -> None:
    response = api_client_for(cast.admin).post(
        UNITS, b"{name: Tampere", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == {"detail": str(ERROR_BAD_JSON)}


@pytest.mark.django_db
def test_a_schema_error_does_not_echo_the_input(cast: Cast) -> None:
    response = api_client_for(cast.admin).post(
        UNITS, {"name": ["salainen-arvo"], "code": "tre"}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json() == {
        "detail": [
            {"loc": ["body", "payload", "name"], "msg": "Enter text.", "type": "string_type"}
        ]
    }
    assert b"salainen-arvo" not in response.content


@pytest.mark.django_db
def test_an_empty_body_names_the_missing_payload(cast: Cast) -> None:
    response = api_client_for(cast.admin).post(UNITS, b"", content_type="application/json")
    assert response.status_code == 422
    assert response.json() == {
        "detail": [
            {"loc": ["body", "payload"], "msg": "This field is required.", "type": "missing"}
        ]
    }


@pytest.mark.django_db
def test_a_too_long_name_says_how_long_it_may_be(cast: Cast) -> None:
    response = api_client_for(cast.admin).post(
        UNITS, {"name": "x" * 201, "code": "tre"}, content_type="application/json"
    )
    assert response.json()["detail"] == [
        {
            "loc": ["body", "payload", "name"],
            "msg": "Use at most 200 characters.",
            "type": "string_too_long",
        }
    ]


@pytest.mark.django_db
def test_anonymous_gets_a_json_401_not_a_login_page() -> None:
    response = Client().get(UNITS)
    assert response.status_code == 401
    assert response.json() == {"detail": str(ERROR_UNAUTHORIZED)}


@pytest.mark.django_db
def test_an_unknown_address_under_the_api_is_a_json_404(cast: Cast) -> None:
    response = api_client_for(cast.agent).get("/api/v1/no/such/thing")
    assert response.status_code == 404
    assert response.json() == {"detail": str(ERROR_NOT_FOUND)}


# --- The browser session and CSRF ---------------------------------------------------


@pytest.mark.django_db
def test_a_session_post_without_the_csrf_token_is_refused(cast: Cast) -> None:
    client = Client(enforce_csrf_checks=True, headers={"Accept-Language": "en"})
    client.force_login(cast.admin)
    response = client.post(
        UNITS, {"name": "Hotelli Tampere", "code": "tre"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert response.json() == {"detail": str(ERROR_CSRF)}
    assert not Unit.objects.filter(code="tre").exists()


@pytest.mark.django_db
def test_a_session_post_with_the_csrf_token_is_accepted(cast: Cast) -> None:
    # As the interactive docs send it: the token from the page in X-CSRFToken
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.admin)
    client.get("/api/v1/docs")
    token = client.cookies["csrftoken"].value
    response = client.post(
        UNITS,
        {"name": "Hotelli Tampere", "code": "tre"},
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert response.status_code == 201
    assert Unit.objects.filter(code="tre").exists()


@pytest.mark.django_db
def test_anonymous_post_without_csrf_is_401_not_403() -> None:
    response = Client(enforce_csrf_checks=True).post(UNITS, {}, content_type="application/json")
    assert response.status_code == 401


# --- Handlers of what a request cannot cause on purpose -----------------------------


def test_a_database_conflict_is_a_409_without_the_database_message() -> None:
    request = RequestFactory().post(UNITS)
    response = on_conflict(request, IntegrityError("UNIQUE constraint failed: org_unit.code"))
    assert response.status_code == 409
    assert response.content.decode() == f'{{"detail": "{ERROR_CONFLICT}"}}'


def test_an_unexpected_error_is_logged_and_answered_without_internals(caplog: Any) -> None:
    request = RequestFactory().get(UNITS)
    with caplog.at_level(logging.ERROR, logger="kohtaamo.api"):
        response = on_unexpected(request, ValueError("password=hunter2 in /srv/kohtaamo/x.py"))
    assert response.status_code == 500
    assert response.content.decode() == f'{{"detail": "{ERROR_SERVER}"}}'
    assert "hunter2" in caplog.text
