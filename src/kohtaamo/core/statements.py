"""Several writes sent to PostgreSQL as one statement.

A request that writes a few rows pays a round trip to the database for each
statement, and two more for BEGIN and COMMIT. Under load on a small machine
each round trip is a wait for the database process to be scheduled, so the
survey answer (a response, its invitation marked answered, two daily
aggregate rows, and for an unhappy answer its follow-up) spent most of its
time waiting (benchmarks/survey_intake.py). PostgreSQL runs data-modifying
statements in a WITH clause together as one statement: all of them or none,
in one round trip, with every constraint checked as usual.

`Write` is one such statement: an INSERT built from an unsaved model
instance (`insert`), or any INSERT, UPDATE or DELETE text with its
parameters. `run_together` names them and sends them as one statement; it
returns the RETURNING values of those that have them. Other databases
(SQLite) have no data-modifying WITH; the callers keep their portable path
for them.
"""

# Only table and column names of the models and the callers' own SQL go
# into the text; every value travels as a parameter.
# ruff: noqa: S608

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.db.models import Model


@dataclass(frozen=True)
class Write:
    name: str
    sql: str
    params: Sequence[Any]
    returning: str | None = None


def insert(
    name: str,
    instance: Model,
    *,
    expressions: Mapping[str, str] | None = None,
    returning: str | None = "id",
    source: str | None = None,
) -> Write:
    """The INSERT of an unsaved instance, as `Model.save` would write it:
    every concrete field but an automatic primary key, with its default
    applied and its value prepared for the database. `expressions` gives SQL
    for columns whose value another write of the same statement makes, e.g.
    `{"response_id": "(SELECT id FROM answer)"}`. With `source` (a FROM
    clause over other writes, e.g. "answer") the row is inserted once for
    each row of the source, none if it is empty, and the expressions may
    name its columns (`{"response_id": "answer.id"}`). No `save()` override
    and no signal runs: for models that have none (Response, FollowUp)."""
    if type(instance).save is not Model.save:
        raise TypeError(f"{type(instance).__name__} has its own save(), which insert() would skip")
    expressions = expressions or {}
    quote = connection.ops.quote_name
    meta = instance._meta
    columns, values, params = [], [], []
    for field in meta.local_concrete_fields:
        if field.primary_key and getattr(instance, field.attname) is None:
            continue
        column = str(field.column)
        columns.append(quote(column))
        if column in expressions:
            values.append(expressions[column])
            continue
        values.append("%s")
        params.append(field.get_db_prep_save(field.pre_save(instance, True), connection))
    rows = (
        f"SELECT {', '.join(values)} FROM {source}" if source else f"VALUES ({', '.join(values)})"
    )
    sql = f"INSERT INTO {quote(meta.db_table)} ({', '.join(columns)}) {rows}"
    if returning:
        sql += f" RETURNING {quote(returning)}"
    return Write(name, sql, params, returning)


def together(writes: Sequence[Write]) -> str:
    """The text of the one statement that `run_together` sends: the writes by
    name in a WITH clause, then the RETURNING value of each that has one, in
    order. Its parameters are the writes' in order. For a caller that sends
    the same writes often, with other values, and so keeps the text."""
    selected = ", ".join(f"(SELECT {w.returning} FROM {w.name})" for w in writes if w.returning)
    return (
        "WITH "
        + ", ".join(f"{w.name} AS ({w.sql})" for w in writes)
        + f" SELECT {selected or 'NULL'}"
    )


def run_together(writes: Sequence[Write]) -> dict[str, Any]:
    """Send the writes as one PostgreSQL statement; the RETURNING value of
    each write that has one, by name. Raises what the database raises (e.g.
    IntegrityError), and then none of the writes happened."""
    assert connection.vendor == "postgresql", "data-modifying WITH is PostgreSQL's"
    returned = [w.name for w in writes if w.returning]
    params = [p for w in writes for p in w.params]
    with connection.cursor() as cursor:
        cursor.execute(together(writes), params)
        row = cursor.fetchone()
    return dict(zip(returned, row or (), strict=False))


@contextmanager
def prepared() -> Iterator[None]:
    """Inside this block, PostgreSQL plans each statement of this connection
    once and then runs it from that plan (a prepared statement), instead of
    parsing and planning it again on every request.

    For the few statements a hot path sends thousands of times an hour with
    other values, such as the survey answer's lookup and its one write.
    Planning the lookup's five-table join took PostgreSQL 0.3-0.5 ms and
    running it 0.05 ms. The statements go with their values apart
    (server-side binding) and are prepared on first use. Outside the block
    the connection works as Django sets it up: values bound in Python, nothing
    prepared, which is what a transaction-mode connection pooler needs. A
    pooler that cannot carry prepared statements is served by
    KOHTAAMO_DB_PREPARED_STATEMENTS=0. On SQLite the block does nothing."""
    if connection.vendor != "postgresql" or not settings.KOHTAAMO_DB_PREPARED_STATEMENTS:
        yield
        return
    from django.db.backends.postgresql.base import ServerBindingCursor

    # As Django does before a request's first query: a kept connection that
    # the server closed meanwhile is replaced (unless `once_more_if_disconnected`
    # answers for that), and the new one changed below.
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    pg = connection.connection
    factory, threshold = pg.cursor_factory, pg.prepare_threshold
    pg.cursor_factory, pg.prepare_threshold = ServerBindingCursor, 0
    try:
        yield
    finally:
        pg.cursor_factory, pg.prepare_threshold = factory, threshold


def once_more_if_disconnected[T](run: Callable[[], T]) -> T:
    """Run `run` without Django's health check of a kept connection; if the
    connection turns out to be broken, run it once more on a new one.

    With CONN_HEALTH_CHECKS, Django sends `SELECT 1` before the first query of
    every request that reuses a connection, so that one the server closed
    meanwhile (a restart, an idle timeout) is replaced instead of failing the
    request. That is a round trip per request: for the survey link's answer,
    a seventh of its time in one process (0.10 of 0.69 ms of CPU).

    Here the request's own work finds out instead. If it fails with a
    connection error (OperationalError or InterfaceError) and the connection
    no longer answers, the connection is closed and `run` runs again, once, on
    a new one. `run` must be safe to run twice: its reads, and writes that a
    unique key makes happen once (a survey answer: the second run finds the
    link answered), because a connection may break after a commit but before
    its reply. An error of the connection that still answers (a deadlock, a
    timeout) is raised as it is, and so is every other error. Inside a
    transaction, on a new connection, and without health checks (settings,
    SQLite) `run` simply runs once."""
    # (Django's own attributes, which django-stubs does not know.)
    wrapper: Any = connection
    if (
        wrapper.connection is None
        or wrapper.in_atomic_block
        or not wrapper.health_check_enabled
        or wrapper.health_check_done
    ):
        return run()
    wrapper.health_check_done = True
    try:
        return run()
    except (OperationalError, InterfaceError):
        if connection.is_usable():
            raise
    connection.close()
    return run()
