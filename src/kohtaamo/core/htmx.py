from __future__ import annotations

from django.http import HttpRequest


def is_htmx(request: HttpRequest) -> bool:
    """True when HTMX asked for the page, so a fragment is enough."""
    return bool(getattr(request, "htmx", False))
