"""Driving an import: read and check rows in batches, stage them, look for
duplicates, then write everything in one transaction, or nothing.

Why one transaction rather than committed batches: an import killed with
kill -9 half-way (or failing on its last row) then leaves the database exactly
as it was, so running it again ends with every row present exactly once, and
"all or nothing" holds even when the process dies. The cost is that other
writers of the same rows wait for the commit; readers never wait, except for
a big import on PostgreSQL, which locks the table while it writes (postgres.py).

Memory stays flat: rows are read one at a time, at most one batch of checked
records waits in Python, duplicates are found by the database in the staging
table, and the error list keeps only the first KOHTAAMO_IMPORT_ERROR_LIMIT.
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeGuard, runtime_checkable

import psycopg
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.utils import timezone

from kohtaamo.encounters.importing import messages
from kohtaamo.encounters.importing.errors import (
    ErrorCollector,
    ImportFileError,
    ImportResult,
    RowError,
)
from kohtaamo.encounters.importing.formats import CellBatch, CsvRows, RawRow
from kohtaamo.encounters.importing.staging import Staging, Target

# Rows checked in Python before they go to the staging table together.
READ_BATCH = 5_000
# Transcript turns waiting in Python at most (a row may carry hundreds).
TURN_BATCH = 20_000


@dataclass(frozen=True)
class Progress:
    phase: str  # "reading", then "writing"
    rows_read: int
    bytes_read: int | None
    rows_to_write: int = 0
    rows_written: int = 0


ProgressCallback = Callable[[Progress], None]


class RowChecker(Protocol):
    rows_rejected: int

    @property
    def pending_turns(self) -> int: ...

    def check(self, raw: RawRow) -> None: ...

    def flush(self) -> tuple[list[list[Any]], list[tuple[Any, ...]]]: ...


@runtime_checkable
class CellChecker(RowChecker, Protocol):
    """A checker that also takes a CSV file's rows a batch at a time."""

    def check_cells(self, batch: CellBatch) -> None: ...


class DirectChecker(CellChecker, Protocol):
    @property
    def reads_database(self) -> bool: ...

    def keep_columns(self) -> None: ...

    def flush_columns(self) -> list[list[Sequence[Any]]]: ...


def direct_possible(rows: Iterable[RawRow], *, dry_run: bool) -> TypeGuard[CsvRows]:
    """Whether an import may try the direct way first (postgres.DirectWrite):
    a big CSV file (which carries no transcripts) into PostgreSQL."""
    if dry_run or connection.vendor != "postgresql" or not isinstance(rows, CsvRows):
        return False
    from kohtaamo.encounters.importing import postgres

    return rows.size >= postgres.DIRECT_MIN_BYTES


def staging_for(target: Target, name: str) -> Staging:
    if connection.vendor == "postgresql":
        from kohtaamo.encounters.importing.postgres import PostgresStaging

        return PostgresStaging(connection, target, name)
    return Staging(connection, target, name)


def run_import(
    *,
    rows: Iterable[RawRow],
    checker: RowChecker,
    target: Target,
    name: str,
    errors: ErrorCollector,
    dry_run: bool,
    partial: bool,
    progress: ProgressCallback | None = None,
) -> ImportResult:
    result = ImportResult(dry_run=dry_run, partial=partial)
    staging = staging_for(target, name)
    report = progress or (lambda _progress: None)
    timed = _Timer(result.timings)
    try:
        with timed("read"):
            staging.create()
            result.rows_read = _read(rows, checker, lambda: staging.load(*checker.flush()), report)
        with timed("duplicates"):
            staging.finish_loading()
            duplicates = _report_duplicates(staging, errors, key_column=target.key[-1])
        result.rows_rejected = checker.rows_rejected + duplicates
        if not dry_run and (partial or errors.count == 0):
            if duplicates:
                staging.discard_duplicates()
            result.created, result.updated = _write(
                staging, report, result.rows_read, result.rows_valid, timed
            )
            result.written = True
    except ImportFileError as exc:
        result.file_error = exc.message
    except IntegrityError:
        # The checks above passed, so the database refused because another
        # transaction wrote the same keys (or removed a team) meanwhile.
        result.file_error = str(messages.ERROR_WRITE_CONFLICT)
    finally:
        _drop_quietly(staging)
    result.errors = errors.kept
    result.error_count = errors.count
    return result


