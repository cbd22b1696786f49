"""Writes of encounters and customers in bulk: the import rule that the command
line, the web upload (a background task) and the REST API all call."""

from __future__ import annotations

import contextlib
import os
import threading
import time
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from kohtaamo.encounters.importing.customer_lookup import CustomerLookup
from kohtaamo.encounters.importing.customer_rows import CUSTOMER_COLUMNS, CustomerRows
from kohtaamo.encounters.importing.encounter_rows import (
    ENCOUNTER_COLUMNS,
    EncounterLookups,
    EncounterRows,
)
from kohtaamo.encounters.importing.errors import ErrorCollector, ImportFileError, ImportResult
from kohtaamo.encounters.importing.formats import RawRow, open_rows
from kohtaamo.encounters.importing.runner import (
    Progress,
    ProgressCallback,
    direct_possible,
    run_direct_import,
    run_import,
)
from kohtaamo.encounters.importing.targets import customer_target, encounter_target
from kohtaamo.encounters.models import ImportJob, ImportKind, ImportStatus
from kohtaamo.org import access

ERROR_IMPORT_NOT_ALLOWED = _("You may not import this kind of data.")
ERROR_IMPORT_CRASHED = _("The import stopped because of an unexpected error. Nothing was written.")
ERROR_IMPORT_INTERRUPTED = _(
    "The import stopped before it was done: the background worker running it was "
    "interrupted. Nothing was written. Upload the file again."
)


def encounters_import(
    *,
    rows: Iterable[RawRow],
    source: str = "",
    forced_source: str = "",
    allowed_team_ids: frozenset[int] | None = None,
    dry_run: bool = False,
    partial: bool = False,
    direct: bool = False,
    progress: ProgressCallback | None = None,
) -> ImportResult:
    """Create or update encounters keyed by (source, external_id).

    `source` fills rows that name none; `forced_source` (a webhook's) must be
    the rows' source. `allowed_team_ids` limits the teams (None: every team).
    All or nothing unless `partial`; `dry_run` checks only. With `direct`, a
    big CSV file on PostgreSQL first tries the direct way
    (`run_direct_import`); its progress is not seen by another connection
    until the end, so only the command line asks for it. Messages are in the
    active language."""

    # Read once: the staged import after a refused direct way checks with the
    # same staff, teams and customers (up to 200,000 held in memory).
    lookups = EncounterLookups.load()
    customers = CustomerLookup()

    def checked_by(errors: ErrorCollector) -> EncounterRows:
        return EncounterRows(
            errors=errors,
            lookups=lookups,
            zone=timezone.get_default_timezone(),
            default_source=source.strip(),
            forced_source=forced_source,
            allowed_team_ids=allowed_team_ids,
            customers=customers,
        )

    refused: list[tuple[str, float]] = []
    if direct and direct_possible(rows, dry_run=dry_run):
        started = time.perf_counter()
        errors = ErrorCollector(settings.KOHTAAMO_IMPORT_ERROR_LIMIT)
        result = run_direct_import(
            rows=rows,
            checker=checked_by(errors),
            target=encounter_target(),
            errors=errors,
            partial=partial,
            progress=progress,
        )
        if result is not None:
            return result
        refused = [("direct_refused", time.perf_counter() - started)]
    errors = ErrorCollector(settings.KOHTAAMO_IMPORT_ERROR_LIMIT)
    result = run_import(
        rows=rows,
        checker=checked_by(errors),
        target=encounter_target(),
        name="encounters",
        errors=errors,
        dry_run=dry_run,
        partial=partial,
        progress=progress,
    )
    result.timings[:0] = refused
    return result


def customers_import(
    *,
    rows: Iterable[RawRow],
    dry_run: bool = False,
    partial: bool = False,
    progress: ProgressCallback | None = None,
) -> ImportResult:
    """Create or update customers keyed by external_id; an empty value keeps
    what is stored (a withdrawn consent is never switched back on)."""
    errors = ErrorCollector(settings.KOHTAAMO_IMPORT_ERROR_LIMIT)
    return run_import(
        rows=rows,
        checker=CustomerRows(errors=errors),
        target=customer_target(),
        name="customers",
        errors=errors,
        dry_run=dry_run,
        partial=partial,
        progress=progress,
    )


def file_import(
    *,
    kind: str,
    path: Path,
    source: str = "",
    allowed_team_ids: frozenset[int] | None = None,
    dry_run: bool = False,
    partial: bool = False,
    direct: bool = False,
    progress: ProgressCallback | None = None,
) -> ImportResult:
    """Import a .csv or .jsonl file of encounters or customers (`direct`: see
    encounters_import)."""
    try:
        columns = CUSTOMER_COLUMNS if kind == ImportKind.CUSTOMERS else ENCOUNTER_COLUMNS
        rows = open_rows(path, columns)
    except ImportFileError as exc:
        return ImportResult(file_error=exc.message, dry_run=dry_run, partial=partial)
    if kind == ImportKind.CUSTOMERS:
        return customers_import(rows=rows, dry_run=dry_run, partial=partial, progress=progress)
    return encounters_import(
        rows=rows,
        source=source,
        allowed_team_ids=allowed_team_ids,
        dry_run=dry_run,
        partial=partial,
        direct=direct,
        progress=progress,
    )


# --- The web upload ---------------------------------------------------------------


