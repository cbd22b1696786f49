"""The raw report's column-wise copy of the answers (`AnswerChunk`): built,
kept in step and summed.

A report that the daily aggregates cannot serve (one limited to the answers
in a language, which they have no column for) sums the answers themselves.
For each closed day it reads the day's chunk, one packed array per column,
and sums every group and period at once with numpy: one histogram of the
answers' scores per group × period (`numpy.bincount`), from which each
question's counts, Σx and Σx² follow. Days without a chunk (the last two, or a day
whose answers just changed) are summed from the answers' table by
`selectors`, and the two add up.

Kept in step: every writer of answers other than the survey link, which
writes today's answers only, calls `chunks_invalidate` with the days it
touches, inside its transaction (`aggregates` does it for them). On
PostgreSQL it takes a transaction lock per day, which the builder takes too,
so a chunk is never built from a day whose answers are changing: either the
writer waits for the builder to commit and then deletes the new chunk, or the
builder waits for the writer's commit and then reads its answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import Any

import numpy as np
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from kohtaamo.core.dates import local_midnight
from kohtaamo.feedback.models import Response
from kohtaamo.insights.models import AnswerChunk, AnswerTeamDay
from kohtaamo.stats.ces import EASY_FROM
from kohtaamo.stats.csat import SATISFIED_FROM
from kohtaamo.stats.nps import PASSIVE_FROM, PROMOTER_FROM

# A day gets its chunk once it is this many days old: the survey link, the
# only writer that does not invalidate, writes today's answers, and a day's
# margin covers a clock or a process a little behind.
CHUNK_LAG_DAYS = 2
# Writers invalidate the days before today (the margin's other side).
_WRITER_LAG_DAYS = 1
# The first key of the PostgreSQL transaction locks of days ("Kd" in ASCII);
# the second is the day's number from 2000-01-01.
_LOCK_SPACE = 0x4B64
_EPOCH = date(2000, 1, 1)
# How many days the tick builds at a time, so that an upgrade over years of
# answers catches up over a few ticks instead of holding one for long.
CHUNKS_PER_TICK = 60
_SCORES = np.dtype("<u2")
# An answer's three scores are one number: each question has a place per
# score and one for "not answered" (0), so NPS takes 12 places, CSAT 7 and
# CES 9, and (NPS + 1, CSAT + 1, CES + 1) is a place in the 12 × 7 × 9 box.
_NPS_WIDTH, _CSAT_WIDTH, _CES_WIDTH = 12, 7, 9
_SHAPES = _NPS_WIDTH * _CSAT_WIDTH * _CES_WIDTH
# Up to this many groups × periods × shapes, the report keeps one joint
# histogram of the three scores; above, one per question.
_JOINT_BINS = 1 << 22


def chunk_horizon(today: date | None = None) -> date:
    """The newest day that may have a chunk."""
    return (today or timezone.localdate()) - timedelta(days=CHUNK_LAG_DAYS)


def days_of(responses: QuerySet[Response]) -> list[date]:
    """The local days these answers fall on."""
    return list(responses.order_by().values_list("answered_on", flat=True).distinct())


def chunks_invalidate(days: Iterable[date]) -> None:
    """Delete the chunks of these days, whose answers this transaction
    changes; the days stay locked against the builder until it ends."""
    cutoff = timezone.localdate() - timedelta(days=_WRITER_LAG_DAYS)
    old = sorted({day for day in days if day <= cutoff})
    if not old:
        return
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # In day order, as every writer takes them: no circle of waits.
            cursor.execute(
                "SELECT count(pg_advisory_xact_lock(%s, n)) FROM unnest(%s::int[]) AS n",
                [_LOCK_SPACE, [(day - _EPOCH).days for day in old]],
            )
    AnswerChunk.objects.filter(day__in=old).delete()


def chunks_missing(*, horizon: date | None = None) -> list[date]:
    """The closed days that have answers but no chunk, the newest first (the
    days reports read most)."""
    horizon = horizon or chunk_horizon()
    built = set(AnswerChunk.objects.values_list("day", flat=True))
    days = (
        AnswerTeamDay.objects.filter(day__lte=horizon, responses__gt=0)
        .order_by("-day")
        .values_list("day", flat=True)
        .distinct()
    )
    return [day for day in days if day not in built]


def answer_chunks_build(
    *,
    limit: int | None = None,
    horizon: date | None = None,
    days: list[date] | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Build the missing chunks (at most `limit`), or those of `days` from
    `chunks_missing`; returns how many were built. A day whose answers
    another transaction is changing is left for the next time. `progress`
    is told of each day done."""
    built = 0
    for day in (chunks_missing(horizon=horizon) if days is None else days)[:limit]:
        built += int(_build_day(day))
        if progress is not None:
            progress(1)
    return built