def run_direct_import(
    *,
    rows: CsvRows,
    checker: DirectChecker,
    target: Target,
    errors: ErrorCollector,
    partial: bool,
    progress: ProgressCallback | None = None,
) -> ImportResult | None:
    """The rows checked and written straight into the table as they are read,
    in one transaction (postgres.DirectWrite). None when they cannot go that
    way: a key already stored or repeated in the file, or a bad row in an
    all-or-nothing import. Nothing is then written, and the caller runs the
    staged import (`run_import`), which reports every such row."""
    from kohtaamo.encounters.importing.postgres import DirectRefused, DirectWrite

    result = ImportResult(partial=partial)
    report = progress or (lambda _progress: None)
    timed = _Timer(result.timings)
    writer = DirectWrite(connection, target, timezone.now())

    def hand_over() -> None:
        if errors.count and not partial:
            raise DirectRefused
        for block in checker.flush_columns():
            if not writer.begun:
                # The file's rows, estimated from the share of it read so far.
                read = max(rows.bytes_read, 1)
                writer.begin(block, expected_rows=len(block[0]) * max(rows.size, read) // read)
            writer.load_columns(block)

    if checker.reads_database:
        return None  # it would query while the COPY holds the connection
    checker.keep_columns()
    try:
        with transaction.atomic(), writer:
            with timed("direct"):
                result.rows_read = _read(rows, checker, hand_over, report)
                if errors.count and not partial:
                    raise DirectRefused
                writer.end()
            report(Progress("writing", result.rows_read, None, writer.rows_loaded, 0))
            with timed("finish"):
                if writer.begun:
                    writer.finish_write()
            done = writer.rows_loaded
            report(Progress("writing", result.rows_read, None, done, done))
    except (DirectRefused, ImportFileError, DatabaseError, psycopg.Error):
        # psycopg's own errors too: COPY is psycopg's, not wrapped by Django.
        # A file the reader gives up on is the staged import's to report.
        if connection.in_atomic_block:
            # Inside a caller's transaction, back to Django's constraint mode.
            with contextlib.suppress(DatabaseError), connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        return None
    result.rows_rejected = checker.rows_rejected
    result.created = writer.rows_loaded
    result.written = True
    result.errors = errors.kept
    result.error_count = errors.count
    return result


def _read(
    rows: Iterable[RawRow],
    checker: RowChecker,
    hand_over: Callable[[], None],
    report: ProgressCallback,
) -> int:
    with _old_objects_frozen():
        if isinstance(rows, CsvRows) and isinstance(checker, CellChecker):
            return _read_batches(rows, checker, hand_over, report)
        return _read_rows(rows, checker, hand_over, report)


@contextlib.contextmanager
def _old_objects_frozen() -> Iterator[None]:
    """Keep what lived before the import (Django, the lookups of staff, teams
    and customers) out of the garbage collector's full passes while it reads.
    A million rows make millions of short-lived lists, which set off a dozen
    full passes; each walked every object of the process, a second and a half
    in all on a million rows (measured). Afterwards they are collectable again."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _read_rows(
    rows: Iterable[RawRow],
    checker: RowChecker,
    hand_over: Callable[[], None],
    report: ProgressCallback,
) -> int:
    count = waiting = 0
    for raw in rows:
        checker.check(raw)
        count += 1
        waiting += 1
        if waiting >= READ_BATCH or checker.pending_turns >= TURN_BATCH:
            hand_over()
            waiting = 0
            report(Progress("reading", count, getattr(rows, "bytes_read", None)))
    hand_over()
    report(Progress("reading", count, getattr(rows, "bytes_read", None)))
    return count


def _report_duplicates(staging: Staging, errors: ErrorCollector, *, key_column: str) -> int:
    count, first = staging.duplicates(errors.limit)
    if count:
        found = [
            RowError(
                rn,
                key_column,
                str(messages.ERROR_DUPLICATE_ID) % {"row": first_rn},
                "duplicate_id",
            )
            for rn, first_rn in first
        ]
        errors.extend_sorted(found, count)
    return count


def _read_batches(
    rows: CsvRows,
    checker: CellChecker,
    hand_over: Callable[[], None],
    report: ProgressCallback,
) -> int:
    """`_read` of a CSV file a batch of rows at a time (formats.CellBatch)."""
    count = waiting = 0
    for item in rows.batches(READ_BATCH):
        if isinstance(item, CellBatch):
            checker.check_cells(item)
            count += len(item.numbers)
            waiting += len(item.numbers)
        else:
            checker.check(item)
            count += 1
            waiting += 1
        if waiting >= READ_BATCH:
            hand_over()
            waiting = 0
            report(Progress("reading", count, rows.bytes_read))
    hand_over()
    report(Progress("reading", count, rows.bytes_read))
    return count


class _Timer:
    """Adds (phase, seconds) to a list for each block it times (`--timings`)."""

    def __init__(self, timings: list[tuple[str, float]]) -> None:
        self.timings = timings

    @contextlib.contextmanager
    def __call__(self, phase: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings.append((phase, time.perf_counter() - started))


def _write(
    staging: Staging,
    report: ProgressCallback,
    rows_read: int,
    rows_to_write: int,
    timed: _Timer,
) -> tuple[int, int]:
    created = 0
    now = timezone.now()
    report(Progress("writing", rows_read, None, rows_to_write, 0))
    with transaction.atomic():
        with timed("existing"):
            staging.prepare_write()
            existing = staging.find_existing()
        with timed("update"):
            updated = staging.update_existing(now)
        done = existing
        report(Progress("writing", rows_read, None, rows_to_write, done))
        with timed("insert"):
            for new, share in staging.insert_new(now):
                created += new
                done = existing + round(share * (rows_to_write - existing))
                report(Progress("writing", rows_read, None, rows_to_write, done))
        with timed("finish"):
            staging.write_turns()
            staging.finish_write()
    return created, updated


def _drop_quietly(staging: Staging) -> None:
    # Fails only inside a transaction the caller opened and that already
    # failed; the temporary tables then go with its rollback (or connection).
    with contextlib.suppress(DatabaseError):
        staging.drop()
