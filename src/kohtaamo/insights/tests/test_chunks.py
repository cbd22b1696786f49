"""The raw reports read closed days from their column-wise copies
(`AnswerChunk`) and give the same figures as from the answers' table: for
every role, grouping, period and language, with some days copied and some
not. Chunks are built by the tick and by the rebuild command, and never
from a day whose answers another transaction is changing."""

from __future__ import annotations

import random
import struct
import threading
from datetime import date, datetime, timedelta
from io import StringIO
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from kohtaamo.conftest import Cast
from kohtaamo.feedback.tasks import feedback_tick_run
from kohtaamo.insights import chunks
from kohtaamo.insights.chunks import CHUNK_LAG_DAYS, answer_chunks_build, chunks_missing
from kohtaamo.insights.management.commands.rebuild_answer_aggregates import CHUNKS_BUILT
from kohtaamo.insights.models import AnswerChunk
from kohtaamo.insights.selectors import ReportGroup, report_rows
from kohtaamo.insights.tests.helpers import answer, answers_of_everyone
from kohtaamo.org import access_aggregates, access_insights

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")


def _report(user: Any, language: str | None, **kwargs: Any) -> list[Any]:
    """A raw report as the pages make it: with a language, through the
    daily aggregate's access rule; without, from the answers alone."""
    return report_rows(
        responses=access_insights.report_responses(user),
        answer_days=access_aggregates.report_answer_days(user) if language else None,
        team_days=access_aggregates.report_team_days(user) if language else None,
        language=language,
        **kwargs,
    )


@pytest.mark.parametrize("elsewhere", [False, True], ids=["", "own answers elsewhere"])
@pytest.mark.parametrize("role", ["agent", "lead", "manager", "admin", "outsider", "outsider_lead"])
def test_raw_reports_from_the_chunks_equal_reports_from_the_answers_table(
    cast: Cast, role: str, elsewhere: bool
) -> None:
    # Given answers of everyone over several months, in two languages and
    # two channels (and the lead's and manager's own answers in a team they
    # neither lead nor manage)
    answers_of_everyone(cast, seed=11, count=80, elsewhere=elsewhere, languages=("fi", "fi", "sv"))
    user = cast.by_role(role)
    combos = [
        (by, period, dates, language)
        for by in [None, *ReportGroup.values]
        for period in ("week", "month", "quarter")
        for dates in [(None, None), (date(2026, 2, 3), date(2026, 4, 17))]
        for language in (None, "fi", "sv", "en")
    ]

    def reports() -> list[list[Any]]:
        return [
            _report(user, language, by=by, period=period, date_from=first, date_to=last)
            for by, period, (first, last), language in combos
        ]

    # When the reports are made from the table alone, and again with every
    # day copied but every third
    from_table = reports()
    assert answer_chunks_build() > 20
    days = list(AnswerChunk.objects.order_by("day").values_list("day", flat=True))
    AnswerChunk.objects.filter(day__in=days[::3]).delete()
    from_chunks = reports()

    # Then both are the same, row for row
    for combo, table, copied in zip(combos, from_table, from_chunks, strict=True):
        assert copied == table, combo
    # (and the comparison was not of empty reports)
    sizes = {language: 0 for language in (None, "fi", "sv")}
    for (by, _period, dates, language), table in zip(combos, from_table, strict=True):
        if by is None and dates == (None, None) and language in sizes:
            sizes[language] += sum(row.figures.counts.nps_n for row in table)
    if role != "outsider":
        assert all(sizes.values()), sizes