def import_job_create(
    *,
    user: Any,
    upload: UploadedFile,
    kind: str,
    source: str = "",
    partial: bool = False,
    dry_run: bool = False,
    language: str,
) -> ImportJob:
    """Keep the uploaded file under UPLOAD_DIR and queue its import."""
    suffix = Path(upload.name or "").suffix.lower()
    settings.UPLOAD_DIR.mkdir(parents=True, exist_ok=True)
    stored = settings.UPLOAD_DIR / f"import-{uuid.uuid4().hex}{suffix}"
    # Only the owner of the data folder reads what customers' data passes through.
    descriptor = os.open(stored, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    job = ImportJob.objects.create(
        kind=kind,
        source=source.strip(),
        original_name=(upload.name or "")[:255],
        stored_path=str(stored),
        file_size=stored.stat().st_size,
        partial=partial,
        dry_run=dry_run,
        language=language,
        created_by=user,
    )
    from kohtaamo.encounters.tasks import import_job_process

    transaction.on_commit(lambda: import_job_process.enqueue(job_id=job.pk))
    return job


class _JobProgress:
    """Writes a job's progress at most twice a second. During the write
    transaction nothing is recorded: it would not be seen before the commit."""

    def __init__(self, job: ImportJob) -> None:
        self.job = job
        self.last = 0.0
        self.writing = False

    def __call__(self, progress: Progress) -> None:
        jobs = ImportJob.objects.filter(pk=self.job.pk)
        if progress.phase == "writing":
            if not self.writing:
                self.writing = True
                jobs.update(status=ImportStatus.WRITING, rows_done=progress.rows_read)
            return
        now = time.monotonic()
        if now - self.last >= 0.5:
            self.last = now
            jobs.update(rows_done=progress.rows_read, bytes_done=progress.bytes_read or 0)


def import_job_run(*, job: ImportJob) -> ImportJob:
    """Run a queued web import as its uploader, in the uploader's language.

    While it runs, a thread touches the upload file every few seconds: the
    sign of life by which the web pages tell a running import from one whose
    worker died (`import_job_check`). The file, not the database, because
    during the write transaction SQLite lets no other connection write."""
    path = Path(job.stored_path)
    _touch(path)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING)
    stop = threading.Event()
    alive = threading.Thread(
        target=_keep_touching,
        args=(path, stop, max(0.2, settings.KOHTAAMO_IMPORT_STALE_SECONDS / 6)),
        daemon=True,
    )
    alive.start()
    with translation.override(job.language):
        try:
            if not access.can_import_kind(job.created_by, job.kind):
                result = ImportResult(file_error=str(ERROR_IMPORT_NOT_ALLOWED))
            else:
                result = file_import(
                    kind=job.kind,
                    path=path,
                    source=job.source,
                    allowed_team_ids=access.writable_team_ids(job.created_by),
                    dry_run=job.dry_run,
                    partial=job.partial,
                    progress=_JobProgress(job),
                )
        except Exception:
            _job_finish(job, status=ImportStatus.FAILED, message=str(ERROR_IMPORT_CRASHED))
            raise
        finally:
            stop.set()
            alive.join()
            # The upload holds customers' personal data; keep it no longer than needed.
            path.unlink(missing_ok=True)
        succeeded = result.written or (result.dry_run and result.ok)
        message = " ".join(part for part in (result.summary(), result.errors_note()) if part)
        _job_finish(
            job,
            status=ImportStatus.SUCCEEDED if succeeded else ImportStatus.FAILED,
            message=message,
            rows_done=result.rows_read,
            bytes_done=job.file_size,
            rows_written=result.created + result.updated,
            rows_created=result.created,
            rows_updated=result.updated,
            rows_rejected=result.rows_rejected,
            error_count=result.error_count,
            errors=[error.as_dict() for error in result.errors],
        )
    job.refresh_from_db()
    return job


def _keep_touching(path: Path, stop: threading.Event, every: float) -> None:
    while not stop.wait(every):
        _touch(path)


def _touch(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.utime(path)


# The states in which a job has a worker that gives signs of life.
_WORKING = (ImportStatus.RUNNING, ImportStatus.WRITING)


def import_job_check(*, job: ImportJob) -> ImportJob:
    """A job that is reading or writing but whose upload nobody has touched
    for KOHTAAMO_IMPORT_STALE_SECONDS lost its worker (killed, or its machine
    restarted): mark it failed, in its uploader's language, and remove the
    upload, which holds customers' personal data. Nothing was written, since
    an import writes in one transaction, which died with the worker."""
    if job.status not in _WORKING or not job.stored_path:
        return job
    path = Path(job.stored_path)
    try:
        quiet = time.time() - path.stat().st_mtime
    except OSError:
        return job  # the worker removed it: the job is finishing right now
    if quiet < settings.KOHTAAMO_IMPORT_STALE_SECONDS:
        return job
    with translation.override(job.language):
        message = str(ERROR_IMPORT_INTERRUPTED)
    stopped = ImportJob.objects.filter(pk=job.pk, status__in=_WORKING).update(
        status=ImportStatus.FAILED, message=message, finished_at=timezone.now()
    )
    if stopped:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
    job.refresh_from_db()
    return job


def _job_finish(job: ImportJob, *, status: str, message: str, **fields: Any) -> None:
    ImportJob.objects.filter(pk=job.pk).update(
        status=status, message=message, finished_at=timezone.now(), **fields
    )
