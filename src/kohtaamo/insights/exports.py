"""The NPS report as records, CSV and a text table: one shape for the
command line (`kohtaamo report nps`) and the REST API (`/reports/nps`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from kohtaamo.insights.selectors import ReportRow

NPS_KEYS = (
    "group",
    "period",
    "n",
    "promoters",
    "passives",
    "detractors",
    "nps",
    "ci_low",
    "ci_high",
    "few_answers",
)
DECIMALS = 2


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, DECIMALS)


def nps_records(rows: Iterable[ReportRow]) -> list[dict[str, Any]]:
    """One object per group and period with NPS answers; `period` is the ISO
    date of the period's first day."""
    records = []
    for row in rows:
        nps = row.figures.nps
        if nps.n == 0:
            continue
        records.append(
            {
                "group": row.group,
                "period": row.period.isoformat(),
                "n": nps.n,
                "promoters": nps.promoters,
                "passives": nps.passives,
                "detractors": nps.detractors,
                "nps": _rounded(nps.score),
                "ci_low": _rounded(nps.ci_low),
                "ci_high": _rounded(nps.ci_high),
                "few_answers": nps.few_answers,
            }
        )
    return records


def nps_csv(records: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=NPS_KEYS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({**record, "few_answers": "true" if record["few_answers"] else "false"})
    return out.getvalue()


def nps_table(records: list[dict[str, Any]], *, few_answers_note: str) -> str:
    """Aligned columns for a terminal; a few-answers row is marked with * and
    the note under the table says what that means."""
    header = [
        _("group"),
        _("period"),
        "n",
        _("promoters"),
        _("passives"),
        _("detractors"),
        "NPS",
        _("interval") + " 95%",
        "",
    ]
    lines = [
        [
            r["group"],
            r["period"],
            str(r["n"]),
            str(r["promoters"]),
            str(r["passives"]),
            str(r["detractors"]),
            _signed(r["nps"]),
            f"{_signed(r['ci_low'])} … {_signed(r['ci_high'])}",
            "*" if r["few_answers"] else "",
        ]
        for r in records
    ]
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header))]
    numeric = {2, 3, 4, 5, 6}

    def render(cells: list[str]) -> str:
        parts = [
            cell.rjust(width) if i in numeric else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    text = [render(header), *(render(line) for line in lines)]
    if any(r["few_answers"] for r in records):
        text.append("")
        text.append(few_answers_note)
    return "\n".join(text) + "\n"


def _signed(value: float) -> str:
    """+12.3, −0.4 or 0.0: one decimal with its sign, and no "-0.0" for a
    small negative number that rounds to zero."""
    text = f"{value:+.1f}"
    return "0.0" if text in ("+0.0", "-0.0") else text
