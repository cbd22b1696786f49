"""Rows and files for the import tests, named after the cast in conftest.py."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from kohtaamo.encounters.importing.customer_rows import CUSTOMER_COLUMNS
from kohtaamo.encounters.importing.encounter_rows import ENCOUNTER_COLUMNS
from kohtaamo.encounters.importing.formats import RawRow


def encounter_row(**values: Any) -> dict[str, Any]:
    """A good row: Aino's phone call at the Helsinki front desk."""
    row: dict[str, Any] = {
        "source": "zendesk",
        "external_id": "Z-1001",
        "channel": "phone",
        "started_at": "2025-03-14T09:30:00+02:00",
        "ended_at": "2025-03-14T09:41:00+02:00",
        "staff_email": "aino@example.fi",
        "team": "hki-vastaanotto",
        "customer_external_id": "",
        "topic": "Laskun eräpäivä",
        "outcome": "Ratkaistu puhelimessa",
    }
    row.update(values)
    return row


def customer_row(**values: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "external_id": "CRM-2001",
        "name": "Ritva Rantanen",
        "email": "ritva.rantanen@example.com",
        "phone": "+358 40 123 4567",
        "language": "fi",
        "consent_surveys": "true",
        "consent_contact": "false",
    }
    row.update(values)
    return row


def as_csv_rows(rows: list[dict[str, Any]]) -> list[RawRow]:
    """Rows as the CSV reader yields them: the first data row is row 2."""
    return [(number, row, None) for number, row in enumerate(rows, start=2)]


def write_csv(
    path: Path,
    rows: list[dict[str, Any]],
    *,
    columns: tuple[str, ...] = ENCOUNTER_COLUMNS.in_csv,
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> Path:
    with path.open("w", newline="", encoding=encoding) as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_customers_csv(path: Path, rows: list[dict[str, Any]]) -> Path:
    return write_csv(path, rows, columns=CUSTOMER_COLUMNS.in_csv)


def write_jsonl(path: Path, rows: list[Any]) -> Path:
    lines = [row if isinstance(row, str) else json.dumps(row, ensure_ascii=False) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def many_encounter_rows(count: int, *, prefix: str = "BULK") -> list[dict[str, Any]]:
    return [
        encounter_row(external_id=f"{prefix}-{n:06d}", topic=f"Aihe {n % 17}") for n in range(count)
    ]
