"""The raw report's column-wise copy of the answers (`AnswerChunk`): built,
kept in step and summed.

A report that the daily aggregates cannot serve (one limited to the answers
in a language, which they have no column for) sums the answers themselves.
For each closed day it reads the day's chunk, one packed array per column,
and sums every group and period at once with numpy: a histogram of each
question's scores per group × period (`numpy.bincount`), from which the
counts, Σx and Σx² follow. Days without a chunk (the last two, or a day
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
# The columns, in the order `_pack` gives them, and their array types.
_ID = np.dtype("<i4")
_CODE = np.dtype("u1")
_SCORES = np.dtype("<u2")
# An answer's three scores are one number: each question has a place per
# score and one for "not answered" (0), so NPS takes 12 places, CSAT 7 and
# CES 9, and (NPS + 1, CSAT + 1, CES + 1) is a place in the 12 × 7 × 9 box.
_NPS_WIDTH, _CSAT_WIDTH, _CES_WIDTH = 12, 7, 9
_SHAPES = _NPS_WIDTH * _CSAT_WIDTH * _CES_WIDTH
# Up to this many groups × periods × shapes, one histogram counts every
# answer's shape in its group and period at once; above, one per question.
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
    progress: Callable[[int], None] | None = None,
) -> int:
    """Build the missing chunks (at most `limit`); returns how many were
    built. A day whose answers another transaction is changing is left for
    the next time. `progress` is told of each day done."""
    built = 0
    for day in chunks_missing(horizon=horizon)[:limit]:
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


def _pack(rows: Sequence[tuple[Any, ...]]) -> dict[str, Any]:
    team, staff, channel, language, *scores = zip(*rows, strict=True)

    def coded(values: tuple[str, ...]) -> tuple[str, bytes]:
        codes = sorted(set(values))
        index = {code: i for i, code in enumerate(codes)}
        return ",".join(codes), np.array([index[v] for v in values], dtype=_CODE).tobytes()

    def place(values: tuple[int | None, ...]) -> Any:
        return np.array([0 if v is None else v + 1 for v in values], dtype=np.int64)

    nps, csat, ces = (place(values) for values in scores)

    channel_codes, channels = coded(channel)
    language_codes, languages = coded(language)
    return {
        "answers": len(rows),
        "channel_codes": channel_codes,
        "language_codes": language_codes,
        "team": np.array(team, dtype=_ID).tobytes(),
        "staff": np.array(staff, dtype=_ID).tobytes(),
        "channel": channels,
        "language": languages,
        "scores": ((nps * _CSAT_WIDTH + csat) * _CES_WIDTH + ces).astype(_SCORES).tobytes(),
    }


# The report's side.

Sums = dict[tuple[Any, date], list[int]]


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
    `allowed_pairs`, when given, count. Each sum is in the order
    of `selectors.Counts`: promoters, passives, detractors, CSAT n and
    satisfied, CES n, Σx, Σx² and easy."""
    wanted = {
        "team": group in ("team", "unit") or allowed_teams is not None or allowed_pairs is not None,
        "staff": group == "staff" or allowed_pairs is not None,
        "channel": group == "channel",
        "language": language is not None,
    }
    columns = [
        "day",
        "answers",
        "channel_codes",
        "language_codes",
        "scores",
        *(name for name, needed in wanted.items() if needed),
    ]
    rows = _chunk_rows(columns, date_from, date_to)
    days = [row[0] for row in rows]
    if not rows:
        return {}, days
    at = {name: i for i, name in enumerate(columns)}

    joined: dict[str, Any] = {}

    def column(name: str, dtype: np.dtype[Any]) -> Any:
        if name not in joined:
            joined[name] = np.frombuffer(b"".join(row[at[name]] for row in rows), dtype=dtype)
        return joined[name]

    starts = sorted({start_of(day) for day in days})
    start_index = {start: i for i, start in enumerate(starts)}
    period = np.repeat(
        np.array([start_index[start_of(day)] for day in days], dtype=np.int64),
        np.array([row[1] for row in rows], dtype=np.int64),
    )
    labels: list[Any]
    if group is None:
        groups: Any = 0
        labels = [ALL]
    elif group == "channel":
        groups, labels = _channels(rows, at)
    else:
        ids = column("staff" if group == "staff" else "team", _ID)
        if group == "unit":
            ids = _lookup(team_units or {}, ids)
        groups, present = _compact(ids, len(starts))
        labels = present.tolist()
    size = len(labels) * len(starts)
    key = groups * len(starts) + period
    keep = None
    if language is not None:
        keep = np.concatenate([_coded_is(row, at, "language", language) for row in rows])
    if allowed_teams is not None:
        allowed = _index_of(column("team", _ID), sorted(allowed_teams)) < len(allowed_teams)
        keep = allowed if keep is None else keep & allowed
    if allowed_pairs is not None:
        allowed = _pairs_in(column("team", _ID), column("staff", _ID), allowed_pairs)
        keep = allowed if keep is None else keep & allowed
    if keep is not None:
        # The answers left out go to a last group of their own, dropped below.
        key = np.where(keep, key, size)

    nps, csat, ces = _histograms(key, column("scores", _SCORES), size + 1)
    # The answers left out were counted in the last group.
    nps, csat, ces = nps[:size], csat[:size], ces[:size]
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


