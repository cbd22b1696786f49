"""Writing checked rows: first into a temporary staging table, then with a few
set-based statements into the real table. This is the portable path (SQLite,
or any database Django supports); `postgres.py` speeds up its loading step.

Why a staging table: it lets the database find duplicate ids within the file
and tell new rows from existing ones in one pass each, with nothing held in
Python's memory, and the real table is then written by plain INSERT and
UPDATE statements that keep every constraint of the schema in force.
"""

# The SQL below is put together from table and column names of the models and
# of this package only; every value travels as a query parameter.
# ruff: noqa: S608

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

# How many rows of the file each INSERT statement covers: small enough for a
# progress bar to move, large enough that per-statement costs vanish.
WRITE_CHUNK = 50_000

TYPES = {
    "postgresql": {
        "text": "text",
        "int": "integer",
        "bigint": "bigint",
        "time": "timestamptz",
        "bool": "boolean",
    },
    "sqlite": {
        "text": "TEXT",
        "int": "INTEGER",
        "bigint": "INTEGER",
        "time": "TEXT",
        "bool": "INTEGER",
    },
}


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Final = _Required()


def sql_literal(value: str | bool | None) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return "'" + value.replace("'", "''") + "'"


@dataclass(frozen=True)
class Column:
    """A staged column. A `default` makes it optional: NULL in the stage
    means "not given", so an update keeps the stored value and a new row gets
    the default. `update` replaces the update expression (s = stage row, t =
    stored row). `written` is False for the stage's own helper columns."""

    name: str
    kind: str
    key: bool = False
    default: str | bool | _Required | None = REQUIRED
    update: str | None = None
    written: bool = True

    @property
    def optional(self) -> bool:
        return self.default is not REQUIRED

    @property
    def default_sql(self) -> str:
        assert not isinstance(self.default, _Required)
        return sql_literal(self.default)


@dataclass(frozen=True)
class Computed:
    """A column of the real table computed from staged ones: `insert` and
    `update` in SQL, and `value` the same as `insert` in Python, of the staged
    columns `uses` (for rows written without a stage, postgres.DirectWrite)."""

    name: str
    insert: str
    update: str
    value: Callable[..., Any]
    uses: tuple[str, ...]
    kind: str = "bool"


@dataclass(frozen=True)
class Target:
    table: str
    columns: tuple[Column, ...]
    computed: tuple[Computed, ...] = ()
    turns_table: str = ""
    # Columns that lead secondary indexes which the direct way
    # (postgres.DirectWrite) builds once at its end instead of keeping them
    # up to date row by row: those whose keys a file brings in no order.
    built_at_end: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.key)

    @property
    def written(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.written)


TURN_COLUMNS = (
    Column("rn", "int"),
    Column("position", "int"),
    Column("speaker", "text"),
    Column("text", "text"),
    Column("spoken_at", "time"),
)


