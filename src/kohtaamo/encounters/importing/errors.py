"""Errors and results of an import."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.formats import number_format
from django.utils.functional import Promise

from kohtaamo.encounters.importing import messages


class ImportFileError(Exception):
    """The file as a whole cannot be imported (encoding, columns, type)."""

    def __init__(self, message: Promise | str, **params: Any) -> None:
        self.template = message
        self.params = params
        super().__init__(str(message))

    @property
    def message(self) -> str:
        """The message in the active language."""
        return str(self.template) % self.params if self.params else str(self.template)


@dataclass(frozen=True)
class RowError:
    """One problem in one row. `row` is what a person finds in the file: the
    spreadsheet row for CSV (the header is row 1), the line for JSON Lines, the
    list index for the API. `path` goes below the column, e.g. (2, "speaker")
    for the third turn of a transcript."""

    row: int
    column: str
    message: str
    code: str
    path: tuple[str | int, ...] = ()

    @property
    def column_label(self) -> str:
        return ".".join(str(part) for part in (self.column, *self.path) if part != "")

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column_label, "message": self.message}


class ErrorCollector:
    """Counts every error but keeps only the first `limit`, translated in the
    active language, so that a file of a million bad rows stays small."""

    def __init__(self, limit: int) -> None:
        self.limit = max(limit, 0)
        self.kept: list[RowError] = []
        self.count = 0

    def add(
        self,
        row: int,
        column: str,
        template: Promise | str,
        code: str,
        path: tuple[str | int, ...] = (),
        **params: Any,
    ) -> None:
        self.count += 1
        if len(self.kept) < self.limit:
            text = str(template) % params if params else str(template)
            self.kept.append(RowError(row, column, text, code, path))

    def extend_sorted(self, errors: list[RowError], count: int) -> None:
        """Merge errors found later (in the database) and keep the first by row."""
        self.count += count
        merged = sorted([*self.kept, *errors], key=lambda e: e.row)
        self.kept = merged[: self.limit]


@dataclass
class ImportResult:
    rows_read: int = 0
    rows_rejected: int = 0
    created: int = 0
    updated: int = 0
    error_count: int = 0
    errors: list[RowError] = field(default_factory=list)
    file_error: str = ""
    written: bool = False
    dry_run: bool = False
    partial: bool = False
    # Seconds per phase (keys of messages.TIMING_PHASES), in the order run.
    timings: list[tuple[str, float]] = field(default_factory=list)

    @property
    def rows_valid(self) -> int:
        return self.rows_read - self.rows_rejected

    @property
    def unchanged(self) -> int:
        return self.rows_valid - self.created - self.updated if self.written else 0

    @property
    def ok(self) -> bool:
        """True when nothing was wrong with any row or with the file."""
        return not self.file_error and self.error_count == 0

    def summary(self) -> str:
        """One or two sentences in the active language."""
        if self.file_error:
            return self.file_error
        counts = {
            "rows": self.rows_read,
            "valid": self.rows_valid,
            "rejected": self.rows_rejected,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }
        # In thousands as the language groups them: "1 000 000", "1,000,000".
        numbers: dict[str, Any] = {
            key: number_format(n, force_grouping=True) for key, n in counts.items()
        }
        numbers |= {f"n_{key}": n for key, n in counts.items()}
        if self.dry_run:
            return str(messages.SUMMARY_DRY_RUN % numbers)
        if not self.written:
            return str(messages.SUMMARY_REFUSED % numbers)
        text = str(messages.SUMMARY_WRITTEN % numbers)
        if self.rows_rejected:
            text += " " + str(messages.SUMMARY_REJECTED % numbers)
        return text

    def errors_note(self) -> str:
        """Says so when only some of the errors are listed."""
        if self.error_count <= len(self.errors):
            return ""
        return str(messages.SUMMARY_MORE_ERRORS) % {
            "shown": len(self.errors),
            "count": self.error_count,
        }
