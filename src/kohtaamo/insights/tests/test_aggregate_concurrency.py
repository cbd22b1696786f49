"""Answers for the same day, team, staff member and channel committed at the
same moment all count in the daily aggregate."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from kohtaamo.conftest import Cast
from kohtaamo.feedback.models import Invitation, Survey
from kohtaamo.feedback.services import invitation_create, response_submit
from kohtaamo.insights.models import AnswerDay
from kohtaamo.testing.factories import EncounterFactory

SUBMITTERS = 4


@pytest.mark.django_db(transaction=True)
def test_simultaneous_answers_of_one_day_and_team_all_count(cast: Cast) -> None:
    # Given invitations to encounters of one agent, team and channel, each
    # loaded by a request of its own
    survey = Survey.objects.create(name="Asiakaskysely")
    invitations = [
        invitation_create(
            encounter=EncounterFactory(staff=cast.agent, team=cast.team, channel="chat"),
            survey=survey,
        )[0]
        for _ in range(SUBMITTERS)
    ]
    start = threading.Barrier(SUBMITTERS)
    errors: list[BaseException] = []

    def submit(pk: int, nps: int) -> None:
        try:
            mine = Invitation.objects.select_related("survey", "encounter").get(pk=pk)
            start.wait(timeout=10)
            response_submit(
                invitation=mine, nps=nps, csat=5, ces=7, comment="", consent_contact=False
            )
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=submit, args=(invitation.pk, 10 - n))
        for n, invitation in enumerate(invitations)
    ]
    # When they all answer at once
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    # Then the one row of that day holds all of them
    assert errors == []
    [day] = AnswerDay.objects.all()
    assert (day.responses, day.promoters, day.passives, day.csat_satisfied, day.ces_total) == (
        4,
        2,
        2,
        4,
        28,
    )
