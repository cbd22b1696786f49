"""The daily answer aggregate always equals the raw answers: after survey
answers, late (back-dated) answers, imports that add and edit answers, and
the demo's deletions, in generated sequences; and the reports read from it
give exactly the figures of the raw answers, for every role. The same holds
for the column-wise copies of closed days (`AnswerChunk`) that the raw
reports read: a chunk that exists holds exactly its day's answers."""

from __future__ import annotations

import csv
import random
import struct
from collections import Counter, defaultdict
from datetime import datetime, timedelta
from io import StringIO
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.admin.sites import site
from django.core.management import call_command
from django.test import RequestFactory

from kohtaamo.conftest import Cast
from kohtaamo.demo.context import DEMO_SOURCE
from kohtaamo.demo.steps.feedback_reset import feedback_clear
from kohtaamo.feedback.models import Response
from kohtaamo.feedback.services import invitation_create, response_submit
from kohtaamo.insights.aggregates import answer_inbox_fold
from kohtaamo.insights.chunks import answer_chunks_build
from kohtaamo.insights.management.commands.rebuild_answer_aggregates import (
    CHUNKS_BUILT,
    COPIES_CORRECTED,
    REBUILT,
)
from kohtaamo.insights.models import AnswerChunk, AnswerDay, AnswerInbox, AnswerTeamDay
from kohtaamo.insights.response_rows import RESPONSE_COLUMNS
from kohtaamo.insights.selectors import ReportGroup, report_rows
from kohtaamo.insights.services import responses_import
from kohtaamo.insights.tests.helpers import (
    answer,
    answers_of_everyone,
    survey,
    waiting_answer,
)
from kohtaamo.org import access_aggregates, access_insights
from kohtaamo.testing.factories import EncounterFactory

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")
COUNT_FIELDS = (
    "responses",
    "promoters",
    "passives",
    "detractors",
    "csat_n",
    "csat_satisfied",
    "ces_n",
    "ces_total",
    "ces_squares",
    "ces_easy",
)


def _expected_days() -> dict[tuple[Any, ...], dict[str, int]]:
    """The aggregate computed here, in Python, from the raw answers."""
    days: dict[tuple[Any, ...], Counter[str]] = defaultdict(Counter)
    for r in Response.objects.select_related("invitation__encounter"):
        e = r.invitation.encounter
        key = (r.answered_at.astimezone(HELSINKI).date(), e.team_id, e.staff_id, e.channel)
        c = days[key]
        c["responses"] += 1
        if r.nps is not None:
            c["promoters"] += r.nps >= 9
            c["passives"] += 7 <= r.nps <= 8
            c["detractors"] += r.nps <= 6
        if r.csat is not None:
            c["csat_n"] += 1
            c["csat_satisfied"] += r.csat >= 4
        if r.ces is not None:
            c["ces_n"] += 1
            c["ces_total"] += r.ces
            c["ces_squares"] += r.ces * r.ces
            c["ces_easy"] += r.ces >= 5
    return {key: {f: c[f] for f in COUNT_FIELDS} for key, c in days.items()}


def _stale_copies() -> list[int]:
    """The answers whose copies of their encounter and local day (which the
    aggregate and the raw reports read) differ from them, checked here."""
    stale = []
    for r in Response.objects.select_related("invitation__encounter"):
        e = r.invitation.encounter
        if (r.team_id, r.staff_id, r.channel, r.answered_on) != (
            e.team_id,
            e.staff_id,
            e.channel,
            r.answered_at.astimezone(HELSINKI).date(),
        ):
            stale.append(r.pk)
    return stale


def _stored_days() -> dict[tuple[Any, ...], dict[str, int]]:
    """The fine table, checked against the team table on the way: summed by
    day and team, both hold the same counts."""
    fine = {
        (d.day, d.team_id, d.staff_id, d.channel): {f: getattr(d, f) for f in COUNT_FIELDS}
        for d in AnswerDay.objects.all()
    }
    by_team: dict[tuple[Any, ...], Counter[str]] = defaultdict(Counter)
    for (day, team_id, _staff, _channel), counts in fine.items():
        by_team[(day, team_id)].update(counts)
    teams = {
        (d.day, d.team_id): {f: getattr(d, f) for f in COUNT_FIELDS}
        for d in AnswerTeamDay.objects.all()
    }
    assert teams == {key: {f: c[f] for f in COUNT_FIELDS} for key, c in by_team.items()}
    return fine


