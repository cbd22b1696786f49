"""Personal API tokens: created in the UI or the CLI, shown once, stored as a
hash, revocable, acting with their owner's permissions."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import translation

from kohtaamo.accounts.models import ApiToken
from kohtaamo.accounts.services import api_token_create
from kohtaamo.conftest import Cast
from kohtaamo.core.api_common import ERROR_UNAUTHORIZED
from kohtaamo.testing.clients import client_for
from kohtaamo.testing.factories import EncounterFactory, UserFactory

pytestmark = pytest.mark.django_db

SECRET = re.compile(r"kht_[A-Za-z0-9_-]{40,}")
ENCOUNTERS = "/api/v1/encounters"


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    with translation.override("en"):
        yield


def bearer(secret: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {secret}", "Accept-Language": "en"})


def encounter_ids(response: Any) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def test_token_created_in_the_ui_is_shown_once(cast: Cast) -> None:
    client = client_for(cast.agent)
    # When the agent creates a token on the tokens page
    created = client.post(reverse("accounts:tokens"), {"name": "Helpdesk"})
    # Then the page shows its secret, which starts with the stored prefix
    secrets_shown = SECRET.findall(created.content.decode())
    assert len(secrets_shown) == 1
    token = ApiToken.objects.get(user=cast.agent)
    assert token.name == "Helpdesk"
    assert secrets_shown[0].startswith(token.prefix)
    # And the page never shows it again, only its name and prefix
    later = client.get(reverse("accounts:tokens")).content.decode()
    assert secrets_shown[0] not in later
    assert SECRET.findall(later) == []
    assert "Helpdesk" in later
    assert f"{token.prefix}…" in later


def test_token_is_stored_only_as_a_hash(cast: Cast) -> None:
    created = client_for(cast.agent).post(reverse("accounts:tokens"), {"name": "Helpdesk"})
    secret = SECRET.findall(created.content.decode())[0]
    token = ApiToken.objects.get(user=cast.agent)
    assert token.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    # No column of the stored row holds the secret
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM accounts_apitoken")
        stored = [str(value) for row in cursor.fetchall() for value in row]
    assert not any(secret in value for value in stored)


def test_token_created_in_the_ui_opens_the_api(cast: Cast, encounter: Any) -> None:
    created = client_for(cast.agent).post(reverse("accounts:tokens"), {"name": "Helpdesk"})
    secret = SECRET.findall(created.content.decode())[0]
    assert encounter_ids(bearer(secret).get(ENCOUNTERS)) == [encounter.pk]


def test_token_acts_with_its_owners_permissions(
    cast: Cast, encounter: Any, other_encounter: Any
) -> None:
    # Given an encounter of the agent's teammate besides the agent's own
    teammate_encounter = EncounterFactory(staff=UserFactory(), team=cast.team)
    _token, agent_secret = api_token_create(user=cast.agent, name="agent")
    _token, lead_secret = api_token_create(user=cast.lead, name="lead")
    # Then the agent's token sees the agent's encounter only, the lead's the team's
    assert encounter_ids(bearer(agent_secret).get(ENCOUNTERS)) == [encounter.pk]
    assert sorted(encounter_ids(bearer(lead_secret).get(ENCOUNTERS))) == sorted(
        [encounter.pk, teammate_encounter.pk]
    )
    # And a detail out of the agent's reach is 404 with their token
    response = bearer(agent_secret).get(f"{ENCOUNTERS}/{teammate_encounter.pk}")
    assert response.status_code == 404


def test_revoked_token_gets_401(cast: Cast, encounter: Any) -> None:
    token, secret = api_token_create(user=cast.agent, name="Helpdesk")
    assert bearer(secret).get(ENCOUNTERS).status_code == 200
    # When the agent revokes it on the tokens page
    response = client_for(cast.agent).post(reverse("accounts:token_revoke", args=[token.pk]))
    assert response.status_code == 302
    # Then the API refuses it with a JSON 401
    response = bearer(secret).get(ENCOUNTERS)
    assert response.status_code == 401
    assert response.json() == {"detail": str(ERROR_UNAUTHORIZED)}
    assert response["WWW-Authenticate"] == "Bearer"
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_someone_elses_token_cannot_be_revoked(cast: Cast) -> None:
    token, secret = api_token_create(user=cast.agent, name="Helpdesk")
    response = client_for(cast.lead).post(reverse("accounts:token_revoke", args=[token.pk]))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
    assert bearer(secret).get(ENCOUNTERS).status_code == 200


def test_token_of_a_deactivated_person_gets_401(cast: Cast) -> None:
    _token, secret = api_token_create(user=cast.agent, name="Helpdesk")
    cast.agent.is_active = False
    cast.agent.save()
    assert bearer(secret).get(ENCOUNTERS).status_code == 401


@pytest.mark.parametrize(
    "header",
    ["Bearer kht_not-a-real-token", "Bearer ", "Basic YWlubzpzYWxhc2FuYQ==", "kht_no-scheme"],
)
def test_a_wrong_or_missing_token_gets_401(cast: Cast, header: str) -> None:
    response = Client(headers={"Authorization": header}).get(ENCOUNTERS)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json; charset=utf-8"


def test_first_use_of_a_token_is_recorded(cast: Cast) -> None:
    token, secret = api_token_create(user=cast.agent, name="Helpdesk")
    assert token.last_used_at is None
    bearer(secret).get(ENCOUNTERS)
    token.refresh_from_db()
    assert token.last_used_at is not None


# --- The CLI ------------------------------------------------------------------------


def _kohtaamo_token(*args: str) -> subprocess.CompletedProcess[str]:
    """Run `kohtaamo token` as a separate process on the test database."""
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        database_url = f"sqlite:///{db['NAME']}"
    else:
        auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        database_url = (
            f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        )
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DJANGO_SETTINGS_MODULE="kohtaamo.settings", KOHTAAMO_DATABASE_URL=database_url)
    return subprocess.run(
        [sys.executable, "-m", "kohtaamo.cli", "token", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_cli_prints_a_token_that_opens_the_api(cast: Cast, encounter: Any) -> None:
    # Given the test database, committed, seen by a separate `kohtaamo` process
    # When the CLI creates a token for the agent
    result = _kohtaamo_token("--email", "AINO@example.fi")
    # Then it prints one secret, stores one token for her, and the secret opens the API
    assert result.returncode == 0, result.stderr
    secrets_printed = SECRET.findall(result.stdout)
    assert len(secrets_printed) == 1
    token = ApiToken.objects.get(user=cast.agent)
    assert token.name == "CLI"
    assert token.key_hash == hashlib.sha256(secrets_printed[0].encode()).hexdigest()
    assert encounter_ids(bearer(secrets_printed[0]).get(ENCOUNTERS)) == [encounter.pk]


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_cli_refuses_an_unknown_e_mail(cast: Cast) -> None:
    result = _kohtaamo_token("--email", "nobody@example.fi")
    assert result.returncode == 1
    assert "nobody@example.fi" in result.stderr
    assert SECRET.findall(result.stdout) == []
    assert ApiToken.objects.count() == 0
