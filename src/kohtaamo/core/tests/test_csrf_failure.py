"""A form sent without its CSRF cookie gets a page of Kohtaamo's own, in the
reader's language, not Django's technical page."""

from __future__ import annotations

import pytest
from django.test import Client

from kohtaamo.conftest import Cast
from kohtaamo.testing.clients import client_for

pytestmark = pytest.mark.django_db


def test_a_staff_form_without_its_cookie_gets_a_page_in_finnish(cast: Cast) -> None:
    client = client_for(cast.lead)
    client.handler.enforce_csrf_checks = True

    refused = client.post("/feedback/rules/new/", {}, HTTP_ACCEPT_LANGUAGE="fi")

    assert refused.status_code == 403
    assert "Lomaketta ei voitu lähettää" in refused.text
    assert "DEBUG" not in refused.text


def test_signing_in_without_the_cookie_gets_the_same_page() -> None:
    refused = Client(enforce_csrf_checks=True).post(
        "/accounts/login/", {"username": "x", "password": "y"}, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert refused.status_code == 403
    assert "The form could not be sent" in refused.text