def _build_day(day: date) -> bool:
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_try_advisory_xact_lock(%s, %s)", [_LOCK_SPACE, (day - _EPOCH).days]
                )
                if not cursor.fetchone()[0]:
                    return False
                # Before reading: a rebuild of the aggregates (which deletes
                # every chunk, `aggregates.answer_days_rebuild`) in progress
                # commits first, or waits for this one.
                table = connection.ops.quote_name(AnswerChunk._meta.db_table)
                cursor.execute(f"LOCK TABLE {table} IN ROW EXCLUSIVE MODE")
        if AnswerChunk.objects.filter(day=day).exists():
            return False
        rows = list(
            Response.objects.filter(
                answered_on=day,
                answered_at__gte=local_midnight(day - timedelta(days=1)),
                answered_at__lt=local_midnight(day + timedelta(days=2)),
            )
            .order_by("pk")
            .values_list("team_id", "staff_id", "channel", "language", "nps", "csat", "ces")
        )
        if not rows:
            return False
        AnswerChunk.objects.create(day=day, **_pack(rows))
        return True


# Team, staff member, channel and language: each chunk lists the values of
# its day (`<column>_codes`), and each answer has its value's place in the
# list, in one byte (up to 256 values), two or four.
CODED = ("team", "staff", "channel", "language")


def _index_type(codes: int) -> np.dtype[Any]:
    return np.dtype("u1" if codes <= 1 << 8 else "<u2" if codes <= 1 << 16 else "<u4")


def _pack(rows: Sequence[tuple[Any, ...]]) -> dict[str, Any]:
    *coded, nps, csat, ces = zip(*rows, strict=True)
    packed: dict[str, Any] = {"answers": len(rows)}
    for name, values in zip(CODED, coded, strict=True):
        codes = sorted(set(values))
        index = {code: i for i, code in enumerate(codes)}
        packed[f"{name}_codes"] = ",".join(str(code) for code in codes)
        packed[name] = np.array([index[v] for v in values], _index_type(len(codes))).tobytes()

    def place(values: tuple[int | None, ...]) -> Any:
        return np.array([0 if v is None else v + 1 for v in values], dtype=np.int64)

    shape = (place(nps) * _CSAT_WIDTH + place(csat)) * _CES_WIDTH + place(ces)
    packed["scores"] = shape.astype(_SCORES).tobytes()
    return packed


# The report's side.

Sums = dict[tuple[Any, date], list[int]]
# The one group of a report by nothing (`selectors.ALL_GROUP`).
ALL = "all"


