"""Settings for the test suite: SQLite by default, PostgreSQL when
KOHTAAMO_TEST_DATABASE_URL is set (e.g. postgres://postgres@127.0.0.1:5432/kohtaamo)."""

import os
import tempfile

os.environ.setdefault("KOHTAAMO_DATA_DIR", tempfile.mkdtemp(prefix="kohtaamo-test-"))
os.environ.setdefault("KOHTAAMO_SECRET_KEY", "test-only-not-secret-" + "x" * 40)
os.environ.setdefault("KOHTAAMO_HTTPS", "0")

import dj_database_url

from kohtaamo.settings import *  # noqa: F403
from kohtaamo.settings import DATA_DIR, DATABASES

_test_url = os.environ.get("KOHTAAMO_TEST_DATABASE_URL")
if _test_url:
    DATABASES["default"] = dj_database_url.parse(_test_url)
else:
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}
# A `kohtaamo` command that a test runs in a subprocess works on the test's
# SQLite database (see kohtaamo.testing.subprocesses).
if os.environ.get("KOHTAAMO_TEST_SQLITE_PATH"):
    DATABASES["default"]["NAME"] = os.environ["KOHTAAMO_TEST_SQLITE_PATH"]

# Hashing passwords with Argon2 in every fixture would dominate the run time.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]
if TASK_BACKEND != "rq":  # noqa: F405 - a test's worker subprocess may ask for RQ
    TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
if os.environ.get("KOHTAAMO_TEST_TASKS_IN_DATABASE"):
    # A real worker, run by a test in a subprocess, takes tasks from the database.
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
if os.environ.get("KOHTAAMO_TEST_SMTP_PORT"):
    # A command that a test runs in a subprocess mails the test's own SMTP
    # server on loopback (feedback/tests/smtp.py).
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": "127.0.0.1",
                "port": int(os.environ["KOHTAAMO_TEST_SMTP_PORT"]),
                "timeout": 5,
            },
        }
    }
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# WhiteNoise warns about a missing STATIC_ROOT; the tests serve from finders.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
