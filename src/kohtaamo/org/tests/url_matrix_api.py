"""The organisation part of the REST API, as every role (session sign-in).

Anonymous gets 401 from the API, never a redirect to the login page."""

from kohtaamo.testing.url_matrix import (
    FORBIDDEN,
    NOT_FOUND,
    OK,
    UNAUTHORIZED,
    Route,
    same_for_signed_in,
)

CREATED = 201
ADMIN_ONLY = {
    "anonymous": UNAUTHORIZED,
    "agent": FORBIDDEN,
    "lead": FORBIDDEN,
    "manager": FORBIDDEN,
    "admin": CREATED,
}
ONLY_ADMIN_SEES = {
    "anonymous": UNAUTHORIZED,
    "agent": NOT_FOUND,
    "lead": NOT_FOUND,
    "manager": NOT_FOUND,
    "admin": OK,
}
JSON = "application/json"

EXPECTED = {
    "api-1.0.0:unit_list": Route(same_for_signed_in(OK, anonymous=UNAUTHORIZED)),
    "api-1.0.0:unit_detail": Route(
        same_for_signed_in(OK, anonymous=UNAUTHORIZED),
        kwargs=lambda w: {"unit_id": w.cast.hotel.pk},
    ),
    "api-1.0.0:unit_detail#other": Route(
        ONLY_ADMIN_SEES, kwargs=lambda w: {"unit_id": w.cast.other_unit.pk}
    ),
    "api-1.0.0:unit_create": Route(
        ADMIN_ONLY,
        method="post",
        data=lambda w: {"name": "Hotelli Tampere", "code": "tre", "parent": w.cast.region.pk},
        content_type=JSON,
    ),
    "api-1.0.0:team_list": Route(same_for_signed_in(OK, anonymous=UNAUTHORIZED)),
    "api-1.0.0:team_detail": Route(
        same_for_signed_in(OK, anonymous=UNAUTHORIZED),
        kwargs=lambda w: {"team_id": w.cast.team.pk},
    ),
    "api-1.0.0:team_detail#other": Route(
        ONLY_ADMIN_SEES, kwargs=lambda w: {"team_id": w.cast.other_team.pk}
    ),
    "api-1.0.0:team_create": Route(
        ADMIN_ONLY,
        method="post",
        data=lambda w: {"name": "Aamiainen", "code": "hki-aamiainen", "unit": w.cast.hotel.pk},
        content_type=JSON,
    ),
    "api-1.0.0:person_list": Route(same_for_signed_in(OK, anonymous=UNAUTHORIZED)),
    # The agent sees themselves; the lead their team; the manager their region.
    "api-1.0.0:person_detail": Route(
        same_for_signed_in(OK, anonymous=UNAUTHORIZED),
        kwargs=lambda w: {"person_id": w.cast.agent.pk},
    ),
    "api-1.0.0:person_detail#other": Route(
        ONLY_ADMIN_SEES, kwargs=lambda w: {"person_id": w.cast.outsider.pk}
    ),
    "api-1.0.0:person_create": Route(
        ADMIN_ONLY,
        method="post",
        data=lambda w: {
            "email": "kaisa.koskinen@example.fi",
            "first_name": "Kaisa",
            "last_name": "Koskinen",
            "memberships": [{"team": w.cast.team.pk, "role": "agent"}],
        },
        content_type=JSON,
    ),
    # Any other address under the API is a JSON 404, whoever asks.
    "api_not_found": Route(
        same_for_signed_in(NOT_FOUND, anonymous=NOT_FOUND),
        kwargs=lambda w: {"rest": "units/not-a-number"},
    ),
}