class Staging:
    """A staging table of one import on one connection. Temporary tables are
    private to the connection and vanish with it, so an import killed half-way
    leaves nothing behind."""

    def __init__(self, connection: BaseDatabaseWrapper, target: Target, name: str) -> None:
        self.connection = connection
        self.target = target
        self.vendor = "postgresql" if connection.vendor == "postgresql" else "sqlite"
        schema = "pg_temp" if self.vendor == "postgresql" else "temp"
        self.bare_name = f"kohtaamo_import_{name}"
        self.stage = f"{schema}.{self.bare_name}"
        self.turn_stage = f"{schema}.{self.bare_name}_turns"
        self._time_indexes = [i + 1 for i, c in enumerate(target.columns) if c.kind == "time"]

    # --- Set-up and loading -----------------------------------------------------

    def create(self) -> None:
        types = TYPES[self.vendor]
        columns = ", ".join(f"{c.name} {types[c.kind]}" for c in self.target.columns)
        self.drop()
        self._execute(
            f"CREATE TEMP TABLE {self.bare_name} "
            f"(rn {types['int']} PRIMARY KEY, {columns}, existing_id {types['bigint']})"
        )
        if self.target.turns_table:
            turn_columns = ", ".join(f"{c.name} {types[c.kind]}" for c in TURN_COLUMNS)
            self._execute(
                f"CREATE TEMP TABLE {self.bare_name}_turns "
                f"({turn_columns}, PRIMARY KEY (rn, position))"
            )

    def drop(self) -> None:
        self._execute(f"DROP TABLE IF EXISTS {self.stage}")
        self._execute(f"DROP TABLE IF EXISTS {self.turn_stage}")

    def load(self, records: list[list[Any]], turns: list[tuple[Any, ...]]) -> None:
        adapt = self.connection.ops.adapt_datetimefield_value
        for record in records:
            for index in self._time_indexes:
                record[index] = adapt(record[index])
        width = len(self.target.columns) + 1
        with self.connection.cursor() as cursor:
            if records:
                cursor.executemany(
                    f"INSERT INTO {self.stage} VALUES ({', '.join(['%s'] * width)}, NULL)", records
                )
            if turns:
                cursor.executemany(
                    f"INSERT INTO {self.turn_stage} VALUES (%s, %s, %s, %s, %s)",
                    [(*turn[:4], adapt(turn[4])) for turn in turns],
                )

    def finish_loading(self) -> None:
        """Hook for the database to learn what it holds before the queries."""

    # --- Checks -------------------------------------------------------------------

    def _duplicates_sql(self) -> str:
        key = ", ".join(self.target.key)
        join = " AND ".join(f"s.{k} = d.{k}" for k in self.target.key)
        return (
            f"SELECT s.rn, d.first_rn FROM {self.stage} s JOIN "
            f"(SELECT {key}, min(rn) AS first_rn FROM {self.stage} "
            f"GROUP BY {key} HAVING count(*) > 1) d ON {join} WHERE s.rn <> d.first_rn"
        )

    def duplicates(self, limit: int) -> tuple[int, list[tuple[int, int]]]:
        """How many rows repeat an earlier row's key, and the first `limit` of
        them as (row, first row with that key)."""
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rn, first_rn, count(*) OVER () FROM ({self._duplicates_sql()}) x "
                f"ORDER BY rn LIMIT %s",
                [max(limit, 1)],
            )
            rows = cursor.fetchall()
        count = rows[0][2] if rows else 0
        return count, [(rn, first) for rn, first, _count in rows[:limit]]

    def discard_duplicates(self) -> None:
        """Keep only the first row of each key (the --partial import)."""
        repeated = f"SELECT rn FROM ({self._duplicates_sql()}) x"
        if self.target.turns_table:
            self._execute(f"DELETE FROM {self.turn_stage} WHERE rn IN ({repeated})")
        self._execute(f"DELETE FROM {self.stage} WHERE rn IN ({repeated})")

    # --- Writing (inside the caller's transaction) --------------------------------

    def prepare_write(self) -> None:
        """Hook for settings that hold for the write transaction."""

    def finish_write(self) -> None:
        """Hook to undo what prepare_write set."""

    def find_existing(self) -> int:
        """Note the id of the stored row each staged row will update."""
        match = " AND ".join(f"t.{k} = s.{k}" for k in self.target.key)
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {self.stage} AS s SET existing_id = t.id "
                f"FROM {self.target.table} AS t WHERE {match}"
            )
            return max(cursor.rowcount, 0)

    def update_existing(self, now: datetime) -> int:
        """Update the stored rows whose values changed; returns how many.

        One statement for the whole file: the database joins the staging
        table with the real one once, where chunks would each join it again."""
        stamp = self.connection.ops.adapt_datetimefield_value(now)
        answers = self._answers_of_existing()
        if answers is not None:
            from kohtaamo.insights.aggregates import answer_days_subtract

            # An encounter may move to another staff member, team or
            # channel: its answers leave their old daily rows first.
            answer_days_subtract(responses=answers)
        with self.connection.cursor() as cursor:
            cursor.execute(self._update_sql(), [stamp])
            updated = max(cursor.rowcount, 0)
        if answers is not None:
            from kohtaamo.feedback.services import response_copies_refresh
            from kohtaamo.insights.aggregates import answer_days_add

            # The answers' copies of the encounter follow it, and then the
            # answers join their new daily rows.
            response_copies_refresh(responses=answers)
            answer_days_add(responses=answers)
        return updated

    def _answers_of_existing(self) -> QuerySet[Any] | None:
        """The survey answers to the encounters this file updates (None for
        files of other rows), for the daily answer aggregate."""
        from kohtaamo.encounters.models import Encounter
        from kohtaamo.feedback.models import Response

        if self.target.table != Encounter._meta.db_table:
            return None
        existing = RawSQL(  # noqa: S611 (our own staging table's name)
            f"SELECT existing_id FROM {self.stage} WHERE existing_id IS NOT NULL", []
        )
        return Response.objects.filter(invitation__encounter_id__in=existing)

    def insert_new(self, now: datetime) -> Iterator[tuple[int, float]]:
        """Insert the new rows, a chunk of the file at a time; yields (rows
        created, share of the file done) after each chunk."""
        stamp = self.connection.ops.adapt_datetimefield_value(now)
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT min(rn), max(rn) FROM {self.stage}")
            low, high = cursor.fetchone() or (None, None)
        if low is None or high is None:
            return
        span = high + 1 - low
        for start in range(low, high + 1, WRITE_CHUNK):
            end = min(start + WRITE_CHUNK, high + 1)
            with self.connection.cursor() as cursor:
                cursor.execute(self._insert_sql(), [stamp, stamp, start, end])
                created = max(cursor.rowcount, 0)
            yield created, (end - low) / span

    def write_turns(self) -> None:
        """A row that carries a transcript replaces the encounter's turns."""
        if not self.target.turns_table:
            return
        turns = self.target.turns_table
        match = " AND ".join(f"t.{k} = s.{k}" for k in self.target.key)
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {turns} WHERE encounter_id IN (SELECT s.existing_id "
                f"FROM {self.stage} s WHERE s.transcript_given AND s.existing_id IS NOT NULL)"
            )
            cursor.execute(
                f"INSERT INTO {turns} (encounter_id, position, speaker, text, spoken_at) "
                f"SELECT t.id, u.position, u.speaker, u.text, u.spoken_at "
                f"FROM {self.turn_stage} u JOIN {self.stage} s ON s.rn = u.rn "
                f"JOIN {self.target.table} t ON {match}"
            )

    def _same(self, left: str, right: str) -> str:
        if self.vendor == "postgresql":
            return f"{left} IS NOT DISTINCT FROM {right}"
        return f"{left} IS {right}"

    def _update_expressions(self) -> list[tuple[str, str]]:
        expressions = []
        for column in self.target.written:
            if column.key:
                continue
            if column.update:
                value = column.update
            elif column.optional:
                value = f"COALESCE(s.{column.name}, t.{column.name})"
            else:
                value = f"s.{column.name}"
            expressions.append((column.name, value))
        expressions += [(c.name, c.update) for c in self.target.computed]
        return expressions

    def _update_sql(self) -> str:
        expressions = self._update_expressions()
        assignments = ", ".join(f"{name} = {value}" for name, value in expressions)
        unchanged = " AND ".join(self._same(value, f"t.{name}") for name, value in expressions)
        # Rows whose values are all the same are left alone, so that importing
        # a file twice writes nothing the second time.
        return (
            f"UPDATE {self.target.table} AS t SET {assignments}, updated_at = %s "
            f"FROM {self.stage} AS s "
            f"WHERE t.id = s.existing_id AND NOT ({unchanged})"
        )

    def _insert_sql(self) -> str:
        names, values = [], []
        for column in self.target.written:
            names.append(column.name)
            if column.optional:
                values.append(f"COALESCE(s.{column.name}, {column.default_sql})")
            else:
                values.append(f"s.{column.name}")
        for computed in self.target.computed:
            names.append(computed.name)
            values.append(computed.insert)
        return (
            f"INSERT INTO {self.target.table} ({', '.join(names)}, created_at, updated_at) "
            f"SELECT {', '.join(values)}, %s, %s FROM {self.stage} AS s "
            f"WHERE s.rn >= %s AND s.rn < %s AND s.existing_id IS NULL"
        )

    def _execute(self, sql: str, params: list[Any] | None = None) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
