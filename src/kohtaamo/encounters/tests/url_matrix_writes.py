"""Writing encounters through the REST API, as every role (session sign-in).
The webhook takes no person: unsigned, everyone gets 401."""

from typing import Any

from kohtaamo.testing.url_matrix import FORBIDDEN, UNAUTHORIZED, Route

BAD_REQUEST = 400


def encounter_for(team_code: str, external_id: str) -> dict[str, Any]:
    return {
        "external_id": external_id,
        "channel": "phone",
        "started_at": "2025-03-14T09:30:00+02:00",
        "staff_email": "aino@example.fi",
        "team": team_code,
    }


EXPECTED = {
    "api-1.0.0:encounter_create": Route(
        {"anonymous": UNAUTHORIZED, "agent": FORBIDDEN, "lead": 201, "manager": 201, "admin": 201},
        method="post",
        data=lambda w: encounter_for("hki-vastaanotto", "MATRIX-1"),
        content_type="application/json",
    ),
    "api-1.0.0:encounter_create#other_team": Route(
        {
            "anonymous": UNAUTHORIZED,
            "agent": FORBIDDEN,
            "lead": BAD_REQUEST,
            "manager": BAD_REQUEST,
            "admin": 201,
        },
        method="post",
        data=lambda w: encounter_for("oulu-vastaanotto", "MATRIX-2"),
        content_type="application/json",
    ),
    "api-1.0.0:encounter_bulk_upsert": Route(
        {"anonymous": UNAUTHORIZED, "agent": FORBIDDEN, "lead": 200, "manager": 200, "admin": 200},
        method="post",
        data=lambda w: [encounter_for("hki-vastaanotto", "MATRIX-3")],  # type: ignore[list-item]
        content_type="application/json",
    ),
    "api-1.0.0:webhook_encounter": Route(
        {role: UNAUTHORIZED for role in ("anonymous", "agent", "lead", "manager", "admin")},
        kwargs=lambda w: {"source": "helpdesk"},
        method="post",
        data=lambda w: encounter_for("hki-vastaanotto", "MATRIX-4"),
        content_type="application/json",
    ),
}
