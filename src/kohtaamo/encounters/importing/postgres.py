"""The PostgreSQL fast path: rows reach the staging table through COPY, and a
big import writes the real table the way PostgreSQL's manual advises for bulk
loads ("Populating a Database"): foreign keys checked once for the whole set
instead of row by row, and secondary indexes built once instead of updated
row by row.

COPY is the fastest way into PostgreSQL, and psycopg 3 streams it: the server
stores each batch's rows as they arrive while Python formats the next ones.
In the binary format, which halves the time of both sides (measured: 200,000
staged rows in 0.35 s of Python instead of 0.7 s).

A big CSV file imported from the command line first tries the direct way
(`DirectWrite`): its checked rows go by COPY straight into the real table,
while Python reads on, so that the server's work of storing them overlaps
Python's of reading and checking, instead of following it as the staging
table's INSERT does. That holds only for a file of new keys: a key already
stored or repeated in the file stops it (the unique key refuses the row),
as does a bad row in an all-or-nothing import. The transaction then rolls
back and the import runs again the staged way, which reports every repeat
and bad row as always (runner.run_direct_import).
"""

# The SQL below is put together from table, index and constraint names read
# from the schema; every value travels as a query parameter.
# ruff: noqa: S608

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db import transaction
from psycopg.copy import QueuedLibpqWriter

from kohtaamo.encounters.importing.staging import TURN_COLUMNS, TYPES, Staging, Target

# Memory for the joins and groupings over the staging table, for this import's
# transaction only: with the default 4 MB, a million rows spill to disk.
WORK_MEM = "64MB"
# Memory for building an index again (sorting its keys), for the same transaction.
MAINTENANCE_WORK_MEM = "128MB"
# From this many staged rows (or transcript turns) on, a table's foreign keys
# are checked once for the whole import, unless the table holds many times
# as many (KEYS_CHECKED_AT_END_UP_TO): dropped inside the write transaction
# and added again before it commits. Measured: per-row checks of a million
# encounters take 16 s, one set-based check of the same rows under a second.
BULK_ROWS = 50_000
# Both ways check a foreign key once at the end only while the table holds
# at most this many times the file's rows (or turns): that check reads every
# row stored before too, while kept, the key checks each new row as it comes.
# Measured with a file of 60,000 rows: into a million rows, 2.06-2.21 s in
# all checked at the end against 2.31-2.69 s row by row; into 2.06 million,
# 2.90-3.09 s against 2.49 s. The two costs meet at about twenty times the file.
# The staged way, the same file into two million rows, three runs each taken
# in turn: 2.30-2.64 s with the keys dropped, 1.67-2.49 s with them kept.
KEYS_CHECKED_AT_END_UP_TO = 20
# From this file size on, a CSV import from the command line tries the direct
# way: about BULK_ROWS rows of a helpdesk's export (150 bytes a row).
DIRECT_MIN_BYTES = 7_500_000


