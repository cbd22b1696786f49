"""Two submissions of the same link at the same moment store exactly one answer,
and two invitations of one customer at the same moment make only one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from kohtaamo.feedback.models import FollowUp, Invitation, Response, Survey
from kohtaamo.feedback.services import invitation_create, response_submit
from kohtaamo.insights.aggregates import answer_inbox_fold
from kohtaamo.insights.models import AnswerDay, AnswerTeamDay
from kohtaamo.testing.concurrency import at_once, ready_then_at_once
from kohtaamo.testing.factories import CustomerFactory, EncounterFactory

SUBMITTERS = 4


@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_of_one_link_store_exactly_one_response(encounter: Any) -> None:
    # given one invitation, loaded separately by each of several requests
    survey = Survey.objects.create(name="Asiakaskysely")
    invitation, _token = invitation_create(encounter=encounter, survey=survey)

    def loaded(nps: int) -> Callable[[], str]:
        # Each request loads the invitation before any of them submits.
        mine = Invitation.objects.select_related("survey", "encounter").get(pk=invitation.pk)

        def submit() -> str:
            response_submit(
                invitation=mine, nps=nps, csat=1, ces=1, comment="", consent_contact=False
            )
            return "stored"

        return submit

    # when they all submit at once
    outcomes = ready_then_at_once(loaded, SUBMITTERS)
    # then one answer was stored, the others were told it was already answered
    assert outcomes == ["already_answered"] * (SUBMITTERS - 1) + ["stored"]
    assert Response.objects.count() == 1
    assert FollowUp.objects.count() == 1
    assert FollowUp.objects.get().response == Response.objects.get()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the one-statement answer is PostgreSQL's"
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_posts_of_one_link_through_the_page_store_exactly_one_answer(
    encounter: Any,
) -> None:
    # given one open link, posted by several requests at once through the
    # page, where a complete answer goes as one statement (`link_answer`)
    survey = Survey.objects.create(name="Asiakaskysely")
    _invitation, token = invitation_create(encounter=encounter, survey=survey)
    url = reverse("feedback:survey", kwargs={"token": token})

    def post(nps: int) -> str:
        data = {"nps": str(nps), "csat": "2", "ces": "3"}
        return str(Client().post(url, data).status_code)

    statuses = at_once(post, SUBMITTERS)
    # then every post was led to the page that thanks (the first after storing
    # its answer, the others because the link was answered), and exactly one
    # answer, one follow-up and one count in each day's row were stored
    assert statuses == ["302"] * SUBMITTERS
    assert Response.objects.count() == 1
    assert FollowUp.objects.get().response == Response.objects.get()
    # (on PostgreSQL the count waits in the inbox until a fold)
    answer_inbox_fold()
    assert [d.responses for d in AnswerDay.objects.all()] == [1]
    assert [d.responses for d in AnswerTeamDay.objects.all()] == [1]


@pytest.mark.django_db(transaction=True)
def test_concurrent_invitations_of_one_customer_make_exactly_one(cast: Any) -> None:
    # given one customer with several encounters, each being invited at once
    survey = Survey.objects.create(name="Asiakaskysely")
    customer = CustomerFactory()
    encounters = [
        EncounterFactory(staff=cast.agent, team=cast.team, customer=customer)
        for _ in range(SUBMITTERS)
    ]

    def invite(n: int) -> str:
        invitation_create(encounter=encounters[n], survey=survey)
        return "invited"

    outcomes = at_once(invite, SUBMITTERS)
    # then the fatigue rule held: one invitation, the rest refused
    assert outcomes == ["invited"] + ["invited_recently"] * (SUBMITTERS - 1)
    assert Invitation.objects.filter(customer=customer).count() == 1