def _histograms(key: Any, shapes: Any, groups: int) -> tuple[Any, Any, Any]:
    """Per group (`key`, 0 to `groups` - 1), how many answers gave each
    NPS, CSAT and CES (column 0: not answered)."""
    if groups * _SHAPES <= _JOINT_BINS:
        joint = np.bincount(key * _SHAPES + shapes, minlength=groups * _SHAPES)
        box = joint.reshape(groups, _NPS_WIDTH, _CSAT_WIDTH, _CES_WIDTH)
        return box.sum(axis=(2, 3)), box.sum(axis=(1, 3)), box.sum(axis=(1, 2))
    places = (
        (shapes // (_CSAT_WIDTH * _CES_WIDTH), _NPS_WIDTH),
        (shapes // _CES_WIDTH % _CSAT_WIDTH, _CSAT_WIDTH),
        (shapes % _CES_WIDTH, _CES_WIDTH),
    )
    nps, csat, ces = (
        np.bincount(key * width + place, minlength=groups * width).reshape(groups, width)
        for place, width in places
    )
    return nps, csat, ces


def _chunk_rows(
    columns: list[str], date_from: date | None, date_to: date | None
) -> list[tuple[Any, ...]]:
    """The chunks' columns between the days, oldest first. On PostgreSQL in
    binary: as text, every byte of the arrays travels as two hex digits."""
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
        import psycopg

        connection.ensure_connection()
        # A plain cursor, in Django's wrapper (query log, execute wrappers):
        # Django's own binds parameters on the client, and such a cursor
        # cannot ask for binary results.
        raw = psycopg.Cursor(connection.connection)
        raw.format = psycopg.pq.Format.BINARY
        # (django-stubs take the wrapper for the cursor it wraps.)
        wrapped = (
            connection.make_debug_cursor(raw)  # type: ignore[arg-type]
            if connection.queries_logged
            else connection.make_cursor(raw)  # type: ignore[arg-type]
        )
    else:
        wrapped = connection.cursor()
    with wrapped as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# The one group of a report by nothing (`selectors.ALL_GROUP`).
ALL = "all"


def _coded_is(row: tuple[Any, ...], at: dict[str, int], name: str, code: str) -> Any:
    """Whether each answer of a chunk has this code in a coded column."""
    values = np.frombuffer(row[at[name]], dtype=_CODE)
    codes = row[at[f"{name}_codes"]].split(",")
    if code not in codes:
        return np.zeros(len(values), dtype=bool)
    return values == codes.index(code)


def _channels(rows: list[tuple[Any, ...]], at: dict[str, int]) -> tuple[Any, list[str]]:
    """Each answer's channel as an index into the returned codes."""
    codes = [row[at["channel_codes"]].split(",") for row in rows]
    labels: list[str] = sorted({code for chunk in codes for code in chunk})
    index = {code: i for i, code in enumerate(labels)}
    parts = []
    for row, chunk in zip(rows, codes, strict=True):
        mapping = np.array([index[c] for c in chunk], dtype=np.int64)
        parts.append(mapping[np.frombuffer(row[at["channel"]], dtype=_CODE)])
    return np.concatenate(parts), labels


# Below this many groups × periods, ids are their own group numbers (the
# groups without answers drop out); above, they are renumbered first.
_DIRECT_GROUPS = 1 << 16


def _compact(ids: Any, periods: int = 1) -> tuple[Any, Any]:
    """Group numbers 0… for the ids, and the id of each number."""
    if not len(ids):
        return ids, np.zeros(0, dtype=np.int64)
    top = int(ids.max())
    if (top + 1) * periods <= _DIRECT_GROUPS:
        return ids, np.arange(top + 1)
    present = np.flatnonzero(np.bincount(ids))
    index = np.zeros(top + 1, dtype=np.int64)
    index[present] = np.arange(len(present))
    return index[ids], present


def _lookup(mapping: dict[int, int], ids: Any) -> Any:
    """`mapping[id]` for each id (teams to units)."""
    table = np.zeros(max(max(mapping, default=0), int(ids.max(initial=0))) + 1, dtype=np.int64)
    table[list(mapping)] = list(mapping.values())
    return table[ids]


def _index_of(ids: Any, known: list[int]) -> Any:
    """Each id's place in `known` (sorted), len(known) for an id not in it."""
    table = np.full(max(known[-1] if known else 0, int(ids.max(initial=0))) + 1, len(known))
    table[known] = np.arange(len(known))
    return table[ids]


def _pairs_in(team: Any, staff: Any, allowed: set[tuple[int, int]]) -> Any:
    """Whether each answer's (team, staff member) is one of `allowed`, by a
    table over the teams and staff members that appear in `allowed` (and a
    last row and column for those that do not)."""
    teams = sorted({t for t, _s in allowed})
    people = sorted({s for _t, s in allowed})
    width = len(people) + 1
    table = np.zeros((len(teams) + 1) * width, dtype=bool)
    team_at = {t: i for i, t in enumerate(teams)}
    staff_at = {s: i for i, s in enumerate(people)}
    table[[team_at[t] * width + staff_at[s] for t, s in allowed]] = True
    return table[_index_of(team, teams) * width + _index_of(staff, people)]
