from __future__ import annotations

from typing import Any

from django.test import Client


def client_for(user: Any | None) -> Client:
    """A test client signed in as `user` (or anonymous for None)."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def api_client_for(user: Any, *, language: str = "en") -> Client:
    """A client that calls the REST API with a new personal token of `user`
    (no session), asking for answers in `language`."""
    from kohtaamo.accounts.services import api_token_create

    _token, secret = api_token_create(user=user, name="test")
    return Client(headers={"Authorization": f"Bearer {secret}", "Accept-Language": language})
