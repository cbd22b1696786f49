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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection
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
) -> Write:
    """The INSERT of an unsaved instance, as `Model.save` would write it:
    every concrete field but an automatic primary key, with its default
    applied and its value prepared for the database. `expressions` gives SQL
    for columns whose value another write of the same statement makes, e.g.
    `{"response_id": "(SELECT id FROM answer)"}`. No `save()` override and
    no signal runs: for models that have none (Response, FollowUp)."""
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
    sql = f"INSERT INTO {quote(meta.db_table)} ({', '.join(columns)}) VALUES ({', '.join(values)})"
    if returning:
        sql += f" RETURNING {quote(returning)}"
    return Write(name, sql, params, returning)


def run_together(writes: Sequence[Write]) -> dict[str, Any]:
    """Send the writes as one PostgreSQL statement; the RETURNING value of
    each write that has one, by name. Raises what the database raises (e.g.
    IntegrityError), and then none of the writes happened."""
    assert connection.vendor == "postgresql", "data-modifying WITH is PostgreSQL's"
    returned = [w.name for w in writes if w.returning]
    selected = ", ".join(f"(SELECT {w.returning} FROM {w.name})" for w in writes if w.returning)
    sql = (
        "WITH "
        + ", ".join(f"{w.name} AS ({w.sql})" for w in writes)
        + f" SELECT {selected or 'NULL'}"
    )
    params = [p for w in writes for p in w.params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return dict(zip(returned, row or (), strict=False))
