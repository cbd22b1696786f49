"""Pages speak the language the person chose: Finnish by default, Swedish or
English when chosen by cookie or by the browser's Accept-Language."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from kohtaamo.conftest import Cast
from kohtaamo.core.tests.html import nav_labels, parse
from kohtaamo.core.tests.pages import page_client
from kohtaamo.encounters.importing.messages import ERROR_UNKNOWN_FORMAT
from kohtaamo.testing.clients import api_client_for, client_for

pytestmark = pytest.mark.django_db


def _heading(content: bytes) -> str:
    return next(node for node in parse(content).walk() if node.tag == "h1").text()


def test_login_page_is_in_finnish_by_default(db: None) -> None:
    response = Client().get(reverse("accounts:login"))
    assert _heading(response.content) == "Kirjaudu sisään"


@pytest.mark.parametrize(
    ("language", "heading"),
    [("fi", "Kirjaudu sisään"), ("sv", "Logga in"), ("en", "Log in")],
)
def test_login_page_follows_the_chosen_language(db: None, language: str, heading: str) -> None:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(reverse("accounts:login"))
    assert _heading(response.content) == heading


def test_login_page_follows_the_browser_language(db: None) -> None:
    response = Client(headers={"Accept-Language": "sv-FI,sv;q=0.9"}).get(reverse("accounts:login"))
    assert _heading(response.content) == "Logga in"


@pytest.mark.parametrize(
    ("language", "first_items"),
    [("fi", ["Etusivu", "Kohtaamiset"]), ("sv", ["Startsida", "Kundmöten"])],
)
def test_navigation_of_a_team_lead_is_translated(
    cast: Cast, language: str, first_items: list[str]
) -> None:
    english = nav_labels(page_client(cast.lead).get(reverse("core:home")).content)
    response = page_client(cast.lead, language=language).get(reverse("core:home"))
    shown = nav_labels(response.content)
    assert shown[:2] == first_items
    with translation.override(language):
        assert shown == [translation.gettext(label) for label in english]


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fi", "Tuntematon tiedostotyyppi: käytä .csv- tai .jsonl-tiedostoa."),
        ("sv", "Okänd filtyp: använd en .csv- eller .jsonl-fil."),
    ],
)
def test_error_constants_are_translated(language: str, message: str) -> None:
    with translation.override(language):
        assert str(ERROR_UNKNOWN_FORMAT) == message


def test_api_errors_follow_the_accept_language_header(cast: Cast) -> None:
    client = api_client_for(cast.agent, language="fi")
    response = client.get("/api/v1/encounters/999999999")
    assert response.status_code == 404
    assert response.json()["detail"] == "Ei löytynyt."


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_language_choice_names_each_language_in_itself(db: None, language: str) -> None:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = parse(client.get(reverse("accounts:login")).content)
    select = next(node for node in page.walk() if node.attrs.get("id") == "lang-select")
    options = [node for node in select.walk() if node.tag == "option"]
    assert [node.text() for node in options] == ["Suomi", "Svenska", "English"]
    assert [node.attrs.get("selected", "no") for node in options] == [
        None if code == language else "no" for code in ("fi", "sv", "en")
    ]


@pytest.mark.parametrize(
    ("language", "shown"),
    [("fi", "”Bearer <avain>”"), ("sv", "”Bearer <nyckel>”"), ("en", "“Bearer <token>”")],
)
def test_token_page_shows_the_header_format_as_text(cast: Cast, language: str, shown: str) -> None:
    response = page_client(cast.agent, language=language).get(reverse("accounts:tokens"))
    lead = next(
        node for node in parse(response.content).walk() if node.attrs.get("class") == "lead"
    )
    assert shown in lead.text()


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "label"), [("fi", "- Valitse -"), ("sv", "- Välj -")])
def test_an_empty_choice_is_labelled_in_the_readers_language(
    cast: Cast, language: str, label: str
) -> None:
    # Django's own label for it, which its catalogues do not translate yet
    page = client_for(cast.manager).get("/feedback/rules/new/", HTTP_ACCEPT_LANGUAGE=language)

    assert page.status_code == 200
    assert label in page.text
    assert "Select an option" not in page.text
