"""Answers made straight in the database, dated as a test needs them, and
counted in the daily aggregate as every writer of answers must."""

from __future__ import annotations

import random
import secrets
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

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


def answers_of_everyone(
    cast: Any, *, seed: int, count: int, elsewhere: bool, languages: tuple[str, ...] = ("fi",)
) -> None:
    """`count` answers of the cast's agent, lead and outsider over five months
    of 2026, in two channels and `languages`, with a fifth of each score left
    empty; with `elsewhere`, also the lead's and the manager's own answers in
    a team they neither lead nor manage, which only the staff column shows
    them. For the tests that compare two ways of reporting, for every role."""
    rng = random.Random(seed)
    people = [(cast.agent, cast.team), (cast.lead, cast.team), (cast.outsider, cast.other_team)]
    if elsewhere:
        people += [(cast.lead, cast.other_team), (cast.manager, cast.other_team)]

    def score(low: int, high: int) -> int | None:
        return None if rng.random() < 0.2 else rng.randint(low, high)

    start = datetime(2026, 1, 1, tzinfo=ZoneInfo("Europe/Helsinki"))
    for _i in range(count):
        staff, team = rng.choice(people)
        answer(
            staff=staff,
            team=team,
            at=start + timedelta(hours=rng.randint(0, 24 * 150)),
            nps=score(0, 10),
            csat=score(1, 5),
            ces=score(1, 7),
            channel=rng.choice(["phone", "chat"]),
            language=rng.choice(languages),
        )