def _stored_days_and_inbox() -> dict[tuple[Any, ...], dict[str, int]]:
    """The days plus the inbox, by day × team × staff × channel."""
    total = {key: dict(counts) for key, counts in _stored_days().items()}
    for row in AnswerInbox.objects.all():
        key = (row.day, row.team_id, row.staff_id, row.channel)
        counts = total.setdefault(key, dict.fromkeys(COUNT_FIELDS, 0))
        for column in counts:
            counts[column] += getattr(row, column)
    return total


def _unpacked(chunk: AnswerChunk) -> list[tuple[Any, ...]]:
    """A chunk's answers, read here with `struct` (the product uses numpy),
    as (team, staff, channel, language, nps, csat, ces) in id order."""
    n = chunk.answers

    def score(place: int) -> int | None:
        return None if place == 0 else place - 1

    # ((NPS + 1) × 7 + CSAT + 1) × 9 + CES + 1, 0 for a question left empty
    scores = [
        (score(v // 63), score(v // 9 % 7), score(v % 9))
        for v in struct.unpack(f"<{n}H", bytes(chunk.scores))
    ]

    def coded(codes: str, places: bytes, as_int: bool = False) -> list[Any]:
        # one byte per place for up to 256 values, as here
        values = [int(c) if as_int else c for c in codes.split(",")]
        assert len(values) <= 256
        return [values[i] for i in places]

    columns: list[Any] = [
        coded(chunk.team_codes, bytes(chunk.team), as_int=True),
        coded(chunk.staff_codes, bytes(chunk.staff), as_int=True),
        coded(chunk.channel_codes, bytes(chunk.channel)),
        coded(chunk.language_codes, bytes(chunk.language)),
    ]
    return [(*rest, *three) for *rest, three in zip(*columns, scores, strict=True)]


def _chunks_not_matching() -> list[Any]:
    """The days whose chunk differs from their answers."""
    wrong = []
    for chunk in AnswerChunk.objects.all():
        answers = Response.objects.filter(answered_on=chunk.day).order_by("pk")
        expected = [
            (r.team_id, r.staff_id, r.channel, r.language, r.nps, r.csat, r.ces) for r in answers
        ]
        if _unpacked(chunk) != expected:
            wrong.append(chunk.day)
    return wrong


def _import(tmp_path: Path, rows: list[dict[str, Any]], name: str) -> None:
    path = tmp_path / f"{name}.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=RESPONSE_COLUMNS.in_csv)
        writer.writeheader()
        writer.writerows(rows)
    result = responses_import(path=path)
    assert result.written, result.errors


def _score(rng: random.Random, low: int, high: int) -> int | None:
    return None if rng.random() < 0.2 else rng.randint(low, high)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_aggregate_equals_the_answers_after_any_sequence_of_writes(
    cast: Cast, tmp_path: Path, seed: int
) -> None:
    # Given staff in two teams, answers over a winter (midnights included,
    # where UTC and Helsinki disagree about the day) and an import pool.
    rng = random.Random(seed)
    people = [(cast.agent, cast.team), (cast.lead, cast.team), (cast.outsider, cast.other_team)]
    channels = ["phone", "chat", "email"]
    start = datetime(2025, 12, 1, tzinfo=HELSINKI)
    importable = [
        EncounterFactory(
            source="legacy", external_id=f"L-{i}", staff=staff, team=team, started_at=start
        )
        for i, (staff, team) in enumerate(people * 3)
    ]

    def moment() -> datetime:
        day = start + timedelta(days=rng.randint(1, 100))
        return day.replace(hour=rng.choice([0, 1, 12, 23]), minute=rng.choice([0, 30, 59]))

    for step in range(30):
        # When a random writer writes.
        kind = rng.choice(
            ["late", "late", "submit", "import", "demo", "clear", "link", "link", "fold", "build"]
        )
        staff, team = rng.choice(people)
        if kind in ("late", "demo"):
            made = answer(
                staff=staff,
                team=team,
                at=moment(),
                nps=_score(rng, 0, 10),
                csat=_score(rng, 1, 5),
                ces=_score(rng, 1, 7),
                channel=rng.choice(channels),
            )
            if kind == "demo":
                made.invitation.encounter.__class__.objects.filter(
                    pk=made.invitation.encounter_id
                ).update(source=DEMO_SOURCE, external_id=f"D-{seed}-{step}")
        elif kind == "submit":
            encounter = EncounterFactory(staff=staff, team=team, channel=rng.choice(channels))
            invitation, _token = invitation_create(encounter=encounter, survey=survey())
            response_submit(
                invitation=invitation,
                nps=_score(rng, 0, 10),
                csat=_score(rng, 1, 5),
                ces=_score(rng, 1, 7),
                comment="",
                consent_contact=False,
            )
        elif kind == "import":
            chosen = rng.sample(importable, rng.randint(1, 4))
            rows = [
                {
                    "encounter_source": "legacy",
                    "encounter_external_id": e.external_id,
                    "answered_at": moment().isoformat(),
                    "nps": rng.randint(0, 10),
                    "csat": rng.choice(["", rng.randint(1, 5)]),
                    "ces": rng.choice(["", rng.randint(1, 7)]),
                    "comment": "",
                }
                for e in chosen
            ]
            _import(tmp_path, rows, f"{seed}-{step}")
        elif kind == "link":
            # counted in the inbox, as the survey link's statement does
            waiting_answer(staff=staff, team=team, at=moment(), nps=rng.randint(0, 10))
        elif kind == "fold":
            answer_inbox_fold()
        elif kind == "build":
            answer_chunks_build()
        else:
            feedback_clear()
        # Then the answers' copies are right, and the stored days with the
        # inbox equal the days counted from the answers.
        assert _stale_copies() == [], (step, kind)
        assert _stored_days_and_inbox() == _expected_days(), (step, kind)
        assert not AnswerDay.objects.filter(responses=0).exists()
        assert not AnswerTeamDay.objects.filter(responses=0).exists()
        # and every chunk there is holds its day's answers
        assert _chunks_not_matching() == [], (step, kind)
    assert Response.objects.count() > 0
    # (the chunks were there to be checked)
    answer_chunks_build()
    assert AnswerChunk.objects.exists()
    assert _chunks_not_matching() == []
    # and after a last fold the days alone do
    answer_inbox_fold()
    assert _stored_days() == _expected_days()


def test_the_rebuild_command_recovers_a_damaged_aggregate(cast: Cast) -> None:
    # Given answers and an aggregate that has drifted from them
    for hour in (0, 10, 23):
        answer(staff=cast.agent, team=cast.team, at=datetime(2026, 1, 5, hour, tzinfo=HELSINKI))
    expected = _expected_days()
    AnswerDay.objects.update(promoters=99)
    AnswerDay.objects.create(
        day=datetime(2026, 2, 1).date(), team=cast.team, staff=cast.lead, channel="chat"
    )

    # When the operator rebuilds it
    call_command("rebuild_answer_aggregates", stdout=open("/dev/null", "w"))  # noqa: SIM115

    # Then it equals the answers again
    assert _stored_days() == expected


def test_the_rebuild_command_puts_right_answers_whose_copies_drifted(cast: Cast) -> None:
    # Given answers whose copies of their encounter and local day were changed
    # behind the writers' backs (as when TIME_ZONE changes under them)
    made = [
        answer(staff=cast.agent, team=cast.team, at=datetime(2026, 1, 5, hour, tzinfo=HELSINKI))
        for hour in (0, 12, 23)
    ]
    Response.objects.filter(pk=made[0].pk).update(
        channel="email", answered_on=datetime(2026, 1, 4).date()
    )
    Response.objects.filter(pk=made[1].pk).update(team=cast.other_team, staff=cast.outsider)
    out = StringIO()

    # When the operator rebuilds the aggregate
    call_command("rebuild_answer_aggregates", stdout=out)

    # Then the two answers are put right first, and the days are counted from them
    assert _stale_copies() == []
    assert _stored_days() == _expected_days()
    assert out.getvalue().splitlines() == [
        str(COPIES_CORRECTED) % {"count": 2},
        str(REBUILT) % {"rows": AnswerDay.objects.count()},
        str(CHUNKS_BUILT) % {"count": 1},
    ]


def test_the_admin_may_not_delete_answers(cast: Cast) -> None:
    request = RequestFactory().get("/")
    request.user = cast.admin

    assert site._registry[Response].has_delete_permission(request) is False


def _both_ways(user: Any, **kwargs: Any) -> tuple[list[Any], list[Any]]:
    responses = access_insights.report_responses(user)
    raw = report_rows(responses=responses, **kwargs)
    days = report_rows(
        responses=responses,
        answer_days=access_aggregates.report_answer_days(user),
        team_days=access_aggregates.report_team_days(user),
        **kwargs,
    )
    return raw, days


@pytest.mark.parametrize("elsewhere", [False, True], ids=["", "own answers elsewhere"])
@pytest.mark.parametrize("role", ["agent", "lead", "manager", "admin", "outsider", "outsider_lead"])
def test_reports_from_the_aggregate_equal_reports_from_the_answers(
    cast: Cast, role: str, elsewhere: bool
) -> None:
    # Given answers of everyone over several months, in every channel (and,
    # the second time, the lead's and the manager's own answers in a team
    # they neither lead nor manage, which only the staff column shows them)
    answers_of_everyone(cast, seed=7, count=60, elsewhere=elsewhere)
    user = cast.by_role(role)
    for by in [None, *ReportGroup.values]:
        for period in ("week", "month", "quarter"):
            for date_from, date_to in [
                (None, None),
                (datetime(2026, 2, 3).date(), datetime(2026, 4, 17).date()),
            ]:
                # When the report is made from the answers and from the days
                raw, days = _both_ways(
                    user, by=by, period=period, date_from=date_from, date_to=date_to
                )
                # Then both are the same, row for row
                assert days == raw, (by, period, date_from)
    # (and the comparison was not of two empty reports)
    raw, _days = _both_ways(user, by=None, period="month")
    assert sum(row.figures.nps.n for row in raw) > 0
    # and the day × team table served everyone who sees only whole teams
    whole_teams = role in {"admin", "outsider_lead"} or (
        role in {"lead", "manager"} and not elsewhere
    )
    assert (access_aggregates.report_team_days(user) is not None) == whole_teams


def test_demo_reruns_keep_the_aggregate_equal_to_the_answers() -> None:
    from kohtaamo.demo.context import DemoScale
    from kohtaamo.demo.loader import demo_load
    from kohtaamo.demo.tests.support import SMALL, TODAY

    # Given a demo loaded once, when it is loaded again with another seed and
    # then smaller (its answers deleted and made again each time)
    for seed, scale in [
        (1, SMALL),
        (2, SMALL),
        (2, DemoScale(customers=30, encounters=200, transcripts=10, days=21)),
    ]:
        demo_load(seed=seed, scale=scale, today=TODAY)
        # Then the days always equal the answers
        assert Response.objects.exists()
        assert AnswerTeamDay.objects.exists()
        assert _stale_copies() == []
        assert _stored_days() == _expected_days()


def test_an_encounter_import_that_moves_an_answered_encounter_moves_its_answer(
    cast: Cast,
) -> None:
    from kohtaamo.encounters import services as encounter_services
    from kohtaamo.encounters.tests.import_support import as_csv_rows, encounter_row

    # Given an answered encounter of Aino's in the Helsinki team, by phone
    made = answer(staff=cast.agent, team=cast.team, at=datetime(2025, 3, 14, 12, tzinfo=HELSINKI))
    made.invitation.encounter.__class__.objects.filter(pk=made.invitation.encounter_id).update(
        source="zendesk", external_id="Z-1001"
    )

    # When a re-import says it was Olli's chat in the Oulu team
    row = encounter_row(channel="chat", staff_email="olli@example.fi", team="oulu-vastaanotto")
    result = encounter_services.encounters_import(rows=as_csv_rows([row]))

    # Then the answer counts there, and no longer in its old row
    assert (result.written, result.updated) == (True, 1)
    assert _stale_copies() == []
    assert _stored_days() == _expected_days()
    [day] = AnswerDay.objects.all()
    assert (day.team, day.staff, day.channel, day.responses) == (
        cast.other_team,
        cast.outsider,
        "chat",
        1,
    )
