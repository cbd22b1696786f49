"""Reads of the feedback loop."""

# The invitation lookup's SQL holds only the models' own table and column
# names; the values travel apart.
# ruff: noqa: S608

from __future__ import annotations

import functools
from typing import Any

from django.db import connection
from django.db.models import F, ForeignKey, Model, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from kohtaamo.encounters.models import Encounter
from kohtaamo.feedback.models import (
    FollowUp,
    FollowUpStatus,
    Invitation,
    InvitationStatus,
    Response,
    Survey,
)
from kohtaamo.feedback.services import token_hash
from kohtaamo.org import access
from kohtaamo.org.models import Team, Unit


def invitation_by_token(*, token: str) -> Invitation | None:
    """The invitation of a survey link, or None for a link that is unknown or
    expired before it was answered: the two must look the same to a visitor.

    Its survey, encounter, team and unit come with it (`_InvitationJoin`)."""
    hashed = link_token_hash(token)
    if hashed is None:
        return None
    invitation = _invitation_join().fetch(hashed)
    if invitation is None:
        return None
    if invitation.status != InvitationStatus.ANSWERED and invitation.is_expired:
        return None
    return invitation


def link_token_hash(token: str) -> str | None:
    """The stored hash of a survey link's token, or None for one that cannot
    be a token (none or too long) and so needs no lookup."""
    if not token or len(token) > 100:
        return None
    return token_hash(token)


# The first e-mail's link and the reminder's link both lead to the invitation.
TOKEN_HASH_FIELDS = ("token_hash", "reminder_token_hash")


def link_match_sql(alias: str) -> str:
    """SQL saying that the invitation under `alias` is the one of a link:
    one parameter for each of TOKEN_HASH_FIELDS, each the link's hash
    (`link_match_params`)."""
    quote = connection.ops.quote_name
    columns = [
        str(Invitation._meta.get_field(n).column)  # type: ignore[union-attr]
        for n in TOKEN_HASH_FIELDS
    ]
    return "(" + " OR ".join(f"{alias}.{quote(c)} = %s" for c in columns) + ")"


def link_match_params(hashed: str) -> list[str]:
    return [hashed] * len(TOKEN_HASH_FIELDS)


def _foreign_key(model: type[Model], name: str) -> ForeignKey[Any, Any]:
    field = model._meta.get_field(name)
    assert isinstance(field, ForeignKey)
    return field


class _InvitationJoin:
    """The survey page's lookup: an invitation by either of its links' hashes,
    with its survey, encounter, team and unit, as `select_related` would give
    them, from SQL made once per process.

    Every survey answer and page view starts here. Through the ORM the same
    five-table select took 0.76 ms a link, most of it Django compiling the
    query again each time; this takes 0.11 ms (benchmarks/survey_intake.py).
    The column lists come from the models, and each value goes through the
    database converters the ORM would apply, so the instances are the ORM's
    own (tested against it in test_invitations)."""

    # (table alias, model, the instance it hangs on and by which field)
    JOINS: tuple[tuple[str, type[Model], str | None, str | None], ...] = (
        ("i", Invitation, None, None),
        ("s", Survey, "i", "survey"),
        ("e", Encounter, "i", "encounter"),
        ("t", Team, "e", "team"),
        ("u", Unit, "t", "unit"),
    )

    def __init__(self) -> None:
        quote = connection.ops.quote_name
        models = {alias: model for alias, model, _, _ in self.JOINS}
        columns: list[str] = []
        joins = []
        # Per table: its alias and model, its fields' names, the columns that
        # have converters (on PostgreSQL: none but a few), its slice of the
        # row, and the instance it hangs on by which foreign key.
        self.slices: list[
            tuple[str, type[Model], list[str], list[Any], slice, str | None, Any]
        ] = []
        for alias, model, parent, name in self.JOINS:
            fields = list(model._meta.concrete_fields)
            start = len(columns)
            columns += [f"{alias}.{quote(str(f.column))}" for f in fields]
            converters = []
            for i, f in enumerate(fields):
                col = f.get_col(alias)
                found = connection.ops.get_db_converters(col) + f.get_db_converters(connection)
                if found:
                    converters.append((i, found, col))
            fk = None
            if parent is not None and name is not None:
                fk = _foreign_key(models[parent], name)
                joins.append(
                    f"JOIN {quote(model._meta.db_table)} {alias} "
                    f"ON {alias}.{quote(str(model._meta.pk.column))} = {parent}.{quote(fk.column)}"
                )
            attnames = [f.attname for f in fields]
            self.slices.append(
                (alias, model, attnames, converters, slice(start, len(columns)), parent, fk)
            )
        self.sql = (
            f"SELECT {', '.join(columns)} FROM {quote(Invitation._meta.db_table)} i "
            + " ".join(joins)
            + f" WHERE {link_match_sql('i')} LIMIT 1"
        )

    def fetch(self, hashed: str) -> Invitation | None:
        with connection.cursor() as cursor:
            cursor.execute(self.sql, link_match_params(hashed))
            row = cursor.fetchone()
        if row is None:
            return None
        made: dict[str, Model] = {}
        for alias, model, attnames, converters, columns, parent, fk in self.slices:
            values = list(row[columns])
            for i, found, col in converters:
                for convert in found:
                    values[i] = convert(values[i], col, connection)
            instance = model.from_db(connection.alias, attnames, values)
            made[alias] = instance
            if parent is not None:
                fk.set_cached_value(made[parent], instance)
        return made["i"]  # type: ignore[return-value]


@functools.cache
def _invitation_join_for(vendor: str) -> _InvitationJoin:
    return _InvitationJoin()


def _invitation_join() -> _InvitationJoin:
    return _invitation_join_for(connection.vendor)


def followup_list(*, user: Any, status: str = FollowUpStatus.OPEN) -> QuerySet[FollowUp]:
    """The follow-ups a person may see: open ones by due time, so that the
    overdue lead; closed ones the latest first."""
    order = ("due_at", "pk") if status == FollowUpStatus.OPEN else ("-closed_at", "-pk")
    return (
        access.visible_followups(user)
        .filter(status=status)
        .select_related("response", "encounter", "team__unit", "assignee")
        .order_by(*order)
    )


def encounter_response(*, user: Any, encounter: Encounter) -> Response | None:
    """The customer's answer to this encounter's survey, if the person may see it."""
    return (
        access.visible_responses(user)
        .filter(invitation__encounter=encounter)
        .select_related("followup")
        .order_by("-answered_at")
        .first()
    )


def responses_with_stale_copies() -> QuerySet[Response]:
    """The answers whose copies differ from their encounter or local day."""
    return Response.objects.exclude(
        team_id=F("invitation__encounter__team_id"),
        staff_id=F("invitation__encounter__staff_id"),
        channel=F("invitation__encounter__channel"),
        answered_on=TruncDate("answered_at", tzinfo=timezone.get_current_timezone()),
    )
