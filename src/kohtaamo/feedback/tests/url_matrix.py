"""The survey page (public) and the follow-up pages of leads and managers."""

from typing import Any

from kohtaamo.feedback.delivery import optout_token
from kohtaamo.feedback.models import Survey
from kohtaamo.feedback.public import public_survey_create
from kohtaamo.feedback.rules import invitation_rule_create
from kohtaamo.feedback.services import invitation_create, response_submit
from kohtaamo.testing.factories import EncounterFactory
from kohtaamo.testing.url_matrix import FORBIDDEN, LOGIN, NOT_FOUND, OK, UNAUTHORIZED, Route

REDIRECT = 302
CREATED = 201
MANAGERS = {
    "anonymous": LOGIN,
    "agent": FORBIDDEN,
    "lead": FORBIDDEN,
    "manager": OK,
    "admin": OK,
}
MANAGERS_POST = {**MANAGERS, "manager": REDIRECT, "admin": REDIRECT}
ONLY_ADMIN_MANAGES = {**MANAGERS, "manager": NOT_FOUND}
ONLY_ADMIN_DELETES = {**MANAGERS_POST, "manager": NOT_FOUND}

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
    rule = invitation_rule_create(
        unit=cast.hotel, survey=survey, channels=["phone"], delay_hours=2, sampling_percent=100
    )
    other_rule = invitation_rule_create(
        team=cast.other_team, survey=survey, channels=["chat"], delay_hours=1, sampling_percent=50
    )
    public = public_survey_create(unit=cast.hotel, survey=survey, by=cast.manager)
    other_public = public_survey_create(unit=cast.other_unit, survey=survey, by=cast.admin)
    return {
        "survey_token": token,
        "survey_id": survey.pk,
        "rule": rule,
        "other_rule": other_rule,
        "public": public,
        "other_public": other_public,
        "optout_token": optout_token(encounter.customer_id),
        "invitable": EncounterFactory(staff=cast.agent, team=cast.team),
        "followup": _detractor_followup(survey, answered),
        "other_followup": _detractor_followup(survey, other_answered),
    }


EVERYONE = {role: OK for role in ("anonymous", "agent", "lead", "manager", "admin")}

EXPECTED = {
    "feedback:survey": Route(EVERYONE, kwargs=lambda w: {"token": w.survey_token}),
    "feedback:survey#unknown": Route(
        {role: NOT_FOUND for role in EVERYONE}, kwargs=lambda w: {"token": "x" * 43}
    ),
    "feedback:public_survey": Route(EVERYONE, kwargs=lambda w: {"code": w.public.code}),
    "feedback:public_survey#unknown": Route(
        {role: NOT_FOUND for role in EVERYONE}, kwargs=lambda w: {"code": "x" * 16}
    ),
    "feedback:optout": Route(EVERYONE, kwargs=lambda w: {"token": w.optout_token}),
    "feedback:optout#forged": Route(
        {role: NOT_FOUND for role in EVERYONE}, kwargs=lambda w: {"token": "1:forged"}
    ),
    "feedback:rules": Route(MANAGERS),
    "feedback:rule_create": Route(MANAGERS),
    "feedback:rule_edit": Route(MANAGERS, kwargs=lambda w: {"pk": w.rule.pk}),
    "feedback:rule_edit#other": Route(ONLY_ADMIN_MANAGES, kwargs=lambda w: {"pk": w.other_rule.pk}),
    "feedback:rule_delete": Route(MANAGERS_POST, kwargs=lambda w: {"pk": w.rule.pk}, method="post"),
    "feedback:rule_delete#other": Route(
        ONLY_ADMIN_DELETES, kwargs=lambda w: {"pk": w.other_rule.pk}, method="post"
    ),
    "feedback:public_list": Route(MANAGERS),
    "feedback:public_detail": Route(MANAGERS, kwargs=lambda w: {"pk": w.public.pk}),
    "feedback:public_detail#other": Route(
        ONLY_ADMIN_MANAGES, kwargs=lambda w: {"pk": w.other_public.pk}
    ),
    "api-1.0.0:invitation_create": Route(
        {
            "anonymous": UNAUTHORIZED,
            "agent": FORBIDDEN,
            "lead": CREATED,
            "manager": CREATED,
            "admin": CREATED,
        },
        method="post",
        data=lambda w: {"encounter": w.invitable.pk, "survey": w.survey_id, "send_email": False},
        content_type="application/json",
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