def chunk_sums(
    *,
    date_from: date | None,
    date_to: date | None,
    group: str | None,
    start_of: Callable[[date], date],
    language: str | None = None,
    allowed_teams: set[int] | None = None,
    allowed_pairs: set[tuple[int, int]] | None = None,
    team_units: dict[int, int] | None = None,
) -> tuple[Sums, list[date]]:
    """The chunked answers between the days (both included) summed by group
    and period, and the days that had a chunk (the caller sums the others
    from the answers' table).

    `group` is "team", "staff", "channel", "unit" (by `team_units`, each
    team's unit) or None for one group, `ALL`; `start_of` gives a day's
    period. Only answers in `language`, when given, of a team in
    `allowed_teams`, when given, and of a (team, staff member) in
    `allowed_pairs`, when given, count. Each sum is in the order of
    `selectors.Counts`: promoters, passives, detractors, CSAT n and
    satisfied, CES n, Σx, Σx² and easy.

    Each chunk's answers are one period's; their group and period become a
    histogram row through the chunk's short list of values, so the work per
    answer is a lookup, not a search."""
    source = {"staff": "staff", "channel": "channel", None: None}.get(group, "team")
    needed = {
        "team": source == "team" or allowed_teams is not None or allowed_pairs is not None,
        "staff": source == "staff" or allowed_pairs is not None,
        "channel": source == "channel",
        "language": language is not None,
    }
    names = [name for name in CODED if needed[name]]
    columns = ["day", "answers", "scores", *(f"{n}_codes" for n in names), *names]
    rows = _chunk_rows(columns, date_from, date_to)
    days = [row[0] for row in rows]
    if not rows:
        return {}, days
    at = {name: i for i, name in enumerate(columns)}
    chunks = [_Chunk(row, at, names) for row in rows]
    starts = sorted({start_of(day) for day in days})
    period_of = {start: i for i, start in enumerate(starts)}
    labels: list[Any]
    if source is None:
        labels = [ALL]
    else:
        value = (lambda code: (team_units or {}).get(code)) if group == "unit" else None
        labels = sorted({value(c) if value else c for chunk in chunks for c in chunk.codes[source]})
        position = {label: i for i, label in enumerate(labels)}
    size = len(labels) * len(starts)
    masks = _Masks(language, allowed_teams, allowed_pairs)
    histograms = _Histograms(size)
    for chunk, row, day in zip(chunks, rows, days, strict=True):
        period = period_of[start_of(day)]
        shapes = np.frombuffer(row[at["scores"]], dtype=_SCORES)
        # The chunk's answers by histogram row (group and period), counted
        # here in a histogram of the chunk's own few rows, which fits in
        # the processor's cache, and then added to the report's.
        if source is None:
            targets = np.array([period])
            cells = shapes.astype(np.int64)
        else:
            of_codes = [
                position[value(c) if value else c] * len(starts) + period
                for c in chunk.codes[source]
            ]
            targets, local = np.unique(np.array(of_codes), return_inverse=True)
            cells = local[chunk.index(source)] * _SHAPES + shapes
        keep = masks.of(chunk)
        if keep is not None:
            # The answers left out go to a last row of their own, dropped.
            cells = np.where(keep, cells, len(targets) * _SHAPES)
        counted = np.bincount(cells, minlength=(len(targets) + 1) * _SHAPES)
        histograms.add(targets, counted[: len(targets) * _SHAPES].reshape(-1, _SHAPES))
    nps, csat, ces = histograms.by_question()
    ces_scores = np.arange(_CES_WIDTH - 1)
    sums = np.stack(
        [
            nps[:, PROMOTER_FROM + 1 :].sum(axis=1),
            nps[:, PASSIVE_FROM + 1 : PROMOTER_FROM + 1].sum(axis=1),
            nps[:, 1 : PASSIVE_FROM + 1].sum(axis=1),
            csat[:, 1:].sum(axis=1),
            csat[:, SATISFIED_FROM + 1 :].sum(axis=1),
            ces[:, 1:].sum(axis=1),
            ces[:, 1:] @ ces_scores,
            ces[:, 1:] @ (ces_scores * ces_scores),
            ces[:, EASY_FROM + 1 :].sum(axis=1),
        ],
        axis=1,
    ).tolist()
    # Every answer is in its question's histogram, answered or not.
    answered = nps.sum(axis=1)
    result: Sums = {}
    for index in np.flatnonzero(answered).tolist():
        group_index, period_index = divmod(index, len(starts))
        result[(labels[group_index], starts[period_index])] = sums[index]
    return result, days


class _Chunk:
    """One chunk's coded columns as read: their values and each answer's
    place among them."""

    def __init__(self, row: tuple[Any, ...], at: dict[str, int], names: list[str]) -> None:
        self.answers = int(row[at["answers"]])
        self.codes: dict[str, list[Any]] = {}
        self._packed: dict[str, Any] = {}
        for name in names:
            text = row[at[f"{name}_codes"]].split(",")
            self.codes[name] = [int(code) for code in text] if name in ("team", "staff") else text
            self._packed[name] = row[at[name]]

    def index(self, name: str) -> Any:
        return np.frombuffer(self._packed[name], dtype=_index_type(len(self.codes[name])))


