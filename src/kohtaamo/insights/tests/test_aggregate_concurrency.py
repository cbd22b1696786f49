"""Answers for the same day, team, staff member and channel committed at the
same moment all count in the daily aggregate."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kohtaamo.conftest import Cast
from kohtaamo.feedback.models import Invitation, Survey
from kohtaamo.feedback.services import invitation_create, response_submit
from kohtaamo.insights.models import AnswerDay
from kohtaamo.testing.concurrency import ready_then_at_once
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

    def loaded(n: int) -> Callable[[], str]:
        mine = Invitation.objects.select_related("survey", "encounter").get(pk=invitations[n].pk)

        def submit() -> str:
            response_submit(
                invitation=mine, nps=10 - n, csat=5, ces=7, comment="", consent_contact=False
            )
            return "stored"

        return submit

    # When they all answer at once
    outcomes = ready_then_at_once(loaded, SUBMITTERS)

    # Then the one row of that day holds all of them
    assert outcomes == ["stored"] * SUBMITTERS
    [day] = AnswerDay.objects.all()
    assert (day.responses, day.promoters, day.passives, day.csat_satisfied, day.ces_total) == (
        4,
        2,
        2,
        4,
        28,
    )
