"""The production task queue: the same web import through Redis and an RQ worker."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
import redis

# Imported before any test switches TASKS: django.tasks' decorator builds the
# task with the class of the backend configured at import time, and the
# django-tasks-rq backend's class would not be accepted by the other backends.
import kohtaamo.encounters.tasks  # noqa: F401
from kohtaamo.conftest import Cast
from kohtaamo.encounters.models import Encounter, ImportJob, ImportStatus
from kohtaamo.encounters.tests.import_support import encounter_row
from kohtaamo.encounters.tests.test_import_web import csv_upload, upload
from kohtaamo.testing.subprocesses import kohtaamo_command, subprocess_env

# A database number of its own, so the test never touches other Redis data.
REDIS_URL = "redis://127.0.0.1:6379/13"


@pytest.fixture
def empty_redis() -> Any:
    connection = redis.Redis.from_url(REDIS_URL)
    try:
        connection.ping()
    except redis.ConnectionError:
        pytest.fail("Redis is not running on 127.0.0.1:6379 (see README: tests need it)")
    connection.flushdb()
    yield connection
    connection.flushdb()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_the_web_import_runs_through_redis_and_an_rq_worker(
    cast: Cast, tmp_path: Path, settings: Any, empty_redis: Any
) -> None:
    # Given the RQ backend, as a larger installation would set it
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    rows = [encounter_row(external_id=f"RQ-{n}") for n in range(12)]

    # When a manager uploads a file, the task waits in Redis
    upload(cast.manager, csv_upload(tmp_path, rows))
    job = ImportJob.objects.get()
    assert job.status == ImportStatus.QUEUED
    assert empty_redis.llen("rq:queue:default") == 1

    # And `kohtaamo worker --batch` with KOHTAAMO_TASK_BACKEND=rq empties the queue
    env = {**subprocess_env(), "KOHTAAMO_TASK_BACKEND": "rq", "KOHTAAMO_REDIS_URL": REDIS_URL}
    done = subprocess.run(
        kohtaamo_command("worker", "--batch"), env=env, capture_output=True, text=True, timeout=120
    )

    # Then the rows are in the database and the job says so
    assert done.returncode == 0, done.stderr
    job.refresh_from_db()
    assert (job.status, job.rows_created) == (ImportStatus.SUCCEEDED, 12)
    assert Encounter.objects.filter(external_id__startswith="RQ-").count() == 12
    assert empty_redis.llen("rq:queue:default") == 0