class PostgresStaging(Staging):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows_loaded = 0
        self.turns_loaded = 0
        self._bulk = False
        # What finish_write restores: (table, constraint name, definition), and
        # the statements that create the dropped indexes again.
        self._dropped_keys: list[tuple[str, str, str]] = []
        self._dropped_indexes: list[str] = []

    def load(self, records: list[list[Any]], turns: list[tuple[Any, ...]]) -> None:
        types = TYPES["postgresql"]
        names = ["rn", *(c.name for c in self.target.columns)]
        with self.connection.cursor() as cursor:
            if records:
                sql = f"COPY {self.stage} ({', '.join(names)}) FROM STDIN (FORMAT BINARY)"
                with cursor.copy(sql) as copy:
                    copy.set_types(["integer", *(types[c.kind] for c in self.target.columns)])
                    for record in records:
                        copy.write_row(record)
            if turns:
                turn_names = ", ".join(c.name for c in TURN_COLUMNS)
                sql = f"COPY {self.turn_stage} ({turn_names}) FROM STDIN (FORMAT BINARY)"
                with cursor.copy(sql) as copy:
                    copy.set_types([types[c.kind] for c in TURN_COLUMNS])
                    for turn in turns:
                        copy.write_row(turn)
        self.rows_loaded += len(records)
        self.turns_loaded += len(turns)

    def finish_loading(self) -> None:
        # A temporary table has no statistics until analysed; without them the
        # planner may join a million staged rows the slow way.
        self._execute(f"ANALYZE {self.stage}")
        if self.target.turns_table:
            self._execute(f"ANALYZE {self.turn_stage}")

    def duplicates(self, limit: int) -> tuple[int, list[tuple[int, int]]]:
        with transaction.atomic(using=self.connection.alias):
            self._execute(f"SET LOCAL work_mem = '{WORK_MEM}'")
            return super().duplicates(limit)

    def prepare_write(self) -> None:
        self._execute(f"SET LOCAL work_mem = '{WORK_MEM}'")
        self._execute(f"SET LOCAL maintenance_work_mem = '{MAINTENANCE_WORK_MEM}'")
        # Django declares foreign keys DEFERRABLE INITIALLY DEFERRED. Deferred,
        # the checks of a million rows queue up in memory until COMMIT; checked
        # at the end of each chunk's statement instead they cost the same time
        # but the queue stays small, and a violation names its chunk.
        self._execute("SET CONSTRAINTS ALL IMMEDIATE")
        self._dropped_keys, self._dropped_indexes = [], []
        self._bulk = self.rows_loaded >= BULK_ROWS
        # Dropping a foreign key locks its table ACCESS EXCLUSIVE until the
        # commit: a big import blocks reads and writes of encounters while it
        # writes (seconds per million rows), and writes (not reads) of the
        # people, teams and customers it refers to. Small imports, the web
        # forms, the API and a big file into a table of many times its rows
        # never take this path. Locked first so that no other transaction can
        # slip in between the statements.
        for table, loaded in (
            (self.target.table, self.rows_loaded),
            (self.target.turns_table, self.turns_loaded),
        ):
            if table and self._keys_checked_at_end(table, loaded):
                self._execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
                self._drop_foreign_keys(table)

    def find_existing(self) -> int:
        existing = super().find_existing()
        new = self.rows_loaded - existing
        if self._bulk and new >= BULK_ROWS and self._stored_rows_at_most(new):
            self._drop_secondary_indexes(self.target.table)
        return existing

    def finish_write(self) -> None:
        for definition in self._dropped_indexes:
            self._execute(definition)
        # Adding a foreign key checks every row with one query (a join) and
        # raises IntegrityError on the first row without a match: the
        # transaction then rolls back and the import reports a write conflict.
        for table, name, definition in self._dropped_keys:
            quoted = self.connection.ops.quote_name(name)
            self._execute(f"ALTER TABLE {table} ADD CONSTRAINT {quoted} {definition}")
        self._dropped_keys, self._dropped_indexes = [], []
        # Back to how Django's foreign keys (the schema's only deferrable
        # constraints) start, for a transaction the caller goes on with.
        self._execute("SET CONSTRAINTS ALL DEFERRED")

    def _drop_foreign_keys(self, table: str) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = %s::regclass AND contype = 'f' ORDER BY conname",
                [table],
            )
            keys = cursor.fetchall()
        for name, definition in keys:
            self._execute(
                f"ALTER TABLE {table} DROP CONSTRAINT {self.connection.ops.quote_name(name)}"
            )
            self._dropped_keys.append((table, name, definition))

    def _keys_checked_at_end(self, table: str, loaded: int) -> bool:
        """Whether the table's foreign keys are best checked once at the end
        of the write, for `loaded` staged rows: from BULK_ROWS rows on, while
        the table holds at most KEYS_CHECKED_AT_END_UP_TO times as many (that
        check reads every stored row too; kept, a key checks each new row)."""
        if loaded < BULK_ROWS:
            return False
        up_to = loaded * KEYS_CHECKED_AT_END_UP_TO
        return self._stored_rows(up_to=up_to, table=table) <= up_to

    def _stored_rows_at_most(self, new: int) -> bool:
        """Whether the table holds at most as many rows as the import adds:
        then building its indexes once afterwards costs less than updating
        them row by row (measured: 0.4-0.7 s per index and million rows
        built, 1.5-2.5 s updated)."""
        return self._stored_rows(up_to=new) <= new

    def _stored_rows(self, *, up_to: int, table: str | None = None) -> int:
        """The table's rows (the target's by default), counted no further
        than one beyond `up_to`."""
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {table or self.target.table} LIMIT %s) x",
                [up_to + 1],
            )
            row = cursor.fetchone()
        return int(row[0]) if row is not None else 0

    def _drop_secondary_indexes(self, table: str, leading: Sequence[str] | None = None) -> None:
        """Drop the indexes that only speed up reads (those whose first column
        is in `leading`, when given); the primary key and the unique ones
        stay, so every key is checked as rows arrive."""
        names = None if leading is None else list(leading)
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT n.nspname, c.relname, pg_get_indexdef(i.indexrelid) "
                "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] "
                "WHERE i.indrelid = %s::regclass AND NOT i.indisunique AND NOT i.indisprimary "
                "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) "
                "AND (%s::text[] IS NULL OR a.attname = ANY(%s::text[])) "
                "ORDER BY c.relname",
                [table, names, names],
            )
            indexes = cursor.fetchall()
        quote = self.connection.ops.quote_name
        for schema, name, definition in indexes:
            self._execute(f"DROP INDEX {quote(schema)}.{quote(name)}")
            self._dropped_indexes.append(definition)


