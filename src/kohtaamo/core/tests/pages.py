"""Helpers for page tests: a signed-in client reading English, so that
tests can assert exact English text whatever the translations say."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.test import Client
from django.utils import translation

from kohtaamo.testing.clients import client_for


def page_client(user: Any | None, language: str = "en") -> Client:
    client = client_for(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def en(text: Any) -> str:
    """A translatable constant as the English page shows it."""
    with translation.override("en"):
        return str(text)
