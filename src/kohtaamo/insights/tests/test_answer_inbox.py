"""The answer inbox: survey answers counted there, not yet in their days,
always add up with the days to the raw answers, and a fold moves them into
the days exactly once, also while answers and other folds run at the same
moment."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import connection

from kohtaamo.conftest import Cast
from kohtaamo.feedback.link_answer import LinkAnswer, PostedAnswer, answer_by_link
from kohtaamo.feedback.models import Response, Survey
from kohtaamo.feedback.services import invitation_create
from kohtaamo.feedback.tasks import feedback_tick_run
from kohtaamo.insights.aggregates import (
    answer_days_rebuild,
    answer_days_subtract,
    answer_inbox_fold,
)
from kohtaamo.insights.models import AnswerDay, AnswerInbox, AnswerTeamDay
from kohtaamo.insights.selectors import report_rows
from kohtaamo.insights.tests.helpers import answer, waiting_answer
from kohtaamo.insights.tests.test_aggregates import (
    _expected_days,
    _stored_days,
    _stored_days_and_inbox,
)
from kohtaamo.testing.concurrency import at_once
from kohtaamo.testing.factories import EncounterFactory

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")
needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the survey link's one statement is PostgreSQL's"
)


def test_the_fold_adds_the_inbox_to_the_days_and_empties_it(cast: Cast) -> None:
    # Given answers counted in their days, and answers waiting in the inbox,
    # some for the same day, team, staff member and channel
    at = datetime(2026, 3, 2, 12, tzinfo=HELSINKI)
    answer(staff=cast.agent, team=cast.team, at=at, nps=10, channel="chat")
    waiting_answer(staff=cast.agent, team=cast.team, at=at, nps=3)
    waiting_answer(staff=cast.agent, team=cast.team, at=at + timedelta(minutes=5), nps=8)
    waiting_answer(staff=cast.outsider, team=cast.other_team, at=at + timedelta(days=1), nps=9)
    assert _stored_days() != _expected_days()
    assert _stored_days_and_inbox() == _expected_days()
    # When the inbox is folded
    folded = answer_inbox_fold()
    # Then the days alone equal the answers, and nothing is left to fold
    assert folded == 3
    assert not AnswerInbox.objects.exists()
    assert _stored_days() == _expected_days()
    assert answer_inbox_fold() == 0
    assert _stored_days() == _expected_days()
    assert AnswerTeamDay.objects.get(team=cast.team).responses == 3


def test_a_report_from_the_days_counts_the_answers_waiting_in_the_inbox(cast: Cast) -> None:
    at = datetime(2026, 3, 2, 12, tzinfo=HELSINKI)
    answer(staff=cast.agent, team=cast.team, at=at, nps=10)
    waiting_answer(staff=cast.agent, team=cast.team, at=at, nps=2)

    def both(**days: Any) -> list[tuple[str, int, int]]:
        rows = report_rows(responses=Response.objects.all(), by="team", period="month", **days)
        return [(r.group, r.figures.counts.promoters, r.figures.counts.detractors) for r in rows]

    raw = both()
    assert raw == [(cast.team.code, 1, 1)]
    assert both(team_days=AnswerTeamDay.objects.all()) == raw
    assert both(answer_days=AnswerDay.objects.all()) == raw


def test_the_tick_folds_the_inbox(cast: Cast) -> None:
    waiting_answer(
        staff=cast.agent, team=cast.team, at=datetime(2026, 3, 2, 9, tzinfo=HELSINKI), nps=6
    )
    assert feedback_tick_run()["folded"] == 1
    assert not AnswerInbox.objects.exists()
    assert _stored_days() == _expected_days()


def test_the_rebuild_counts_the_inbox_once(cast: Cast) -> None:
    at = datetime(2026, 3, 2, 9, tzinfo=HELSINKI)
    answer(staff=cast.agent, team=cast.team, at=at, nps=9)
    waiting_answer(staff=cast.agent, team=cast.team, at=at, nps=6)
    answer_days_rebuild()
    assert not AnswerInbox.objects.exists()
    assert _stored_days() == _expected_days()


def test_taking_out_an_answer_still_in_the_inbox_leaves_no_empty_row(cast: Cast) -> None:
    # Given the only answer of its day, still in the inbox
    response = waiting_answer(
        staff=cast.agent, team=cast.team, at=datetime(2026, 3, 2, 9, tzinfo=HELSINKI), nps=6
    )
    # When it is taken out of its days (before an edit or a deletion)
    answer_days_subtract(responses=Response.objects.filter(pk=response.pk))
    # Then no row of that day is left, empty or negative, anywhere
    assert not AnswerDay.objects.exists()
    assert not AnswerTeamDay.objects.exists()
    assert not AnswerInbox.objects.exists()


@needs_postgresql
def test_the_survey_links_statement_counts_in_the_inbox_only(cast: Cast) -> None:
    survey = Survey.objects.create(name="Kysely")
    _invitation, token = invitation_create(
        encounter=EncounterFactory(staff=cast.agent, team=cast.team, channel="phone"),
        survey=survey,
    )
    happy = PostedAnswer(nps=10, csat=5, ces=6, comment="", consent_contact=False)
    assert answer_by_link(token=token, answer=happy, language=None) is LinkAnswer.STORED
    assert not AnswerDay.objects.exists()
    assert not AnswerTeamDay.objects.exists()
    [waiting] = AnswerInbox.objects.all()
    assert (waiting.team_id, waiting.staff_id, waiting.channel) == (
        cast.team.pk,
        cast.agent.pk,
        "phone",
    )
    assert (waiting.responses, waiting.promoters, waiting.ces_total, waiting.ces_squares) == (
        1,
        1,
        6,
        36,
    )
    assert _stored_days_and_inbox() == _expected_days()
    # a replay of the link counts nothing more
    assert answer_by_link(token=token, answer=happy, language=None) is LinkAnswer.ANSWERED_BEFORE
    assert AnswerInbox.objects.count() == 1


ANSWERERS = 3
ANSWERS_EACH = 12


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_answers_and_folds_at_the_same_moment_count_every_answer_once(cast: Cast) -> None:
    # Given open links of one team, staff member and channel (the rows every
    # answer would share), for three answerers
    survey = Survey.objects.create(name="Kysely")
    tokens = [
        invitation_create(
            encounter=EncounterFactory(staff=cast.agent, team=cast.team, channel="chat"),
            survey=survey,
        )[1]
        for _ in range(ANSWERERS * ANSWERS_EACH)
    ]
    scores = itertools.cycle(range(11))
    answers = [
        PostedAnswer(nps=next(scores), csat=5, ces=4, comment="", consent_contact=False)
        for _ in tokens
    ]

    def work(n: int) -> str:
        # Two folders fold over and over while three answerers answer.
        if n >= ANSWERERS:
            for _ in range(ANSWERS_EACH):
                answer_inbox_fold()
            return "folded"
        for i in range(n, len(tokens), ANSWERERS):
            outcome = answer_by_link(token=tokens[i], answer=answers[i], language=None)
            assert outcome is LinkAnswer.STORED
        return "answered"

    outcomes = at_once(work, ANSWERERS + 2)
    # Then every answer was stored and counts once: in its day or in the
    # inbox, and after a last fold in its day alone
    assert outcomes.count("answered") == ANSWERERS
    assert len(outcomes) == ANSWERERS + 2
    assert Response.objects.count() == len(tokens)
    assert _stored_days_and_inbox() == _expected_days()
    answer_inbox_fold()
    assert not AnswerInbox.objects.exists()
    assert _stored_days() == _expected_days()
    assert AnswerDay.objects.get().responses == len(tokens)
