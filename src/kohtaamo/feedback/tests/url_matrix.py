"""The survey page (public) and the follow-up pages of leads and managers."""

from typing import Any

from kohtaamo.feedback.models import Survey
from kohtaamo.feedback.services import invitation_create, response_submit
from kohtaamo.testing.factories import EncounterFactory
from kohtaamo.testing.url_matrix import FORBIDDEN, LOGIN, NOT_FOUND, OK, Route

ONLY_ADMIN_SEES = {
    "anonymous": LOGIN,
    "agent": NOT_FOUND,
    "lead": NOT_FOUND,
    "manager": NOT_FOUND,
    "admin": OK,
}


def _detractor_followup(survey: Survey, encounter: Any) -> Any:
    invitation, _token = invitation_create(encounter=encounter, survey=survey)
    response = response_submit(
        invitation=invitation,
        nps=3,
        csat=2,
        ces=2,
        comment="Jonotin liian kauan.",
        consent_contact=True,
    )
    return response.followup


def build_world(*, cast: Any, encounter: Any, other_encounter: Any) -> dict[str, Any]:
    survey = Survey.objects.create(name="Vastaanoton kysely")
    _open, token = invitation_create(encounter=encounter, survey=survey)
    # The matrix's own encounter keeps an open invitation for the survey page;
    # the follow-ups come from answers to encounters of their own.
    answered = EncounterFactory(staff=cast.agent, team=cast.team)
    other_answered = EncounterFactory(staff=cast.outsider, team=cast.other_team)
    return {
        "survey_token": token,
        "followup": _detractor_followup(survey, answered),
        "other_followup": _detractor_followup(survey, other_answered),
    }


EVERYONE = {role: OK for role in ("anonymous", "agent", "lead", "manager", "admin")}

EXPECTED = {
    "feedback:survey": Route(EVERYONE, kwargs=lambda w: {"token": w.survey_token}),
    "feedback:survey#unknown": Route(
        {role: NOT_FOUND for role in EVERYONE}, kwargs=lambda w: {"token": "x" * 43}
    ),
    "feedback:followups": Route(
        {"anonymous": LOGIN, "agent": FORBIDDEN, "lead": OK, "manager": OK, "admin": OK}
    ),
    "feedback:followup_detail": Route(
        {"anonymous": LOGIN, "agent": NOT_FOUND, "lead": OK, "manager": OK, "admin": OK},
        kwargs=lambda w: {"pk": w.followup.pk},
    ),
    "feedback:followup_detail#other": Route(
        ONLY_ADMIN_SEES, kwargs=lambda w: {"pk": w.other_followup.pk}
    ),
}
