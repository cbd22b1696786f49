"""`kohtaamo import invitations FILE`: invite the customers of the encounters a
file lists, under the rules of the periodic tick and the API (consent, an
e-mail address, fatigue, one invitation per encounter) and with their
messages. The e-mails go out with the next `feedback_tick`, like every other
invitation due for e-mail.

Like the other imports it is all or nothing by default (`--partial` keeps the
good rows, `--dry-run` only checks), and it reports each bad row with its
number, column and message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kohtaamo.encounters.importing import messages
from kohtaamo.encounters.importing.errors import ErrorCollector, ImportFileError, ImportResult
from kohtaamo.encounters.importing.formats import Columns, RawRow, open_rows
from kohtaamo.encounters.importing.validation import (
    INVALID,
    Problems,
    add,
    add_format_problems,
    report,
    text,
)
from kohtaamo.encounters.models import Encounter, Language
from kohtaamo.feedback.invitation_requests import survey_for_team
from kohtaamo.feedback.services import invitation_create

INVITATION_COLUMNS = Columns(
    in_csv=("encounter_source", "encounter_external_id", "survey", "language"),
    required=("encounter_source", "encounter_external_id"),
)
ERROR_UNKNOWN_ENCOUNTER = _("No encounter has this source and id; import the encounters first.")
ERROR_BAD_SURVEY_ID = _("Give the survey as its number.")
LANGUAGES = frozenset(Language.values)
LOOKUP_BATCH = 1000


class _Row:
    __slots__ = ("encounter", "key", "language", "number", "survey_id")

    def __init__(
        self, number: int, key: tuple[str, str], survey_id: int | None, language: str | None
    ) -> None:
        self.number = number
        self.key = key
        self.survey_id = survey_id
        self.language = language
        self.encounter: Encounter | None = None


def _checked(raw: RawRow, errors: ErrorCollector) -> _Row | None:
    number, values, format_problems = raw
    problems: Problems = []
    if format_problems:
        add_format_problems(problems, format_problems)
    source = text(values.get("encounter_source"), "encounter_source", 64, problems, required=True)
    external_id = text(
        values.get("encounter_external_id"), "encounter_external_id", 128, problems, required=True
    )
    survey = text(values.get("survey"), "survey", 20, problems)
    survey_id: Any = None
    if isinstance(survey, str) and survey:
        survey_id = (
            int(survey)
            if survey.isdigit()
            else add(problems, "survey", ERROR_BAD_SURVEY_ID, "bad_survey")
        )
    language = text(values.get("language"), "language", 8, problems)
    if isinstance(language, str) and language and language.lower() not in LANGUAGES:
        language = add(problems, "language", messages.ERROR_BAD_LANGUAGE, "bad_language")
    if problems:
        report(problems, number, errors)
        return None
    assert isinstance(source, str) and isinstance(external_id, str)
    return _Row(
        number,
        (source, external_id),
        survey_id if survey_id is not INVALID else None,
        language.lower() if isinstance(language, str) and language else None,
    )


def _find_encounters(rows: list[_Row]) -> None:
    for start in range(0, len(rows), LOOKUP_BATCH):
        batch = rows[start : start + LOOKUP_BATCH]
        by_key: dict[tuple[str, str], Encounter] = {}
        for source in {row.key[0] for row in batch}:
            ids = [row.key[1] for row in batch if row.key[0] == source]
            for encounter in Encounter.objects.filter(
                source=source, external_id__in=ids
            ).select_related("team__unit"):
                by_key[(encounter.source, encounter.external_id)] = encounter
        for row in batch:
            row.encounter = by_key.get(row.key)


def _column_of(exc: ValidationError) -> tuple[str, str]:
    """The column and message of a refusal from the invitation services."""
    if hasattr(exc, "error_dict"):
        column, [error] = next(iter(exc.error_dict.items()))
        return column, str(error.message % (error.params or {}))
    [error] = exc.error_list
    return "encounter_external_id", str(error.message % (error.params or {}))


def invitations_import(*, path: Path, dry_run: bool = False, partial: bool = False) -> ImportResult:
    result = ImportResult(dry_run=dry_run, partial=partial)
    errors = ErrorCollector(settings.KOHTAAMO_IMPORT_ERROR_LIMIT)
    rows: list[_Row] = []
    first_row: dict[tuple[str, str], int] = {}
    try:
        for raw in open_rows(path, INVITATION_COLUMNS):
            result.rows_read += 1
            row = _checked(raw, errors)
            if row is None:
                result.rows_rejected += 1
            elif row.key in first_row:
                # The message is formatted here: its "row" would clash with
                # the collector's own argument of that name.
                repeated = str(messages.ERROR_DUPLICATE_ID) % {"row": first_row[row.key]}
                errors.add(row.number, "encounter_external_id", repeated, "duplicate_id")
                result.rows_rejected += 1
            else:
                first_row[row.key] = row.number
                rows.append(row)
    except ImportFileError as exc:
        result.file_error = exc.message
        return result
    _find_encounters(rows)

    with transaction.atomic():
        for row in rows:
            if row.encounter is None:
                errors.add(row.number, "encounter_external_id", ERROR_UNKNOWN_ENCOUNTER, "unknown")
                result.rows_rejected += 1
                continue
            try:
                # Each invitation is a savepoint of its own, so a refused row
                # leaves the others in place; the fatigue rule sees the rows
                # before it, so one customer is invited once per file too.
                survey = survey_for_team(team=row.encounter.team, survey_id=row.survey_id)
                invitation_create(
                    encounter=row.encounter,
                    survey=survey,
                    language=row.language,
                    send_email=True,
                )
            except ValidationError as exc:
                column, message = _column_of(exc)
                errors.add(row.number, column, message, "refused")
                result.rows_rejected += 1
            else:
                result.created += 1
        if dry_run or (errors.count and not partial):
            transaction.set_rollback(True)
        else:
            result.written = True
    if not result.written:
        result.created = 0
    errors.kept.sort(key=lambda error: error.row)
    result.errors = errors.kept
    result.error_count = errors.count
    return result
