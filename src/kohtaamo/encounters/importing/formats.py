"""Reading import files row by row: CSV (UTF-8, with or without a BOM, comma
or semicolon) and JSON Lines, chosen by the file's extension.

A reader holds at most one batch of rows and the file's read buffer, so
memory stays flat however big the file is. It yields `RawRow` tuples:
(row number, values by column, problems the format itself found or None);
a CSV reader also gives its rows a batch at a time (`CsvRows.batches`).
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TypeVar

from django.utils.functional import Promise

from kohtaamo.encounters.importing import messages
from kohtaamo.encounters.importing.errors import ImportFileError

UTF8_BOM = b"\xef\xbb\xbf"
SUFFIXES = (".csv", ".jsonl")


@dataclass(frozen=True)
class Problem:
    """Something wrong with a row before its values are even looked at."""

    column: str
    template: Promise | str
    code: str


RawRow = tuple[int, dict[str, Any], list[Problem] | None]
T = TypeVar("T")
# Rows of a CSV file held at a time when they are read one by one.
ROWS_AT_A_TIME = 100


@dataclass(frozen=True)
class CellBatch:
    """Consecutive rows of a CSV file that each have a cell for every column
    of the header, as lists of cells: checked a column at a time, a million
    rows need no dict each (encounter_rows.EncounterRows.check_cells)."""

    header: tuple[str, ...]
    numbers: list[int]
    cells: list[list[str]]

    def raw_rows(self) -> Iterator[RawRow]:
        header = self.header
        for number, cells in zip(self.numbers, self.cells, strict=True):
            yield number, dict(zip(header, cells, strict=True)), None


@dataclass(frozen=True)
class Columns:
    """The columns of one kind of import: `in_csv` in the order the README
    lists them, `required` among them, and what only JSON can carry."""

    in_csv: tuple[str, ...]
    required: tuple[str, ...]
    json_only: tuple[str, ...] = ()

    @property
    def in_json(self) -> frozenset[str]:
        return frozenset(self.in_csv + self.json_only)


class RowReader:
    """Iterate over the rows of a file; `bytes_read` and `size` tell progress."""

    def __init__(self, path: Path, columns: Columns) -> None:
        self.path = path
        self.columns = columns
        self.bytes_read = 0
        try:
            self.size = path.stat().st_size
        except OSError as exc:
            raise ImportFileError(messages.ERROR_FILE_MISSING, path=str(path)) from exc

    def __iter__(self) -> Iterator[RawRow]:
        yield from self._opened(self._rows)

    def _opened(self, produce: Callable[[IO[bytes]], Iterator[T]]) -> Iterator[T]:
        try:
            with self.path.open("rb") as raw:
                yield from produce(raw)
        except OSError as exc:
            raise ImportFileError(messages.ERROR_FILE_MISSING, path=str(self.path)) from exc
        except UnicodeDecodeError as exc:
            raise ImportFileError(messages.ERROR_NOT_UTF8, line=_first_bad_line(self.path)) from exc
        self.bytes_read = self.size

    def _rows(self, raw: IO[bytes]) -> Iterator[RawRow]:
        raise NotImplementedError


def open_rows(path: Path, columns: Columns) -> RowReader:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return CsvRows(path, columns)
    if suffix == ".jsonl":
        return JsonLinesRows(path, columns)
    raise ImportFileError(messages.ERROR_UNKNOWN_FORMAT)


def _first_bad_line(path: Path) -> int:
    """The line of the first byte that is not UTF-8, for the error message."""
    with path.open("rb") as raw:
        for number, line in enumerate(raw, start=1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                return number
    return 1


class CsvRows(RowReader):
    """CSV as spreadsheets write it. Row numbers are the spreadsheet's: the
    header is row 1, so the first data row is row 2."""

    def batches(self, size: int) -> Iterator[CellBatch | RawRow]:
        """The rows in order: runs of up to `size` rows as CellBatch, and each
        row that is not a row of the header's width on its own, with its problem."""
        yield from self._opened(lambda raw: self._items(raw, size))

    def _rows(self, raw: IO[bytes]) -> Iterator[RawRow]:
        for item in self._items(raw, ROWS_AT_A_TIME):
            if isinstance(item, CellBatch):
                yield from item.raw_rows()
            else:
                yield item

    def _items(self, raw: IO[bytes], size: int) -> Iterator[CellBatch | RawRow]:
        # utf-8-sig drops a BOM when there is one (Excel's "CSV UTF-8").
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline="")
        first_line = text.readline()
        if not first_line.strip():
            raise ImportFileError(messages.ERROR_EMPTY_FILE)
        # A spreadsheet in a Finnish or Swedish locale separates with ";".
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        header = tuple(
            name.strip().lower() for name in next(csv.reader([first_line], delimiter=delimiter))
        )
        self._check_header(list(header))
        width = len(header)
        reader = csv.reader(text, delimiter=delimiter)
        number = 2  # of the next row: the header is row 1
        while chunk := list(itertools.islice(reader, size)):
            numbers = range(number, number + len(chunk))
            number += len(chunk)
            self.bytes_read = raw.tell()
            if set(map(len, chunk)) == {width} and all(map(any, chunk)):
                yield CellBatch(header, list(numbers), chunk)
                continue
            # Not all rows of the header's width, or some blank: one by one.
            good_numbers: list[int] = []
            good: list[list[str]] = []
            for row_number, cells in zip(numbers, chunk, strict=True):
                if len(cells) != width:
                    if any(cell.strip() for cell in cells):
                        if good:
                            yield CellBatch(header, good_numbers, good)
                            good_numbers, good = [], []
                        yield row_number, {}, [_cell_count_problem(len(cells), width)]
                    # else an empty line, or a row of empty cells
                elif any(cells):
                    good_numbers.append(row_number)
                    good.append(cells)
            if good:
                yield CellBatch(header, good_numbers, good)

    def _check_header(self, header: list[str]) -> None:
        seen: set[str] = set()
        repeated: set[str] = set()
        for name in header:
            (repeated if name in seen else seen).add(name)
        if repeated:
            raise ImportFileError(
                messages.ERROR_DUPLICATE_COLUMNS, columns=", ".join(sorted(repeated))
            )
        missing = [name for name in self.columns.required if name not in seen]
        if missing:
            raise ImportFileError(messages.ERROR_MISSING_COLUMNS, columns=", ".join(missing))
        unknown = [name for name in header if name not in self.columns.in_csv]
        if unknown:
            raise ImportFileError(
                messages.ERROR_UNKNOWN_COLUMNS,
                columns=", ".join(unknown),
                known=", ".join(self.columns.in_csv),
            )


