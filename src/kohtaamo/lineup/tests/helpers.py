from __future__ import annotations

from typing import Any

from kohtaamo.feedback.models import Response, Survey
from kohtaamo.feedback.services import invitation_create, response_submit
from kohtaamo.testing.factories import CustomerFactory, EncounterFactory


def answered(
    *,
    staff: Any,
    team: Any,
    nps: int,
    comment: str = "",
    csat: int | None = 4,
    customer: Any = None,
) -> Response:
    """A customer's answer to an encounter of `staff` in `team`."""
    survey = Survey.objects.first() or Survey.objects.create(name="Asiakaskysely")
    encounter = EncounterFactory(staff=staff, team=team, customer=customer or CustomerFactory())
    invitation, _token = invitation_create(encounter=encounter, survey=survey)
    return response_submit(
        invitation=invitation, nps=nps, csat=csat, ces=6, comment=comment, consent_contact=False
    )
