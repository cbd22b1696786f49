"""Several writes as one PostgreSQL statement (`core.statements`)."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from django.db import (
    IntegrityError,
    InterfaceError,
    OperationalError,
    connection,
    connections,
    transaction,
)

from kohtaamo.core.statements import (
    Write,
    insert,
    once_more_if_disconnected,
    prepared,
    run_together,
)
from kohtaamo.org.models import Team
from kohtaamo.testing.connections import kept_connection, server_closes

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="data-modifying WITH is PostgreSQL's"
)


def test_writes_go_together_and_return_their_keys(cast: Any) -> None:
    # Given an unsaved team, and a rename of another team
    team = Team(name="Chat", code="chat-2", unit=cast.hotel)
    rename = Write(
        "renamed", "UPDATE org_team SET name = %s WHERE id = %s", ["Puhelin", cast.team.pk]
    )
    # When both go as one statement
    returned = run_together([insert("made", team), rename])
    # Then the team is stored as save() would have stored it, and the rename done
    made = Team.objects.get(pk=returned["made"])
    assert (made.name, made.code, made.unit_id) == ("Chat", "chat-2", cast.hotel.pk)
    cast.team.refresh_from_db()
    assert cast.team.name == "Puhelin"


def test_one_refused_write_leaves_every_write_undone(cast: Any) -> None:
    # Given a rename, and a new team whose code is taken (a unique key)
    rename = Write(
        "renamed", "UPDATE org_team SET name = %s WHERE id = %s", ["Puhelin", cast.team.pk]
    )
    taken = Team(name="Toinen", code=cast.team.code, unit=cast.hotel)
    # When they go together, the database refuses
    with pytest.raises(IntegrityError), transaction.atomic():
        run_together([rename, insert("made", taken)])
    # Then the rename did not happen either
    cast.team.refresh_from_db()
    assert cast.team.name != "Puhelin"
    assert Team.objects.filter(code=cast.team.code).count() == 1


def _prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


def test_statements_inside_prepared_are_planned_once_and_the_connection_is_left_as_it_was(
    cast: Any,
) -> None:
    connection.ensure_connection()
    pg = connection.connection
    before = (pg.cursor_factory, pg.prepare_threshold)
    marker = "kohtaamo_prepared_test_marker"
    # When a query runs inside the block, and the block ends with an error
    with pytest.raises(RuntimeError), prepared():
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT name AS {marker} FROM org_team WHERE id = %s", [cast.team.pk])
            assert cursor.fetchone() == (cast.team.name,)
        raise RuntimeError
    # Then PostgreSQL holds it as a prepared statement, its value a parameter
    assert any(marker in s and "$1" in s for s in _prepared_statements())
    # And afterwards the connection binds values in Python and prepares nothing, as Django set it up
    assert (pg.cursor_factory, pg.prepare_threshold) == before
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT code AS {marker}_after FROM org_team WHERE id = %s", [cast.team.pk])
    assert not any(f"{marker}_after" in s for s in _prepared_statements())


def test_prepared_statements_can_be_switched_off(cast: Any, settings: Any) -> None:
    # Given a connection pooler that cannot carry prepared statements
    settings.KOHTAAMO_DB_PREPARED_STATEMENTS = False
    marker = "kohtaamo_unprepared_test_marker"
    with prepared(), connection.cursor() as cursor:
        cursor.execute(f"SELECT name AS {marker} FROM org_team WHERE id = %s", [cast.team.pk])
    assert not any(marker in s for s in _prepared_statements())


def _backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return int(cursor.fetchone()[0])


@pytest.mark.django_db(transaction=True)
def test_a_kept_connection_the_server_closed_is_replaced_and_the_work_runs_once_more() -> None:
    runs: list[int] = []

    def work() -> int:
        runs.append(1)
        return _backend_pid()

    with kept_connection():
        # Given the server ended the process of the connection this request reuses
        closed = server_closes()
        # When work that may run twice runs, unchecked
        pid = once_more_if_disconnected(work)
    # Then it failed once and ran again on a new connection
    assert len(runs) == 2
    assert pid != closed
    assert _backend_pid() == pid


@pytest.mark.django_db(transaction=True)
def test_a_working_connection_is_not_checked_first_and_its_errors_are_not_repeated() -> None:
    runs: list[int] = []

    def deadlock() -> None:
        runs.append(1)
        raise OperationalError("deadlock detected")

    with kept_connection(), mock.patch.object(type(connections["default"]), "is_usable") as usable:
        usable.return_value = True
        # A working connection: the work runs once, with no check before it
        assert once_more_if_disconnected(_backend_pid) == _backend_pid()
        usable.assert_not_called()
        # An error while the connection still answers is the work's own: raised, not repeated
        with kept_connection(), pytest.raises(OperationalError):
            once_more_if_disconnected(deadlock)
    assert len(runs) == 1


def test_inside_a_transaction_the_work_runs_once_as_it_is(cast: Any) -> None:
    # (Every test runs in one; so do the full path's writes.) A closed
    # connection inside a transaction cannot be replaced: the error is raised.
    runs: list[int] = []

    def work() -> int:
        runs.append(1)
        return _backend_pid()

    with kept_connection():
        server_closes()
        with pytest.raises((OperationalError, InterfaceError)):
            once_more_if_disconnected(work)
    assert len(runs) == 1
