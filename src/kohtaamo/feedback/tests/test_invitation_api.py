"""POST /api/v1/invitations: the same rules and messages as the tick (issue 4)."""

from __future__ import annotations

from typing import Any

from django.core import mail
from django.test import Client

from kohtaamo.conftest import Cast
from kohtaamo.core.tests.pages import en
from kohtaamo.feedback.api import ERROR_UNKNOWN_ENCOUNTER
from kohtaamo.feedback.invitation_requests import ERROR_NO_SURVEY, ERROR_UNKNOWN_SURVEY
from kohtaamo.feedback.models import Invitation, InvitationStatus, Survey
from kohtaamo.feedback.rules import invitation_rule_create
from kohtaamo.feedback.services import (
    ERROR_ALREADY_INVITED,
    ERROR_INVITED_RECENTLY,
    ERROR_OPTED_OUT,
)
from kohtaamo.testing.clients import api_client_for
from kohtaamo.testing.factories import EncounterFactory

URL = "/api/v1/invitations"


def _post(client: Client, **payload: Any) -> Any:
    return client.post(URL, payload, content_type="application/json")


def test_lead_invites_and_the_email_goes_out(cast: Cast, survey: Survey, encounter: Any) -> None:
    invitation_rule_create(
        team=cast.team, survey=survey, channels=["phone"], delay_hours=2, sampling_percent=100
    )
    response = _post(api_client_for(cast.lead), encounter=encounter.pk)
    assert response.status_code == 201
    body = response.json()
    invitation = Invitation.objects.get()
    assert body["id"] == invitation.pk
    assert (body["encounter"], body["survey"], body["url"]) == (encounter.pk, survey.pk, None)
    assert body["status"] == InvitationStatus.SENT
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [encounter.customer.email]


def test_without_email_the_answer_carries_a_working_link(
    cast: Cast, survey: Survey, encounter: Any
) -> None:
    response = _post(
        api_client_for(cast.manager),
        encounter=encounter.pk,
        survey=survey.pk,
        language="en",
        send_email=False,
    )
    assert response.status_code == 201
    url = response.json()["url"]
    assert url.startswith("http://127.0.0.1:8000/s/")
    assert Client().get(url.removeprefix("http://127.0.0.1:8000")).status_code == 200
    assert response.json()["language"] == "en"
    assert mail.outbox == []


def test_refusals_use_the_rules_messages_and_save_nothing(
    cast: Cast, survey: Survey, encounter: Any
) -> None:
    client = api_client_for(cast.admin)
    encounter.customer.consent_surveys = False
    encounter.customer.save()
    refused = _post(client, encounter=encounter.pk, survey=survey.pk)
    assert refused.status_code == 400
    assert refused.json()["detail"] == [
        {"loc": ["body", "payload", "encounter"], "msg": en(ERROR_OPTED_OUT), "type": "invalid"}
    ]
    assert Invitation.objects.count() == 0
    # the fatigue rule and one invitation per encounter
    other = EncounterFactory(team=cast.team)
    same_customer = EncounterFactory(team=cast.team, customer=other.customer)
    assert _post(client, encounter=other.pk, survey=survey.pk).status_code == 201
    again = _post(client, encounter=other.pk, survey=survey.pk)
    assert again.json()["detail"][0]["msg"] == en(ERROR_ALREADY_INVITED)
    recently = _post(client, encounter=same_customer.pk, survey=survey.pk)
    assert recently.json()["detail"][0]["msg"] == en(ERROR_INVITED_RECENTLY) % {"days": 30}
    assert Invitation.objects.count() == 1


def test_survey_must_come_from_a_rule_or_fit_the_unit(
    cast: Cast, survey: Survey, encounter: Any
) -> None:
    client = api_client_for(cast.admin)
    no_rule = _post(client, encounter=encounter.pk)
    assert no_rule.status_code == 400
    assert no_rule.json()["detail"] == [
        {"loc": ["body", "payload", "survey"], "msg": en(ERROR_NO_SURVEY), "type": "invalid"}
    ]
    oulu = Survey.objects.create(name="Oulu", unit=cast.other_unit)
    wrong = _post(client, encounter=encounter.pk, survey=oulu.pk)
    assert wrong.json()["detail"][0]["msg"] == en(ERROR_UNKNOWN_SURVEY)
    assert Invitation.objects.count() == 0


def test_someone_elses_encounter_is_unknown_and_agents_may_not_invite(
    cast: Cast, survey: Survey, encounter: Any, other_encounter: Any
) -> None:
    response = _post(api_client_for(cast.lead), encounter=other_encounter.pk, survey=survey.pk)
    assert response.status_code == 400
    assert response.json()["detail"][0] == {
        "loc": ["body", "payload", "encounter"],
        "msg": en(ERROR_UNKNOWN_ENCOUNTER),
        "type": "invalid",
    }
    assert _post(api_client_for(cast.agent), encounter=encounter.pk).status_code == 403
    assert Invitation.objects.count() == 0


def test_malformed_payloads_get_422(cast: Cast) -> None:
    client = api_client_for(cast.admin)
    for payload in ({}, {"encounter": "abc"}, {"encounter": 0}, {"encounter": 1, "language": "de"}):
        assert _post(client, **payload).status_code == 422
    assert Invitation.objects.count() == 0


def test_an_id_or_a_switch_of_the_wrong_json_type_is_refused_not_converted(
    cast: Cast, survey: Survey, encounter: Any
) -> None:
    # true would have been read as encounter 1, "12" as 12, "off" as false
    client = api_client_for(cast.admin)
    cases = [
        ({"encounter": True}, "int_type"),
        ({"encounter": str(encounter.pk)}, "int_type"),
        ({"encounter": encounter.pk, "send_email": "off"}, "bool_type"),
        ({"encounter": encounter.pk, "send_email": 0}, "bool_type"),
    ]
    for payload, kind in cases:
        response = _post(client, survey=survey.pk, **payload)
        assert response.status_code == 422, payload
        [error] = response.json()["detail"]
        assert error["type"] == kind
    assert Invitation.objects.count() == 0
