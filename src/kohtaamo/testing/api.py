"""Small helpers for tests of the REST API."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.urls import reverse
from django.utils import translation


def api_url(name: str, **kwargs: Any) -> str:
    """The address of an API operation by its url_name."""
    return reverse(f"api-1.0.0:{name}", kwargs=kwargs)


def item_ids(response: Any) -> list[int]:
    """The ids on one page of a list answer, in order."""
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


@contextmanager
def in_english() -> Iterator[None]:
    """The test clients of the API ask for English; read the message constants
    in English too, whatever catalogues exist."""
    with translation.override("en"):
        yield