def _cell_count_problem(found: int, expected: int) -> Problem:
    # Formatted now, in the active language: the message needs the numbers.
    text = str(messages.ERROR_CELL_COUNT) % {"found": found, "expected": expected}
    return Problem("", text, "cell_count")


class JsonLinesRows(RowReader):
    """One JSON object per line; the row number is the line number."""

    def _rows(self, raw: IO[bytes]) -> Iterator[RawRow]:
        known = self.columns.in_json
        for number, line in enumerate(raw, start=1):
            if number == 1 and line.startswith(UTF8_BOM):
                line = line[len(UTF8_BOM) :]
            text = line.decode("utf-8").strip()
            self.bytes_read = raw.tell()
            if not text:
                continue
            try:
                values = json.loads(text)
            except (ValueError, RecursionError):
                yield number, {}, [Problem("", messages.ERROR_BAD_JSON, "bad_json")]
                continue
            if not isinstance(values, dict):
                yield number, {}, [Problem("", messages.ERROR_NOT_OBJECT, "not_object")]
                continue
            unknown = [key for key in values if key not in known]
            if unknown:
                problems = [
                    Problem(key, messages.ERROR_UNKNOWN_FIELD, "unknown_field") for key in unknown
                ]
                yield number, values, problems
            else:
                yield number, values, None
