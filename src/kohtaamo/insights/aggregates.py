"""Writes of the daily answer aggregates (`AnswerDay`, `AnswerTeamDay`),
always inside the transaction that writes the answers.

Each change is one set-based statement: the changed answers are summed by
day × team × staff × channel in the database and added to (or subtracted
from) the stored rows with INSERT … ON CONFLICT DO UPDATE, which PostgreSQL
and SQLite (3.24+) both speak. The update adds to the row's current value
under the row's lock, so two answers for the same day and team committed at
the same time both count. Rows are touched in key order so that two writers
never wait for each other in a circle.

The day, team, staff member and channel are the answer's own copies
(`Response.team` and the rest), which the same writers keep in step with
the encounter. Callers: `feedback.services.response_submit` (one answer:
`answer_day_add`), the answer import (`insights.services`), the encounter
import (an encounter that changes team, staff member or channel,
`encounters.importing.staging`), the demo's feedback steps.

The survey link's one statement on PostgreSQL (`feedback.link_answer`)
counts its answer in the inbox instead (`answer_inbox_insert_from`, see
`AnswerInbox` for why), and `answer_inbox_fold` adds the inbox to the days:
every report folds before it reads them, and so does the tick.

An edit subtracts the answer's old values before the update and adds the
new ones after it. The admin may not delete answers (`feedback.admin`).

The same writes delete the column-wise copies (`AnswerChunk`) of the days
they touch, which the tick then builds again (`chunks`).
"""

# The statements are built from our own table and column names and Django's
# compiled query, whose parameters stay apart.
# ruff: noqa: S608
from __future__ import annotations

from typing import Any

from django.db import connection, transaction
from django.db.models import Count, F, IntegerField, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from kohtaamo.core.statements import Write
from kohtaamo.feedback.models import Response
from kohtaamo.insights.chunks import chunks_invalidate, days_of
from kohtaamo.insights.models import (
    AnswerChunk,
    AnswerCounts,
    AnswerDay,
    AnswerInbox,
    AnswerTeamDay,
)
from kohtaamo.stats.ces import EASY_FROM
from kohtaamo.stats.csat import SATISFIED_FROM
from kohtaamo.stats.nps import PASSIVE_FROM, PROMOTER_FROM

