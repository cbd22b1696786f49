from __future__ import annotations

from typing import Any

from kohtaamo.feedback.models import Invitation, Response
from kohtaamo.feedback.services import response_submit


def answer(invitation: Invitation, **values: Any) -> Response:
    """Submit an answer, with a content customer's values for those not given."""
    defaults: dict[str, Any] = {
        "nps": 9,
        "csat": 4,
        "ces": 6,
        "comment": "",
        "consent_contact": False,
    }
    return response_submit(invitation=invitation, **{**defaults, **values})