class DirectRefused(Exception):
    """The rows cannot go straight into the table; nothing was written."""


class DirectWrite(PostgresStaging):
    """Checked rows of new keys by one COPY into the real table itself, inside
    the caller's transaction: its foreign keys dropped and checked once at
    the end, as the staged bulk path does, unless the table holds many times
    the file's rows (KEYS_CHECKED_AT_END_UP_TO). The unique keys stay, so a key
    already stored or repeated refuses the COPY when it ends. Of the
    secondary indexes, those the target names `built_at_end` are dropped and
    built once at the end, when the table holds no more rows than the file
    brings; the server keeps the others up to date while Python is busy
    reading. Which to drop is a balance of the two cores: the
    server's work during the COPY against the build that follows it, when
    Python has nothing left to do. Measured on a million encounters in
    time order, four runs each taken in turn: the index by customer
    dropped, 8.9-10.9 s in all (median 9.2 s); every index kept, 10.2-11.4 s
    (11.1 s); the indexes by team and by person dropped too, 9.9-11.8 s
    (10.7 s).

    The COPY stays open from the first batch to the last, and a thread of
    psycopg's sends the rows, so the server stores them while Python reads
    and checks the next ones: nothing else may use the connection meanwhile.
    Use as a context manager; `end()` ends the COPY."""

    def __init__(self, connection: Any, target: Target, now: datetime) -> None:
        super().__init__(connection, target, "direct")
        self.now = now
        self.begun = False
        positions = {column.name: index + 1 for index, column in enumerate(target.columns)}
        self._written = [(positions[c.name], c.default, c.optional) for c in target.written]
        self._computed = [(c.value, [positions[name] for name in c.uses]) for c in target.computed]
        self._keys = [(positions[c.name], c.kind) for c in target.columns if c.key]
        self._names = [
            *(c.name for c in target.written),
            *(c.name for c in target.computed),
            "created_at",
            "updated_at",
        ]
        types = TYPES["postgresql"]
        self._types = [
            *(types[c.kind] for c in target.written),
            *(types[c.kind] for c in target.computed),
            "timestamptz",
            "timestamptz",
        ]
        self._stack = contextlib.ExitStack()
        self._copy: Any = None

    def create(self) -> None:
        """Nothing to stage."""

    def drop(self) -> None:
        """Nothing staged."""

    def __enter__(self) -> DirectWrite:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        # An error ends the COPY unfinished (the server discards it).
        self._stack.__exit__(*exc_info)

    def begin(self, first: Sequence[Sequence[Any]], *, expected_rows: int) -> None:
        """Lock the table and open the COPY, unless a key of the first block
        of columns is stored already (a file imported again): then DirectRefused.
        `expected_rows` is about how many rows the whole file brings."""
        table = self.target.table
        # For the join that checks each foreign key at the end.
        self._execute(f"SET LOCAL work_mem = '{WORK_MEM}'")
        # See prepare_write: no other transaction may write the table or
        # slip in between the statements; readers wait for the commit.
        self._execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
        # As prepare_write: checks of what the caller's transaction wrote before
        # are made now, so that no pending check keeps a key from being dropped.
        self._execute("SET CONSTRAINTS ALL IMMEDIATE")
        if self._any_stored(first):
            raise DirectRefused
        self.begun = True
        self._dropped_keys, self._dropped_indexes = [], []
        stored = self._stored_rows(up_to=expected_rows * KEYS_CHECKED_AT_END_UP_TO)
        if stored <= expected_rows * KEYS_CHECKED_AT_END_UP_TO:
            self._drop_foreign_keys(table)
        # Built again at the end, an index covers the rows stored before too:
        # only worth it when the file brings at least as many (as find_existing
        # decides for the staged way).
        if self.target.built_at_end and stored <= expected_rows:
            # For building them again at the end (finish_write).
            self._execute(f"SET LOCAL maintenance_work_mem = '{MAINTENANCE_WORK_MEM}'")
            self._drop_secondary_indexes(table, leading=self.target.built_at_end)
        sql = f"COPY {table} ({', '.join(self._names)}) FROM STDIN (FORMAT BINARY)"
        cursor = self._stack.enter_context(self.connection.cursor())
        self._copy = self._stack.enter_context(
            cursor.copy(sql, writer=QueuedLibpqWriter(cursor.cursor))
        )
        self._copy.set_types(self._types)

    def _any_stored(self, block: Sequence[Sequence[Any]]) -> bool:
        types = TYPES["postgresql"]
        columns = ", ".join(name for name in self.target.key)
        arrays = ", ".join(f"%s::{types[kind]}[]" for _position, kind in self._keys)
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT EXISTS (SELECT 1 FROM {self.target.table} "
                f"WHERE ({columns}) IN (SELECT * FROM unnest({arrays})))",
                [list(block[position]) for position, _kind in self._keys],
            )
            row = cursor.fetchone()
        return bool(row and row[0])

    def load_columns(self, block: Sequence[Sequence[Any]]) -> None:
        """Send a block of checked rows, given a column at a time in the
        staging table's order (encounter_rows.EncounterRows.flush_columns)."""
        count = len(block[0])
        # A column at a time: the defaults of what the rows did not give, the
        # computed columns, and the time stamps.
        columns: list[Sequence[Any]] = []
        for index, default, optional in self._written:
            values: Sequence[Any] = block[index]
            if optional and default is not None and None in values:
                values = [default if value is None else value for value in values]
            columns.append(values)
        for value, uses in self._computed:
            columns.append(list(map(value, *(block[index] for index in uses))))
        stamps = [self.now] * count
        write = self._copy.write_row
        for row in zip(*columns, stamps, stamps, strict=True):
            write(row)
        self.rows_loaded += count

    def end(self) -> None:
        """End the COPY: the server's word on every row (IntegrityError for a
        key stored or repeated)."""
        self._stack.close()
