"""`kohtaamo report nps`: the NPS report on the terminal, as JSON or as CSV.

The command line is the operator's: like an administrator it reports on every
answer. Messages follow the terminal's language (LANGUAGE/LANG).
"""

from __future__ import annotations

import json
import sys
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from kohtaamo.encounters.importing.cli import terminal_language
from kohtaamo.feedback.models import Response
from kohtaamo.insights.exports import nps_csv, nps_records, nps_table
from kohtaamo.insights.models import AnswerDay, AnswerTeamDay
from kohtaamo.insights.params import report_params_check
from kohtaamo.insights.selectors import few_answers_threshold, report_rows

FORMATS = ("table", "json", "csv")
FEW_ANSWERS_NOTE = _(
    "* Fewer than %(n)s answers: the figure is uncertain; read it with its interval."
)
NO_ANSWERS = _("No answers in this period.")


def run_report_command(
    *,
    by: str,
    period: str,
    date_from: date | None,
    date_to: date | None,
    output_format: str,
    language: str | None = None,
) -> int:
    with translation.override(terminal_language()):
        try:
            params = report_params_check(by=by, period=period, date_from=date_from, date_to=date_to)
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                for message in messages:
                    sys.stderr.write(f"--{name}: {message}\n")
            return 1
        rows = report_rows(
            responses=Response.objects.all(),
            answer_days=AnswerDay.objects.all(),
            team_days=AnswerTeamDay.objects.all(),
            by=params.by,
            period=params.period,
            date_from=params.date_from,
            date_to=params.date_to,
            language=language,
        )
        records = nps_records(rows)
        if output_format == "json":
            sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
        elif output_format == "csv":
            sys.stdout.write(nps_csv(records))
        elif records:
            note = str(FEW_ANSWERS_NOTE) % {"n": few_answers_threshold()}
            sys.stdout.write(nps_table(records, few_answers_note=note))
        else:
            sys.stdout.write(str(NO_ANSWERS) + "\n")
    return 0
