"""A load balancer's health check reaches `/healthz` as it does in production:
straight to the server's address, over plain HTTP."""

from __future__ import annotations

import json

import pytest
from django.db import OperationalError, connection
from django.test import Client

pytestmark = pytest.mark.django_db

BACKEND = "10.20.30.40:8000"


@pytest.fixture
def production(settings: object) -> None:
    """The README's production settings: one public host name, HTTPS only."""
    settings.ALLOWED_HOSTS = ["kohtaamo.example.fi"]  # type: ignore[attr-defined]
    settings.SECURE_SSL_REDIRECT = True  # type: ignore[attr-defined]


@pytest.mark.usefixtures("production")
@pytest.mark.parametrize("method", ["get", "head"])
def test_the_check_by_address_over_plain_http_gets_200(method: str) -> None:
    response = getattr(Client(), method)("/healthz", HTTP_HOST=BACKEND)

    assert response.status_code == 200
    if method == "get":
        assert json.loads(response.content) == {"status": "ok"}


@pytest.mark.usefixtures("production")
def test_every_other_page_still_refuses_a_foreign_host_and_plain_http() -> None:
    client = Client()

    assert client.get("/accounts/login/", HTTP_HOST=BACKEND).status_code == 400
    redirect = client.get("/accounts/login/", HTTP_HOST="kohtaamo.example.fi")
    assert redirect.status_code == 301
    assert redirect["Location"] == "https://kohtaamo.example.fi/accounts/login/"
    # A path that only starts like the check is not the check.
    assert client.get("/healthz/x", HTTP_HOST=BACKEND).status_code == 400


@pytest.mark.usefixtures("production")
def test_a_database_that_does_not_answer_gives_503(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)

    response = Client().get("/healthz", HTTP_HOST=BACKEND)

    assert response.status_code == 503
    assert json.loads(response.content) == {"status": "database unavailable"}


def test_the_check_refuses_a_post() -> None:
    assert Client().post("/healthz").status_code == 405
