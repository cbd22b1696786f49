"""Answers made straight in the database, dated as a test needs them, and
counted in the daily aggregate as every writer of answers must."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from kohtaamo.feedback.models import Invitation, InvitationStatus, Response, Survey
from kohtaamo.feedback.services import response_copies
from kohtaamo.insights.aggregates import answer_counts, answer_days_add
from kohtaamo.insights.models import AnswerInbox
from kohtaamo.testing.factories import EncounterFactory


def survey() -> Survey:
    found, _created = Survey.objects.get_or_create(name="Testikysely", unit=None)
    return found


def answer(
    *,
    staff: Any,
    team: Any,
    at: datetime,
    nps: int | None = 9,
    csat: int | None = None,
    ces: int | None = None,
    comment: str = "",
    channel: str = "phone",
    language: str = "fi",
) -> Response:
    """An encounter of `staff` in `team` an hour before `at`, and its answer."""
    response = _uncounted_answer(
        staff=staff,
        team=team,
        at=at,
        nps=nps,
        csat=csat,
        ces=ces,
        comment=comment,
        channel=channel,
        language=language,
    )
    answer_days_add(responses=Response.objects.filter(pk=response.pk))
    return response


def answers(*, scores: list[int], **kwargs: Any) -> list[Response]:
    return [answer(nps=score, **kwargs) for score in scores]


def waiting_answer(
    *, staff: Any, team: Any, at: datetime, nps: int, channel: str = "chat"
) -> Response:
    """An answer stored and counted in the inbox only, as the survey link's
    statement leaves it (made here so that SQLite, which keeps the full
    path, has such answers too)."""
    response = _uncounted_answer(staff=staff, team=team, at=at, nps=nps, channel=channel)
    AnswerInbox.objects.create(
        day=response.answered_on,
        team_id=response.team_id,
        staff_id=response.staff_id,
        channel=response.channel,
        **answer_counts(nps=nps, csat=None, ces=None),
    )
    return response


def _uncounted_answer(
    *,
    staff: Any,
    team: Any,
    at: datetime,
    nps: int | None,
    csat: int | None = None,
    ces: int | None = None,
    comment: str = "",
    channel: str,
    language: str = "fi",
) -> Response:
    """The encounter, its invitation and its answer, counted nowhere yet."""
    encounter = EncounterFactory(
        staff=staff, team=team, channel=channel, started_at=at - timedelta(hours=1)
    )
    invitation = Invitation.objects.create(
        survey=survey(),
        encounter=encounter,
        customer=encounter.customer,
        language=language,
        token_hash=secrets.token_hex(32),
        status=InvitationStatus.ANSWERED,
        created_at=at - timedelta(minutes=30),
        expires_at=at + timedelta(days=14),
        answered_at=at,
    )
    return Response.objects.create(
        invitation=invitation,
        nps=nps,
        csat=csat,
        ces=ces,
        comment=comment,
        language=language,
        answered_at=at,
        **response_copies(encounter=encounter, answered_at=at),
    )
