"""What each kind of import writes: the real table, its key, and how every
staged column becomes a stored one."""

from __future__ import annotations

from typing import Any

from django.db import models

from kohtaamo.encounters.importing.staging import Column, Computed, Target
from kohtaamo.encounters.models import Customer, Encounter, TranscriptTurn


def _default(model: type[models.Model], name: str) -> str | bool:
    """The model field's default, so that a new row made by the import gets
    the same default as one made through the ORM."""
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)
    value: Any = field.default
    return value if isinstance(value, bool) else str(value)


def encounter_target() -> Target:
    return Target(
        table=Encounter._meta.db_table,
        columns=(
            Column("source", "text", key=True),
            Column("external_id", "text", key=True),
            Column("channel", "text"),
            Column("started_at", "time"),
            Column(
                "ended_at",
                "time",
                default=None,
                # An end time kept from before must not end up before a new start.
                update="CASE WHEN s.ended_at IS NULL AND t.ended_at < s.started_at THEN NULL "
                "ELSE COALESCE(s.ended_at, t.ended_at) END",
            ),
            Column("staff_id", "int"),
            Column("team_id", "bigint"),
            Column("customer_id", "bigint", default=None),
            Column("topic", "text", default=""),
            Column("outcome", "text", default=""),
            Column("transcript_given", "bool", written=False),
            Column("turn_count", "int", written=False),
        ),
        computed=(
            Computed(
                "has_transcript",
                insert="s.turn_count > 0",
                update="CASE WHEN s.transcript_given THEN s.turn_count > 0 "
                "ELSE t.has_transcript END",
                value=lambda turn_count: turn_count > 0,
                uses=("turn_count",),
            ),
        ),
        turns_table=TranscriptTurn._meta.db_table,
        # A file comes in time order, so the index by time grows at its end
        # alone; the others take each row somewhere in the middle, the one by
        # customer anywhere at all. Measured on a million rows: kept up to
        # date, the index by time cost the server 0.7 s and each of the
        # others 2.3-2.4 s; built at the end, the one by customer 0.4 s and
        # those by team or person 0.75 s each, which Python, done reading by
        # then, would wait for (DirectWrite).
        built_at_end=("customer_id",),
    )


def customer_target() -> Target:
    return Target(
        table=Customer._meta.db_table,
        columns=(
            Column("external_id", "text", key=True),
            Column("name", "text", default=""),
            Column("email", "text", default=""),
            Column("phone", "text", default=""),
            Column("language", "text", default=_default(Customer, "language")),
            Column("consent_surveys", "bool", default=_default(Customer, "consent_surveys")),
            Column("consent_contact", "bool", default=_default(Customer, "consent_contact")),
        ),
    )
