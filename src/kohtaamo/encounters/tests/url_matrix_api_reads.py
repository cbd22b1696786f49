"""Customers and encounters in the REST API (reads and recording a customer),
as every role (session sign-in)."""

from kohtaamo.testing.url_matrix import (
    FORBIDDEN,
    NOT_FOUND,
    OK,
    UNAUTHORIZED,
    Route,
    same_for_signed_in,
)

ONLY_ADMIN_SEES = {
    "anonymous": UNAUTHORIZED,
    "agent": NOT_FOUND,
    "lead": NOT_FOUND,
    "manager": NOT_FOUND,
    "admin": OK,
}

EXPECTED = {
    "api-1.0.0:customer_list": Route(same_for_signed_in(OK, anonymous=UNAUTHORIZED)),
    "api-1.0.0:customer_detail": Route(
        same_for_signed_in(OK, anonymous=UNAUTHORIZED),
        kwargs=lambda w: {"customer_id": w.encounter.customer_id},
    ),
    "api-1.0.0:customer_detail#other": Route(
        ONLY_ADMIN_SEES, kwargs=lambda w: {"customer_id": w.other_encounter.customer_id}
    ),
    "api-1.0.0:customer_create": Route(
        {
            "anonymous": UNAUTHORIZED,
            "agent": FORBIDDEN,
            "lead": FORBIDDEN,
            "manager": 201,
            "admin": 201,
        },
        method="post",
        data=lambda w: {"external_id": "CRM-9001", "name": "Ritva Rantanen"},
        content_type="application/json",
    ),
    "api-1.0.0:encounter_list": Route(same_for_signed_in(OK, anonymous=UNAUTHORIZED)),
    "api-1.0.0:encounter_detail": Route(
        same_for_signed_in(OK, anonymous=UNAUTHORIZED),
        kwargs=lambda w: {"encounter_id": w.encounter.pk},
    ),
    "api-1.0.0:encounter_detail#other": Route(
        ONLY_ADMIN_SEES, kwargs=lambda w: {"encounter_id": w.other_encounter.pk}
    ),
}
