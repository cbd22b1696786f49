from __future__ import annotations

from typing import Any

from django.test import Client


def client_for(user: Any | None) -> Client:
    """A test client signed in as `user` (or anonymous for None)."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client
