"""An address opened with the wrong method says what to do, in a browser."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kohtaamo.conftest import Cast
from kohtaamo.testing.clients import client_for

pytestmark = pytest.mark.django_db
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_a_typed_sign_out_address_gets_a_page_in_finnish(cast: Cast) -> None:
    page = client_for(cast.agent).get(
        reverse("accounts:logout"), HTTP_ACCEPT=BROWSER, HTTP_ACCEPT_LANGUAGE="fi"
    )

    assert page.status_code == 405
    assert "Tämä sivu avautuu vain painikkeesta" in page.text
    assert "POST" in page["Allow"]
    assert "Content-Security-Policy" in page


def test_a_client_that_asks_for_no_html_keeps_the_empty_answer(cast: Cast) -> None:
    answer = client_for(cast.agent).get(reverse("accounts:logout"), HTTP_ACCEPT="application/json")

    assert answer.status_code == 405
    assert answer.content == b""