KEY_COLUMNS = ("day", "team_id", "staff_id", "channel")
TEAM_KEY_COLUMNS = ("day", "team_id")
# The two daily tables, by the name their upsert goes under in a statement.
DAY_TABLES: tuple[tuple[str, type[AnswerCounts], tuple[str, ...]], ...] = (
    ("answer_day", AnswerDay, KEY_COLUMNS),
    ("answer_team_day", AnswerTeamDay, TEAM_KEY_COLUMNS),
)
COUNT_COLUMNS = (
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


def answer_days_add(*, responses: QuerySet[Response]) -> None:
    """Count these (just written) answers in their days."""
    chunks_invalidate(days_of(responses))
    _apply(responses, sign=1)


def answer_day_add(*, response: Response) -> None:
    """Count one just written answer, from its values at hand.

    The survey page's path: the counts are made here from the scores and go
    in as values, two short statements instead of summing the answer back
    out of the database. The counting rules are the ones `day_sums` gives
    the database; a test holds the two to the same figures."""
    chunks_invalidate([response.answered_on])
    with connection.cursor() as cursor:
        for write in answer_day_writes(response=response):
            cursor.execute(write.sql, write.params)


def answer_day_writes(*, response: Response) -> list[Write]:
    """The two upserts of `answer_day_add`, for a caller that sends them
    with its other writes (`core.statements.run_together`). The answer is
    today's (the survey link's), and today has no chunk to delete."""
    counts = answer_counts(nps=response.nps, csat=response.csat, ces=response.ces)
    # The key columns are the answer's own copies, under the same names but the day.
    key_of = {"day": response.answered_on}
    writes = []
    for name, model, key_columns in DAY_TABLES:
        params: list[Any] = [
            *(key_of[c] if c in key_of else getattr(response, c) for c in key_columns),
            *(counts[c] for c in COUNT_COLUMNS),
        ]
        values = f"VALUES ({', '.join(['%s'] * len(params))})"
        writes.append(Write(name, _upsert(model, key_columns, values), params))
    return writes


def answer_inbox_insert_from(source: str) -> list[Write]:
    """The writes that count one answer whose key columns come from
    `source`, a name in the same WITH statement that returns `day`,
    `team_id`, `staff_id` and `channel` (the survey link's one statement,
    `feedback.link_answer`): the answer's counts as one row, `counts`, whose
    parameters (`answer_counts`, in COUNT_COLUMNS order) the caller gives,
    and its row in the inbox (`AnswerInbox`), which `answer_inbox_fold` adds
    to the days. Nothing is written when `source` is empty."""
    quote = connection.ops.quote_name
    counts = Write("counts", "SELECT " + ", ".join(f"%s AS {c}" for c in COUNT_COLUMNS), [])
    inbox = Write(
        "inbox",
        f"INSERT INTO {quote(AnswerInbox._meta.db_table)} ({_inbox_columns()}) "
        f"SELECT {', '.join(f'{source}.{k}' for k in KEY_COLUMNS)}, "
        f"{', '.join(f'counts.{c}' for c in COUNT_COLUMNS)} FROM {source}, counts",
        [],
    )
    return [counts, inbox]


def answer_inbox_fold() -> int:
    """Add the inbox's answers to their days and empty it; returns how many
    answers were folded.

    On PostgreSQL one statement deletes the rows it sees and adds their sums
    to both day tables, so an answer is in the inbox or in its days, never
    both and never neither, whoever reads or folds at the same time: rows
    inserted meanwhile stay for the next fold, and of two folds deleting the
    same row only the one that deletes it adds it. Elsewhere (SQLite, whose
    writers take turns) the same happens in a transaction up to the last row
    seen."""
    quote = connection.ops.quote_name
    inbox = quote(AnswerInbox._meta.db_table)
    sums = ", ".join(f"sum({quote(c)})" for c in COUNT_COLUMNS)
    if connection.vendor == "postgresql":
        adds = [
            f"{name} AS ({_upsert(model, keys, _grouped('moved', keys, sums, ''))})"
            for name, model, keys in DAY_TABLES
        ]
        with connection.cursor() as cursor:
            cursor.execute(
                f"WITH moved AS (DELETE FROM {inbox} RETURNING {_inbox_columns()}), "
                f"{', '.join(adds)} SELECT count(*) FROM moved"
            )
            return int(cursor.fetchone()[0])
    with transaction.atomic():
        last = AnswerInbox.objects.order_by("-pk").values_list("pk", flat=True).first()
        if last is None:
            return 0
        with connection.cursor() as cursor:
            for _name, model, keys in DAY_TABLES:
                rows = _grouped(inbox, keys, sums, f"WHERE {quote('id')} <= %s")
                cursor.execute(_upsert(model, keys, rows), [last])
        folded, _by_model = AnswerInbox.objects.filter(pk__lte=last).delete()
        return folded


def _inbox_columns() -> str:
    """The inbox's columns that its writer fills and its fold reads back."""
    quote = connection.ops.quote_name
    return ", ".join(quote(c) for c in (*KEY_COLUMNS, *COUNT_COLUMNS))


def _grouped(table: str, keys: tuple[str, ...], sums: str, where: str) -> str:
    """The rows of `table` summed by `keys`, in key order (the order every
    writer of the days takes their rows in)."""
    quote = connection.ops.quote_name
    listed = ", ".join(quote(k) for k in keys)
    return f"SELECT {listed}, {sums} FROM {table} {where} GROUP BY {listed} ORDER BY {listed}"


def answer_counts(*, nps: int | None, csat: int | None, ces: int | None) -> dict[str, int]:
    """One answer's contribution to each count column."""
    return {
        "responses": 1,
        "promoters": int(nps is not None and nps >= PROMOTER_FROM),
        "passives": int(nps is not None and PASSIVE_FROM <= nps < PROMOTER_FROM),
        "detractors": int(nps is not None and nps < PASSIVE_FROM),
        "csat_n": int(csat is not None),
        "csat_satisfied": int(csat is not None and csat >= SATISFIED_FROM),
        "ces_n": int(ces is not None),
        "ces_total": ces or 0,
        "ces_squares": (ces or 0) ** 2,
        "ces_easy": int(ces is not None and ces >= EASY_FROM),
    }


def answer_days_subtract(*, responses: QuerySet[Response]) -> None:
    """Take these answers out of their days, before they change or go.

    Rows left empty go, so that they hold no staff member or team that the
    demo (or anyone) wants to remove. Edits and deletions are rare and the
    table is small (days × teams × staff × channels), so the whole table is
    looked at. The inbox is folded first, so that an answer still in it
    leaves no row empty in sum but not in fact."""
    answer_inbox_fold()
    chunks_invalidate(days_of(responses))
    _apply(responses, sign=-1)
    AnswerDay.objects.filter(responses=0).delete()
    AnswerTeamDay.objects.filter(responses=0).delete()


@transaction.atomic
def answer_days_rebuild() -> int:
    """Recompute every day from the answers; returns the number of rows."""
    table = connection.ops.quote_name(AnswerDay._meta.db_table)
    team_table = connection.ops.quote_name(AnswerTeamDay._meta.db_table)
    inbox = connection.ops.quote_name(AnswerInbox._meta.db_table)
    chunks = connection.ops.quote_name(AnswerChunk._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Writers wait until the rebuild commits and then add to the new
            # rows; an answer committed before the lock is in the rebuild. A
            # chunk builder waits too, before it reads (`chunks._build_day`).
            cursor.execute(f"LOCK TABLE {table}, {team_table}, {inbox}, {chunks} IN EXCLUSIVE MODE")
        # The chunks go; the tick builds them again from the answers.
        cursor.execute(f"DELETE FROM {chunks}")
        cursor.execute(f"DELETE FROM {table}")
        cursor.execute(f"DELETE FROM {team_table}")
        # The inbox's answers are among the answers counted below.
        cursor.execute(f"DELETE FROM {inbox}")
    _apply(Response.objects.all(), sign=1)
    return AnswerDay.objects.count()


def day_sums(
    responses: QuerySet[Response], keys: tuple[str, ...] = KEY_COLUMNS
) -> QuerySet[Any, Any]:
    """The answers summed by local day × team × staff × channel (or `keys`),
    from the answer's own copies of its local day and encounter, which the
    raw report reads too."""
    squares = Sum(F("ces") * F("ces"), output_field=IntegerField())
    return (
        responses.order_by()
        .values(*(key for key in keys if key != "day"), day=F("answered_on"))
        .annotate(
            responses=Count("pk"),
            promoters=Count("pk", filter=Q(nps__gte=PROMOTER_FROM)),
            passives=Count("pk", filter=Q(nps__gte=PASSIVE_FROM, nps__lt=PROMOTER_FROM)),
            detractors=Count("pk", filter=Q(nps__lt=PASSIVE_FROM)),
            csat_n=Count("csat"),
            csat_satisfied=Count("pk", filter=Q(csat__gte=SATISFIED_FROM)),
            ces_n=Count("ces"),
            ces_total=Coalesce(Sum("ces"), 0),
            ces_squares=Coalesce(squares, 0),
            ces_easy=Count("pk", filter=Q(ces__gte=EASY_FROM)),
        )
        .order_by(*keys)
    )


def _apply(responses: QuerySet[Response], *, sign: int) -> None:
    for _name, model, key_columns in DAY_TABLES:
        _apply_to(model, key_columns, responses, sign=sign)


def _apply_to(
    model: type[AnswerCounts],
    key_columns: tuple[str, ...],
    responses: QuerySet[Response],
    *,
    sign: int,
) -> None:
    sql, params = day_sums(responses, key_columns).query.sql_with_params()
    quote = connection.ops.quote_name
    signed = ", ".join(f"{int(sign)} * d.{quote(c)}" for c in COUNT_COLUMNS)
    # "WHERE true" tells SQLite's parser that ON CONFLICT belongs to the
    # INSERT, not to a join of the SELECT.
    # Only names of our own columns and Django's compiled query (with its
    # parameters kept apart) go into the text.
    rows = (
        f"SELECT {', '.join(f'd.{quote(c)}' for c in key_columns)}, {signed} "
        f"FROM ({sql}) AS d WHERE true"
    )
    with connection.cursor() as cursor:
        cursor.execute(_upsert(model, key_columns, rows), params)


def _upsert(model: type[AnswerCounts], key_columns: tuple[str, ...], rows: str) -> str:
    """INSERT the rows (VALUES or a SELECT of key columns, then count
    columns) into the table, adding the counts to a row that exists."""
    quote = connection.ops.quote_name
    keys = ", ".join(quote(c) for c in key_columns)
    counts = ", ".join(quote(c) for c in COUNT_COLUMNS)
    added = ", ".join(f"{quote(c)} = t.{quote(c)} + excluded.{quote(c)}" for c in COUNT_COLUMNS)
    return (
        f"INSERT INTO {quote(model._meta.db_table)} AS t ({keys}, {counts}) {rows} "
        f"ON CONFLICT ({keys}) DO UPDATE SET {added}"
    )
