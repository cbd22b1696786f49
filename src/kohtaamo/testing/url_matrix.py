"""The role-by-URL matrix: what each role gets from each URL of the project.

Every app lists its URLs in `<app>/tests/url_matrix.py` as `EXPECTED`, a dict
from the URL's name ("namespace:name") to a `Route`. The central test in
`core/tests/test_url_matrix.py` walks every URL pattern of the project and
fails for one that no app lists, so a new view cannot skip its access test.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ROLES = ("anonymous", "agent", "lead", "manager", "admin")

# Shorthands for the usual answers.
LOGIN = "login"  # a redirect to the login page
OK = 200
FORBIDDEN = 403
NOT_FOUND = 404
UNAUTHORIZED = 401


@dataclass(frozen=True)
class Route:
    """What each role gets. `kwargs` builds the URL's arguments from the world
    (the cast plus a few objects); `expect` maps role to a status or LOGIN."""

    expect: dict[str, int | str]
    kwargs: Callable[[Any], dict[str, Any]] = field(default=lambda world: {})
    method: str = "get"
    data: Callable[[Any], dict[str, Any]] | None = None
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


def same_for_signed_in(status: int, anonymous: int | str = LOGIN) -> dict[str, int | str]:
    return {
        "anonymous": anonymous,
        "agent": status,
        "lead": status,
        "manager": status,
        "admin": status,
    }
