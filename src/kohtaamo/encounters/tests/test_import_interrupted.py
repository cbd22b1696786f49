"""A web import whose worker dies half-way is not left "reading" forever."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import translation

from kohtaamo.conftest import Cast
from kohtaamo.encounters.models import Encounter, ImportJob, ImportKind, ImportStatus
from kohtaamo.encounters.services import ERROR_IMPORT_INTERRUPTED
from kohtaamo.encounters.tasks import import_job_process
from kohtaamo.encounters.tests.import_support import encounter_row, write_csv
from kohtaamo.testing.clients import client_for
from kohtaamo.testing.subprocesses import kohtaamo_command, subprocess_env


def _job(user: Any, path: Path, status: str = ImportStatus.RUNNING) -> ImportJob:
    return ImportJob.objects.create(
        kind=ImportKind.ENCOUNTERS,
        original_name="kohtaamiset.csv",
        stored_path=str(path),
        file_size=path.stat().st_size if path.is_file() else 0,
        status=status,
        language="en",
        created_by=user,
    )


def _page(user: Any, job: ImportJob) -> str:
    url = reverse("encounters:import_status", args=[job.pk])
    return str(client_for(user).get(url, headers={"HX-Request": "true"}).content.decode())


@pytest.mark.django_db
def test_a_job_whose_upload_nobody_touches_any_more_is_marked_failed(
    cast: Cast, tmp_path: Path, settings: Any
) -> None:
    # Given a job that says it is reading, and an upload untouched for 10 minutes
    settings.KOHTAAMO_IMPORT_STALE_SECONDS = 120
    upload = write_csv(tmp_path / "import-x.csv", [encounter_row(external_id="A-1")])
    os.utime(upload, (time.time() - 600, time.time() - 600))
    job = _job(cast.manager, upload)
    # When its uploader looks at it
    html = _page(cast.manager, job)
    # Then it has failed with the reason, and the upload (personal data) is gone
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert job.finished_at is not None
    with translation.override("en"):
        assert job.message == str(ERROR_IMPORT_INTERRUPTED)
    assert "the background worker running it was interrupted" in html
    assert "hx-trigger" not in html  # the page stops polling
    assert not upload.exists()


@pytest.mark.django_db
def test_a_job_whose_worker_shows_signs_of_life_goes_on(
    cast: Cast, tmp_path: Path, settings: Any
) -> None:
    settings.KOHTAAMO_IMPORT_STALE_SECONDS = 120
    upload = write_csv(tmp_path / "import-y.csv", [encounter_row(external_id="A-1")])
    job = _job(cast.manager, upload, status=ImportStatus.WRITING)
    assert "hx-trigger" in _page(cast.manager, job)
    job.refresh_from_db()
    assert job.status == ImportStatus.WRITING
    assert upload.exists()


@pytest.mark.django_db
def test_a_queued_job_waits_for_a_worker_however_long(
    cast: Cast, tmp_path: Path, settings: Any
) -> None:
    settings.KOHTAAMO_IMPORT_STALE_SECONDS = 1
    upload = write_csv(tmp_path / "import-z.csv", [encounter_row(external_id="A-1")])
    os.utime(upload, (time.time() - 600, time.time() - 600))
    job = _job(cast.manager, upload, status=ImportStatus.QUEUED)
    client_for(cast.manager).get(reverse("encounters:import_upload"))
    job.refresh_from_db()
    assert job.status == ImportStatus.QUEUED


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_half_way_leaves_a_failed_job_and_nothing_written(
    cast: Cast, settings: Any
) -> None:
    # Given tasks in the database queue, a worker, and an upload that arrives
    # slowly (a named pipe that the test writes), so that the import is
    # caught reading
    stale = 2
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.KOHTAAMO_IMPORT_STALE_SECONDS = stale
    django_settings.UPLOAD_DIR.mkdir(parents=True, exist_ok=True)
    pipe = django_settings.UPLOAD_DIR / "import-pipe.csv"
    os.mkfifo(pipe, 0o600)
    first_rows = write_csv(
        django_settings.DATA_DIR / "rows.csv", [encounter_row(external_id="K-1")]
    ).read_bytes()
    job = _job(cast.manager, pipe)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.QUEUED)
    import_job_process.enqueue(job_id=job.pk)
    done_writing = threading.Event()

    def feed() -> None:
        with pipe.open("wb") as writer:  # blocks until the worker opens it
            writer.write(first_rows)
            writer.flush()
            done_writing.wait(60)

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    env = {**subprocess_env(tasks_in_database=True), "KOHTAAMO_IMPORT_STALE_SECONDS": str(stale)}
    worker = subprocess.Popen(
        kohtaamo_command("worker", "--interval", "0.2"),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        give_up = time.monotonic() + 60
        while time.monotonic() < give_up:
            job.refresh_from_db()
            if job.status == ImportStatus.RUNNING:
                break
            time.sleep(0.1)
        assert job.status == ImportStatus.RUNNING
        # When the worker has been reading for longer than the quiet limit,
        # its signs of life keep the job running
        time.sleep(stale + 1)
        assert "hx-trigger" in _page(cast.manager, job)
        job.refresh_from_db()
        assert job.status == ImportStatus.RUNNING
        # And then the worker is killed
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)
        time.sleep(stale + 1)
        html = _page(cast.manager, job)
    finally:
        done_writing.set()
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(timeout=30)
        feeder.join(timeout=5)
    # Then the job has failed with the reason, nothing was written, and the
    # upload is gone
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert "the background worker running it was interrupted" in html
    assert Encounter.objects.count() == 0
    assert not pipe.exists()