@pytest.mark.parametrize("role", ["agent", "admin"])
def test_one_histogram_per_question_gives_the_same_reports(
    cast: Cast, role: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given copied days of answers by two people in two teams
    rng = random.Random(5)
    for _i in range(30):
        staff, team = rng.choice([(cast.agent, cast.team), (cast.outsider, cast.other_team)])
        at = datetime(2026, 2, 1, 12, tzinfo=HELSINKI) + timedelta(days=rng.randint(0, 40))
        answer(
            staff=staff,
            team=team,
            at=at,
            nps=rng.randint(0, 10),
            csat=rng.choice([None, 1, 5]),
            ces=rng.choice([None, 2, 7]),
            language="sv",
        )
    answer_chunks_build()
    user = cast.by_role(role)
    groups = [None, *ReportGroup.values]

    # When the reports are made with one joint histogram, and again with one
    # histogram per question (as for an organisation with too many groups
    # for a joint one)
    joint = [_report(user, "sv", by=by, period="week") for by in groups]
    monkeypatch.setattr(chunks, "_JOINT_BINS", 0)
    separate = [_report(user, "sv", by=by, period="week") for by in groups]

    # Then they are the same
    assert separate == joint
    assert any(joint)


def test_a_language_report_counts_the_answers_in_that_language_only(cast: Cast) -> None:
    # Given, on one closed day, Swedish answers 10, 9, 8, 3 and Finnish 0, 0
    at = datetime(2026, 3, 10, 12, tzinfo=HELSINKI)
    for score in (10, 9, 8, 3):
        answer(staff=cast.agent, team=cast.team, at=at, nps=score, csat=4, ces=6, language="sv")
    for score in (0, 0):
        answer(staff=cast.agent, team=cast.team, at=at, nps=score, csat=1, ces=1, language="fi")
    answer_chunks_build()
    assert AnswerChunk.objects.count() == 1

    # When the report is limited to Swedish
    [row] = report_rows(
        responses=access_insights.report_responses(cast.admin),
        answer_days=access_aggregates.report_answer_days(cast.admin),
        team_days=access_aggregates.report_team_days(cast.admin),
        by=ReportGroup.TEAM,
        period="month",
        language="sv",
    )

    # Then it holds the four Swedish answers: 2 promoters, 1 passive and
    # 1 detractor give NPS (2 - 1) / 4 = 25; all four CSATs are 4 and CES 6
    c = row.figures.counts
    assert (c.promoters, c.passives, c.detractors) == (2, 1, 1)
    assert row.figures.nps.score == 25
    assert (c.csat_n, c.csat_satisfied, c.ces_n, c.ces_total, c.ces_squares) == (4, 4, 4, 24, 144)


def test_only_closed_days_get_chunks(cast: Cast) -> None:
    # Given answers today, yesterday and the day before
    today = datetime.now(HELSINKI).replace(hour=12, minute=0)
    for days_ago in range(CHUNK_LAG_DAYS + 1):
        answer(staff=cast.agent, team=cast.team, at=today - timedelta(days=days_ago))

    # When the chunks are built
    built = answer_chunks_build()

    # Then only the day that is CHUNK_LAG_DAYS old has one
    assert built == 1
    assert list(AnswerChunk.objects.values_list("day", flat=True)) == [
        (today - timedelta(days=CHUNK_LAG_DAYS)).date()
    ]


def test_the_tick_builds_missing_chunks(cast: Cast) -> None:
    for day in (3, 4, 5):
        answer(staff=cast.agent, team=cast.team, at=datetime(2026, 3, day, 12, tzinfo=HELSINKI))

    outcome = feedback_tick_run(inline=True)

    assert outcome["chunks"] == 3
    assert chunks_missing() == []


def test_the_rebuild_command_builds_the_chunks_again(cast: Cast) -> None:
    # Given a day's chunk that has drifted from its answers
    for day in (3, 4):
        answer(staff=cast.agent, team=cast.team, at=datetime(2026, 3, day, 12, tzinfo=HELSINKI))
    answer_chunks_build()
    AnswerChunk.objects.filter(day=date(2026, 3, 3)).update(scores=b"\x00\x00")
    out = StringIO()

    # When the operator rebuilds the aggregates
    call_command("rebuild_answer_aggregates", stdout=out)

    # Then every chunk is built again from the answers (NPS 9, the rest
    # unanswered: (9 + 1) × 7 × 9 = 630), and the command says so
    assert bytes(AnswerChunk.objects.get(day=date(2026, 3, 3)).scores) == (630).to_bytes(
        2, "little"
    )
    assert out.getvalue().splitlines()[-1] == str(CHUNKS_BUILT) % {"count": 2}


@pytest.mark.skipif("connection.vendor != 'postgresql'")
@pytest.mark.django_db(transaction=True)
def test_no_chunk_is_built_from_a_day_whose_answers_are_changing(cast: Cast) -> None:
    # Given an answer on a closed day, and another being written to the same
    # day by a transaction that has not committed yet
    at = datetime(2026, 3, 10, 12, tzinfo=HELSINKI)
    answer(staff=cast.agent, team=cast.team, at=at, nps=10)
    written = threading.Event()
    release = threading.Event()

    def late_import() -> None:
        try:
            with transaction.atomic():
                answer(staff=cast.agent, team=cast.team, at=at, nps=0)
                written.set()
                release.wait(timeout=10)
        finally:
            connection.close()

    writer = threading.Thread(target=late_import)
    writer.start()
    assert written.wait(timeout=10)

    # When the chunks are built meanwhile
    during = answer_chunks_build()
    release.set()
    writer.join(timeout=10)

    # Then the day is left alone, and built with both answers once the
    # writer has committed
    assert during == 0
    assert answer_chunks_build() == 1
    # (NPS 10 and 0, the rest unanswered: (10 + 1) × 63 and (0 + 1) × 63)
    assert bytes(AnswerChunk.objects.get().scores) == struct.pack("<2H", 11 * 63, 63)


@pytest.mark.parametrize("people", [3, 300, 70_000])
def test_a_day_with_many_staff_members_packs_their_places_wider(people: int) -> None:
    # Given a day's answers by this many staff members (ids far apart)
    rows = [(7, 1_000_003 * (i % people), "chat", "sv", i % 11, None, 7) for i in range(70_001)]

    # When the day is packed and read back as a report reads it
    packed = chunks._pack(rows)
    columns = ["answers", *(f"{n}_codes" for n in chunks.CODED), *chunks.CODED]
    chunk = chunks._Chunk(
        tuple(packed[c] for c in columns), {c: i for i, c in enumerate(columns)}, list(chunks.CODED)
    )

    # Then each answer's staff member comes back, in 1, 2 or 4 bytes
    width = {3: 1, 300: 2, 70_000: 4}[people]
    assert len(packed["staff"]) == width * len(rows)
    staff = chunk.codes["staff"]
    assert [staff[i] for i in chunk.index("staff")] == [row[1] for row in rows]