class _Masks:
    """Which answers of a chunk count: those in the language, of the
    allowed teams and of the allowed (team, staff member) pairs."""

    def __init__(
        self,
        language: str | None,
        teams: set[int] | None,
        pairs: set[tuple[int, int]] | None,
    ) -> None:
        self.language, self.teams, self.pairs = language, teams, pairs
        if pairs is not None:
            # A table over the teams and staff members in the pairs, with a
            # last row and column for everyone else.
            self.pair_teams = {t: i for i, t in enumerate(sorted({t for t, _s in pairs}))}
            self.pair_staff = {s: i for i, s in enumerate(sorted({s for _t, s in pairs}))}
            self.width = len(self.pair_staff) + 1
            self.table = np.zeros((len(self.pair_teams) + 1) * self.width, dtype=bool)
            self.table[[self.pair_teams[t] * self.width + self.pair_staff[s] for t, s in pairs]] = (
                True
            )

    def of(self, chunk: _Chunk) -> Any:
        """A mask of the chunk's answers, or None when all count."""
        keep = None
        if self.language is not None:
            keep = self._coded(chunk, "language", lambda code: code == self.language)
        if self.teams is not None:
            teams = self.teams
            keep = _both(keep, self._coded(chunk, "team", lambda code: code in teams))
        if self.pairs is not None:
            rows = np.array(
                [self.pair_teams.get(t, len(self.pair_teams)) for t in chunk.codes["team"]]
            )
            columns = np.array(
                [self.pair_staff.get(s, self.width - 1) for s in chunk.codes["staff"]]
            )
            pairs = (rows * self.width)[chunk.index("team")] + columns[chunk.index("staff")]
            keep = _both(keep, self.table[pairs])
        return keep

    @staticmethod
    def _coded(chunk: _Chunk, name: str, counts: Callable[[Any], bool]) -> Any:
        wanted = [counts(code) for code in chunk.codes[name]]
        if all(wanted):
            return None
        return np.array(wanted, dtype=bool)[chunk.index(name)]


def _both(first: Any, second: Any) -> Any:
    """Two masks (None: all) as one."""
    if first is None:
        return second
    if second is None:
        return first
    return first & second


class _Histograms:
    """Per histogram row (group × period), how many answers gave each NPS,
    CSAT and CES (column 0: not answered): one joint histogram of the three
    scores, or, for reports of too many rows for that, one per question."""

    def __init__(self, size: int) -> None:
        self.joint = size * _SHAPES <= _JOINT_BINS
        if self.joint:
            self.table = np.zeros((size, _SHAPES), dtype=np.int64)
        else:
            self.questions = [
                np.zeros((size, width), dtype=np.int64)
                for width in (_NPS_WIDTH, _CSAT_WIDTH, _CES_WIDTH)
            ]

    def add(self, targets: Any, counted: Any) -> None:
        """Add a chunk's joint histogram of the rows `targets` (distinct)."""
        if self.joint:
            self.table[targets] += counted
            return
        for table, question in zip(self.questions, _marginals(counted), strict=True):
            table[targets] += question

    def by_question(self) -> tuple[Any, Any, Any]:
        if self.joint:
            return _marginals(self.table)
        nps, csat, ces = self.questions
        return nps, csat, ces


def _marginals(joint: Any) -> tuple[Any, Any, Any]:
    """Each question's histogram from the joint one of the three."""
    box = joint.reshape(-1, _NPS_WIDTH, _CSAT_WIDTH, _CES_WIDTH)
    return box.sum(axis=(2, 3)), box.sum(axis=(1, 3)), box.sum(axis=(1, 2))


def _chunk_rows(
    columns: list[str], date_from: date | None, date_to: date | None
) -> list[tuple[Any, ...]]:
    """The chunks' columns between the days, oldest first."""
    quote = connection.ops.quote_name
    where, params = [], []
    if date_from is not None:
        where.append(f"{quote('day')} >= %s")
        params.append(date_from)
    if date_to is not None:
        where.append(f"{quote('day')} <= %s")
        params.append(date_to)
    # Only our own table's and columns' names go into the text.
    sql = (
        f"SELECT {', '.join(quote(c) for c in columns)} "  # noqa: S608
        f"FROM {quote(AnswerChunk._meta.db_table)} "
        f"{'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY {quote('day')}"
    )
    if connection.vendor == "postgresql":
        return _postgresql_rows(sql, params)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _postgresql_rows(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    """The rows in binary (as text, every byte of the arrays travels as two
    hex digits), streamed a row at a time: at 10M answers, 48 ms instead of
    the 71 ms of one result holding them all. On a cursor of psycopg's own,
    since Django's binds parameters on the client and cannot ask for either;
    it goes into Django's query log all the same."""
    import psycopg

    connection.ensure_connection()
    with psycopg.Cursor(connection.connection) as cursor:
        if not connection.queries_logged:
            return list(cursor.stream(sql, params, binary=True))
        # (django-stubs take the wrapper for the cursor it wraps.)
        logged = connection.make_debug_cursor(cursor)  # type: ignore[arg-type]
        with logged.debug_sql(sql, params):
            return list(cursor.stream(sql, params, binary=True))
