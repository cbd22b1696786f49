"""The survey POST, the path the intake benchmark loads, in as few statements as
its rules allow (benchmarks/survey_intake.py)."""

from __future__ import annotations

import ast
from typing import Any

import pytest
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
    # Transaction control (and savepoints inside the test's transaction) left out.
    statements = [
        sql
        for sql in map(_text, captured.captured_queries)
        if sql.split()[0] not in {"BEGIN", "COMMIT", "SAVEPOINT", "RELEASE"}
    ]
    return response.status_code, statements


def _text(query: dict[str, str]) -> str:
    """The statement's text. Django logs a statement whose values went apart
    (server-side binding, as the prepared ones go) as "QUERY = '…' - PARAMS = …"."""
    sql = query["sql"]
    if sql.startswith("QUERY = "):
        return str(ast.literal_eval(sql[len("QUERY = ") : sql.rindex(" - PARAMS = ")]))
    return sql


def test_a_detractors_answer_opens_the_follow_up_in_as_few_statements_as_the_database_allows(
    invited: tuple[Invitation, str], cast: Any
) -> None:
    # given an open invitation of a team with a lead
    invitation, token = invited
    # when the customer posts an unhappy answer
    status, statements = _statements(Client(enforce_csrf_checks=True), token, DETRACTOR)
    # then on PostgreSQL one statement finds the invitation, stores the
    # answer, marks the invitation answered, adds the answer to the two daily
    # pre-aggregates and opens the follow-up for the lead
    # (`feedback.link_answer`); elsewhere: find the invitation (the team and
    # unit come with it), find the lead, then five writes in a transaction
    assert status == 302
    if connection.vendor == "postgresql":
        assert [s.split()[0] for s in statements] == ["WITH"]
        sql = statements[0]
        for table in ("feedback_response", "feedback_invitation", "insights_", "feedback_followup"):
            assert table in sql
    else:
        assert [s.split()[0] for s in statements[:2]] == ["SELECT", "SELECT"]
        writes = statements[2:]
        assert [s.split()[0] for s in writes] == ["INSERT", "UPDATE", "INSERT", "INSERT", "INSERT"]
        assert 'INTO "feedback_followup"' in writes[-1]
    followup = FollowUp.objects.get()
    assert followup.response == Response.objects.get(invitation=invitation)
    assert followup.team == invitation.encounter.team
    assert followup.assignee == cast.lead


def test_a_promoters_answer_takes_one_statement_on_postgresql(
    invited: tuple[Invitation, str],
) -> None:
    # A happy, complete answer: on PostgreSQL the invitation is found and the
    # answer written in one statement (`feedback.link_answer`)
    invitation, token = invited
    status, statements = _statements(Client(enforce_csrf_checks=True), token, PROMOTER)
    assert status == 302
    expected = (
        ["WITH"]
        if connection.vendor == "postgresql"
        else ["SELECT", "INSERT", "UPDATE", "INSERT", "INSERT"]
    )
    assert [s.split()[0] for s in statements] == expected
    assert Response.objects.get().invitation == invitation
    assert Invitation.objects.get().status == "answered"
    assert FollowUp.objects.count() == 0


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's"
)
def test_on_postgresql_the_answers_statements_are_prepared(invited: tuple[Invitation, str]) -> None:
    # PostgreSQL plans the lookup and the write once per connection, not per answer.
    _invitation, token = invited
    status, _statements_sent = _statements(Client(enforce_csrf_checks=True), token, PROMOTER)
    assert status == 302
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any(s.startswith("WITH found AS") for s in prepared)
    assert any('FROM "feedback_invitation"' in s and "token_hash" in s for s in prepared)
