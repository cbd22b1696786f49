"""The checklist page: every signed-in person's self-check."""

from typing import Any

from kohtaamo.testing.url_matrix import LOGIN, OK, Route


def build_world(*, cast: Any, encounter: Any, other_encounter: Any) -> dict[str, Any]:
    return {}


EXPECTED = {
    "reviews:checklist": Route(
        {"anonymous": LOGIN, "agent": OK, "lead": OK, "manager": OK, "admin": OK}
    ),
}
