"""A kept database connection that the server has closed, for tests on PostgreSQL.

A web process keeps its connection between requests (CONN_MAX_AGE) and, with
CONN_HEALTH_CHECKS, Django checks it before a request's first query. The
test database has neither, so `kept_connection` sets the connection up as a
web process would have it at the start of a request, and `server_closes`
ends its server process, as a restart of PostgreSQL or an idle timeout would.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from django.db import connection


@contextmanager
def kept_connection() -> Iterator[None]:
    """The connection open, health checks on and this request's not yet done."""
    wrapper: Any = connection  # Django's attributes, which django-stubs does not know
    connection.ensure_connection()
    before = (wrapper.health_check_enabled, wrapper.health_check_done)
    wrapper.health_check_enabled, wrapper.health_check_done = True, False
    try:
        yield
    finally:
        wrapper.health_check_enabled, wrapper.health_check_done = before


def server_closes() -> int:
    """End the server process of Django's connection; returns its pid."""
    pid = int(connection.connection.info.backend_pid)
    settings = connection.settings_dict
    with psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"] or None,
        password=settings["PASSWORD"] or None,
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        autocommit=True,
    ) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
        give_up = time.monotonic() + 10
        while other.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid]).fetchone():
            assert time.monotonic() < give_up, "the server process did not end"
            time.sleep(0.01)
    return pid
