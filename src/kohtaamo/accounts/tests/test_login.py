"""Logging in and out, lock-out after failures, password hashing and change,
and choosing the language."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django.urls import reverse

from kohtaamo.accounts.forms import ERROR_LOGIN_INVALID
from kohtaamo.conftest import Cast
from kohtaamo.core.tests.html import parse
from kohtaamo.core.tests.pages import en
from kohtaamo.org.services import person_create
from kohtaamo.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"


def _english_client() -> Client:
    client = Client()
    client.cookies["django_language"] = "en"
    return client


def _log_in(client: Client, username: str, password: str) -> Any:
    return client.post(LOGIN, {"username": username, "password": password})


def test_login_with_email_and_password_opens_the_start_page(cast: Cast) -> None:
    client = _english_client()
    response = _log_in(client, "aino@example.fi", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("core:home")
    assert client.get(reverse("core:home")).context["user"] == cast.agent


def test_login_ignores_the_case_of_the_email(cast: Cast) -> None:
    response = _log_in(_english_client(), "  Aino@Example.FI ", PASSWORD)
    assert response.status_code == 302


def test_a_wrong_password_is_refused_with_a_message(cast: Cast) -> None:
    response = _log_in(_english_client(), "aino@example.fi", "väärä-salasana")
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [en(ERROR_LOGIN_INVALID)]
    assert en(ERROR_LOGIN_INVALID) == "The e-mail address or the password is not correct."


def test_the_login_page_asks_for_the_email(db: None) -> None:
    response = _english_client().get(LOGIN)
    labels = [node.text() for node in parse(response.content).walk() if node.tag == "label"]
    assert labels[1:] == ["E-mail:", "Password:"]


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(cast: Cast) -> None:
    client = _english_client()
    for _attempt in range(4):
        assert _log_in(client, "aino@example.fi", "väärä").status_code == 200
    # the fifth failure locks
    locked = _log_in(client, "aino@example.fi", "väärä")
    assert locked.status_code == 429
    # and now even the right password shows the locked-out page
    response = _log_in(client, "aino@example.fi", PASSWORD)
    assert response.status_code == 429
    assert "accounts/locked_out.html" in [t.name for t in response.templates]
    assert "Too many failed attempts" in response.text
    assert "_auth_user_id" not in client.session


def test_a_lock_does_not_spread_to_another_account(cast: Cast) -> None:
    client = _english_client()
    for _attempt in range(5):
        _log_in(client, "aino@example.fi", "väärä")
    assert _log_in(client, "leena@example.fi", PASSWORD).status_code == 302


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"])
def test_passwords_are_stored_as_argon2_hashes(db: None) -> None:
    person = person_create(
        email="kaisa@example.fi",
        first_name="Kaisa",
        last_name="Korhonen",
        password="talvi-aamu-2026",
    )
    stored = get_user_model().objects.get(pk=person.pk).password
    assert stored.startswith("argon2$argon2id$")
    assert _log_in(_english_client(), "kaisa@example.fi", "talvi-aamu-2026").status_code == 302


def test_production_settings_hash_with_argon2_first() -> None:
    from kohtaamo import settings as production

    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_logout_is_a_post_and_ends_the_session(cast: Cast) -> None:
    client = _english_client()
    client.force_login(cast.agent)
    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response["Location"] == reverse("accounts:login")
    assert client.get(reverse("core:home")).status_code == 302


def test_password_change_needs_the_old_password(cast: Cast) -> None:
    client = _english_client()
    client.force_login(cast.agent)
    url = reverse("accounts:password_change")
    refused = client.post(
        url,
        {
            "old_password": "väärä",
            "new_password1": "kesä-ilta-järvellä",
            "new_password2": "kesä-ilta-järvellä",
        },
    )
    assert refused.context["form"].errors == {
        "old_password": ["Your old password was entered incorrectly. Please enter it again."]
    }
    assert get_user_model().objects.get(pk=cast.agent.pk).check_password(PASSWORD)
    response = client.post(
        url,
        {
            "old_password": PASSWORD,
            "new_password1": "kesä-ilta-järvellä",
            "new_password2": "kesä-ilta-järvellä",
        },
    )
    assert response["Location"] == reverse("accounts:password_change_done")
    assert get_user_model().objects.get(pk=cast.agent.pk).check_password("kesä-ilta-järvellä")
    # the session survives the change
    assert client.get(reverse("core:home")).status_code == 200


def _html_lang(response: Any) -> str:
    return next(node for node in parse(response.content).walk() if node.tag == "html").attrs["lang"]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_choosing_a_language_changes_the_page_language(cast: Cast, language: str) -> None:
    client = Client()
    client.force_login(cast.agent)
    response = client.post(
        reverse("set_language"),
        {"language": language, "next": reverse("org:team_detail", args=[cast.team.pk])},
    )
    assert response["Location"] == reverse("org:team_detail", args=[cast.team.pk])
    page = client.get(response["Location"])
    assert _html_lang(page) == language
    assert page["Content-Language"] == language


def test_the_default_language_is_finnish(db: None) -> None:
    response = Client().get(LOGIN)
    assert _html_lang(response) == "fi"


def test_an_unknown_language_is_ignored(cast: Cast) -> None:
    client = Client()
    client.post(reverse("set_language"), {"language": "de"})
    assert _html_lang(client.get(LOGIN)) == "fi"


def test_a_signed_in_persons_choice_of_language_is_remembered(cast: Cast) -> None:
    from kohtaamo.accounts.selectors import languages_of

    client = Client()
    client.force_login(cast.lead)
    client.post(reverse("set_language"), {"language": "sv", "next": "/"})
    client.post(reverse("set_language"), {"language": "de", "next": "/"})  # ignored
    Client().post(reverse("set_language"), {"language": "en"})  # nobody signed in
    assert languages_of(users=[cast.lead, cast.agent]) == {cast.lead.pk: "sv", cast.agent.pk: "fi"}
