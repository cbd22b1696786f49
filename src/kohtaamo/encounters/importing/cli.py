"""`kohtaamo import encounters|customers FILE`: a progress bar on the terminal,
the summary on stdout, the errors on stderr.

Exit status: 0 when every row was imported (or, with --dry-run, is valid);
1 when nothing was written because of errors; 2 when --partial wrote the good
rows and left out bad ones.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.formats import number_format

from kohtaamo.encounters.importing import messages
from kohtaamo.encounters.importing.errors import ImportResult
from kohtaamo.encounters.importing.runner import Progress


def run_import_command(
    *,
    kind: str,
    path: Path,
    source: str | None,
    dry_run: bool,
    partial: bool,
    progress: bool,
    timings: bool = False,
) -> int:
    from kohtaamo.encounters.services import file_import

    with translation.override(terminal_language()):
        bar = TerminalProgress(path) if progress else None
        try:
            result = file_import(
                kind=kind,
                path=path,
                source=source or "",
                dry_run=dry_run,
                partial=partial,
                # Its progress is the terminal's, not another connection's.
                direct=True,
                progress=bar,
            )
        finally:
            if bar is not None:
                bar.close()
        print_result(result)
        if timings:
            print_timings(result)
    return exit_status(result)


def run_file_import(service: Callable[..., ImportResult], **options: Any) -> int:
    """Run an import service that reads a whole file (answers, invitations) in
    the terminal's language, print what it did, and return the exit status."""
    with translation.override(terminal_language()):
        result = service(**options)
        print_result(result)
    return exit_status(result)


def exit_status(result: ImportResult) -> int:
    """0 done, 1 nothing written, 2 --partial left rows out."""
    if result.file_error or (not result.written and result.error_count):
        return 1
    if result.error_count:
        return 2
    return 0


def terminal_language() -> str:
    """The person's language from the locale variables, if Kohtaamo speaks it."""
    codes = {code for code, _name in settings.LANGUAGES}
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for value in os.environ.get(variable, "").split(":"):
            if value[:2].lower() in codes:
                return value[:2].lower()
    return settings.LANGUAGE_CODE


def print_result(result: ImportResult) -> None:
    """The errors on stderr, one a line, and the summary on stdout."""
    for error in result.errors:
        if error.column_label:
            line = str(messages.ERROR_LINE) % {
                "row": error.row,
                "column": error.column_label,
                "message": error.message,
            }
        else:
            line = str(messages.ERROR_LINE_ROW) % {"row": error.row, "message": error.message}
        sys.stderr.write(line + "\n")
    note = result.errors_note()
    if note:
        sys.stderr.write(note + "\n")
    (sys.stderr if result.file_error else sys.stdout).write(result.summary() + "\n")


def print_timings(result: ImportResult) -> None:
    """Where the import spent its time, a phase a line, on stderr."""
    sys.stderr.write(str(messages.TIMINGS_HEADING) + "\n")
    for phase, seconds in result.timings:
        line = str(messages.TIMING_LINE) % {
            "phase": messages.TIMING_PHASES[phase],
            "seconds": number_format(seconds, 2),
        }
        sys.stderr.write("  " + line + "\n")


class TerminalProgress:
    """tqdm bars with rows per second: one while reading (its total estimated
    from the bytes read so far), one while writing."""

    def __init__(self, path: Path) -> None:
        try:
            self.size = path.stat().st_size
        except OSError:
            self.size = 0
        self.bar: Any = None
        self.phase = ""

    def __call__(self, progress: Progress) -> None:
        from tqdm import tqdm

        # A new phase, or the file read again from the start (the direct
        # way refused, postgres.DirectWrite): a new bar.
        restarted = self.bar is not None and progress.rows_read < self.bar.n
        if progress.phase != self.phase or (progress.phase == "reading" and restarted):
            self.close()
            self.phase = progress.phase
            label = (
                messages.PHASE_READING if progress.phase == "reading" else messages.PHASE_WRITING
            )
            total = progress.rows_to_write if progress.phase == "writing" else None
            self.bar = tqdm(
                desc=str(label), unit=f" {messages.PROGRESS_UNIT}", total=total, file=sys.stderr
            )
        if progress.phase == "reading":
            if progress.bytes_read and self.size:
                estimate = progress.rows_read * self.size // progress.bytes_read
                self.bar.total = max(estimate, progress.rows_read)
            self.bar.update(progress.rows_read - self.bar.n)
        else:
            self.bar.update(progress.rows_written - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
