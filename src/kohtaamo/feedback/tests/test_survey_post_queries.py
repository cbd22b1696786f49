"""The survey POST, the path the intake benchmark loads, in as few queries as
its rules allow (benchmarks/survey_intake.py)."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kohtaamo.feedback.models import FollowUp, Invitation, Response

DETRACTOR = {"nps": "3", "csat": "2", "ces": "2", "comment": "Jonotin pitkään."}
PROMOTER = {"nps": "10", "csat": "5", "ces": "7", "comment": ""}


def _statements(client: Client, token: str, data: dict[str, str]) -> tuple[int, list[str]]:
    url = reverse("feedback:survey", kwargs={"token": token})
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.post(url, data)
    # Transaction control differs between the databases; the statements do not.
    statements = [
        " ".join(q["sql"].split()[:3])
        for q in captured.captured_queries
        if q["sql"].split()[0] not in {"BEGIN", "COMMIT", "SAVEPOINT", "RELEASE"}
    ]
    return response.status_code, statements


def test_a_detractors_answer_takes_seven_statements_and_opens_the_follow_up(
    invited: tuple[Invitation, str], cast: Any
) -> None:
    # given an open invitation of a team with a lead
    invitation, token = invited
    # when the customer posts an unhappy answer
    status, statements = _statements(Client(enforce_csrf_checks=True), token, DETRACTOR)
    # then: find the invitation, store the answer, mark it answered, add it to
    # the two daily pre-aggregates, find the lead, open the follow-up; the team
    # and unit come with the invitation
    assert status == 302
    assert [s.split()[0] for s in statements] == [
        "SELECT",
        "INSERT",
        "UPDATE",
        "INSERT",
        "INSERT",
        "SELECT",
        "INSERT",
    ]
    assert [s for s in statements if "insights_" in s] == statements[3:5]
    assert 'INTO "feedback_followup"' in statements[-1]
    followup = FollowUp.objects.get()
    assert followup.response == Response.objects.get(invitation=invitation)
    assert followup.team == invitation.encounter.team
    assert followup.assignee == cast.lead


def test_a_promoters_answer_takes_five_statements(invited: tuple[Invitation, str]) -> None:
    invitation, token = invited
    status, statements = _statements(Client(enforce_csrf_checks=True), token, PROMOTER)
    assert status == 302
    assert [s.split()[0] for s in statements] == ["SELECT", "INSERT", "UPDATE", "INSERT", "INSERT"]
    assert [s for s in statements if "insights_" in s] == statements[3:]
    assert Response.objects.get().invitation == invitation
    assert FollowUp.objects.count() == 0
