"""Running `kohtaamo` commands from a test, in a subprocess that works on the
test's own database (use with `django_db(transaction=True)`, so that what the
test writes is committed and what the command writes is seen)."""

from __future__ import annotations

import os
import sys
from urllib.parse import quote

from django.conf import settings
from django.db import connection


def kohtaamo_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "kohtaamo.cli", *args]


def subprocess_env(*, tasks_in_database: bool = False) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kohtaamo.test_settings",
        "KOHTAAMO_DATA_DIR": str(settings.DATA_DIR),
        "PYTHONUNBUFFERED": "1",
    }
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        env.pop("KOHTAAMO_TEST_DATABASE_URL", None)
        env["KOHTAAMO_TEST_SQLITE_PATH"] = str(db["NAME"])
    else:
        credentials = quote(db["USER"] or "")
        if db.get("PASSWORD"):
            credentials += ":" + quote(db["PASSWORD"])
        host = db["HOST"] or "127.0.0.1"
        port = db["PORT"] or 5432
        env["KOHTAAMO_TEST_DATABASE_URL"] = f"postgres://{credentials}@{host}:{port}/{db['NAME']}"
    if tasks_in_database:
        env["KOHTAAMO_TEST_TASKS_IN_DATABASE"] = "1"
    return env
