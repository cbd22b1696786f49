from __future__ import annotations

from django.http import HttpRequest


def is_htmx(request: HttpRequest) -> bool:
    """True when HTMX asked for the page, so a fragment is enough.

    Not when HTMX restores history after a cache miss: then it wants the
    whole page, as a browser would.
    """
    htmx = getattr(request, "htmx", None)
    if not htmx:
        return False
    return not htmx.history_restore_request
