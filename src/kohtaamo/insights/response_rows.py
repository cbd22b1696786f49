"""Checking the rows of `kohtaamo import responses`: historical survey answers
by the encounter they are about.

Values are checked with the encounter import's own helpers, so the messages,
row numbers and columns read the same; what needs the database (does the
encounter exist, does it have a customer, did it start before the answer)
is checked for a batch of rows at a time. So is the one thing an import may
not do: change an answer the customer gave through a survey link (only an
answer an import wrote, `Response.imported`, may be corrected).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kohtaamo.encounters.importing import messages
from kohtaamo.encounters.importing.errors import ErrorCollector
from kohtaamo.encounters.importing.formats import Columns, RawRow
from kohtaamo.encounters.importing.validation import (
    INVALID,
    Problems,
    add,
    add_format_problems,
    moment,
    report,
    text,
)
from kohtaamo.encounters.models import Encounter
from kohtaamo.feedback.models import (
    CES_RANGE,
    COMMENT_MAX_LENGTH,
    CSAT_RANGE,
    NPS_RANGE,
    Response,
)

RESPONSE_COLUMNS = Columns(
    in_csv=(
        "encounter_source",
        "encounter_external_id",
        "answered_at",
        "nps",
        "csat",
        "ces",
        "comment",
    ),
    required=("encounter_source", "encounter_external_id", "answered_at"),
)
SCORE_RANGES = {"nps": NPS_RANGE, "csat": CSAT_RANGE, "ces": CES_RANGE}
# Rows looked up together; below SQLite's limit of query parameters.
LOOKUP_BATCH = 900

ERROR_SCORE_RANGE = _("Enter a whole number from %(low)s to %(high)s.")
ERROR_NO_SCORE = _("Give at least one of nps, csat and ces.")
ERROR_UNKNOWN_ENCOUNTER = _(
    "No encounter has this source and external id; import the encounters first."
)
ERROR_NO_CUSTOMER = _("This encounter has no customer, so it cannot have a survey answer.")
ERROR_CUSTOMER_ANSWERED = _(
    "The customer answered this encounter's survey through its link, "
    "so an import cannot change the answer."
)
ERROR_BEFORE_ENCOUNTER = _("The answer is dated before the encounter started.")
ERROR_IN_FUTURE = _("The answer is dated in the future.")
ERROR_DUPLICATE_ENCOUNTER = _("The same encounter is already on row %(row)s.")


@dataclass
class ResponseRecord:
    row: int
    source: str
    external_id: str
    answered_at: datetime
    nps: int | None
    csat: int | None
    ces: int | None
    comment: str
    encounter: Encounter | None = None


def score(value: Any, column: str, problems: Problems) -> Any:
    """A whole number in the question's range; None when empty."""
    low, high = SCORE_RANGES[column]
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        digits = value.strip()
        value = int(digits) if digits.isascii() and digits.isdigit() else INVALID
    elif isinstance(value, bool) or not isinstance(value, int):
        value = INVALID
    if value is INVALID or not low <= value <= high:
        return add(problems, column, ERROR_SCORE_RANGE, "out_of_range", low=low, high=high)
    return value


class ResponseRows:
    """Checks rows one at a time and then, a batch at a time, against the
    encounters; `records` holds the good rows."""

    def __init__(self, *, errors: ErrorCollector, zone: tzinfo | None = None) -> None:
        self.errors = errors
        self.zone = zone or timezone.get_current_timezone()
        self.now = timezone.now()
        self.rows_read = 0
        self.rows_rejected = 0
        self.records: list[ResponseRecord] = []
        self._waiting: list[ResponseRecord] = []
        self._first_row: dict[tuple[str, str], int] = {}

    def check(self, raw: RawRow) -> None:
        number, values, format_problems = raw
        self.rows_read += 1
        problems: Problems = []
        if format_problems:
            add_format_problems(problems, format_problems)
            if not values:
                self._reject(problems, number)
                return
        get = values.get
        source = text(get("encounter_source"), "encounter_source", 64, problems, required=True)
        external_id = text(
            get("encounter_external_id"), "encounter_external_id", 128, problems, required=True
        )
        answered_at = moment(get("answered_at"), "answered_at", self.zone, problems)
        if answered_at is None:
            answered_at = add(problems, "answered_at", messages.ERROR_REQUIRED, "required")
        elif isinstance(answered_at, datetime) and answered_at > self.now:
            answered_at = add(problems, "answered_at", ERROR_IN_FUTURE, "in_future")
        scores = {column: score(get(column), column, problems) for column in SCORE_RANGES}
        if all(value is None for value in scores.values()):
            add(problems, "nps", ERROR_NO_SCORE, "no_score")
        comment = text(get("comment"), "comment", COMMENT_MAX_LENGTH, problems)
        if problems:
            self._reject(problems, number)
            return
        assert isinstance(source, str) and isinstance(external_id, str)
        assert isinstance(answered_at, datetime) and isinstance(comment, str)
        key = (source, external_id)
        if key in self._first_row:
            problems.append(
                (
                    "encounter_external_id",
                    str(ERROR_DUPLICATE_ENCOUNTER) % {"row": self._first_row[key]},
                    "duplicate_encounter",
                    (),
                    {},
                )
            )
            self._reject(problems, number)
            return
        self._first_row[key] = number
        self._waiting.append(
            ResponseRecord(number, source, external_id, answered_at, comment=comment, **scores)
        )
        if len(self._waiting) >= LOOKUP_BATCH:
            self.flush()

    def flush(self) -> None:
        """Find the encounters of the waiting rows, in one query per source."""
        waiting, self._waiting = self._waiting, []
        by_source: dict[str, list[str]] = {}
        for record in waiting:
            by_source.setdefault(record.source, []).append(record.external_id)
        found: dict[tuple[str, str], Encounter] = {}
        for source, ids in by_source.items():
            encounters = (
                Encounter.objects.filter(source=source, external_id__in=ids)
                .select_related("customer")
                .only(
                    "pk",
                    "source",
                    "external_id",
                    "started_at",
                    "team_id",
                    "customer_id",
                    "customer__language",
                )
                .annotate(
                    customer_answered=Exists(
                        Response.objects.filter(
                            invitation__encounter_id=OuterRef("pk"), imported=False
                        )
                    )
                )
            )
            found.update({(e.source, e.external_id): e for e in encounters})
        for record in waiting:
            encounter = found.get((record.source, record.external_id))
            problems: Problems = []
            if encounter is None:
                add(problems, "encounter_external_id", ERROR_UNKNOWN_ENCOUNTER, "unknown")
            elif encounter.customer_id is None:
                add(problems, "encounter_external_id", ERROR_NO_CUSTOMER, "no_customer")
            elif encounter.customer_answered:  # type: ignore[attr-defined]  # annotated above
                add(
                    problems,
                    "encounter_external_id",
                    ERROR_CUSTOMER_ANSWERED,
                    "customer_answered",
                )
            elif record.answered_at < encounter.started_at:
                add(problems, "answered_at", ERROR_BEFORE_ENCOUNTER, "before_encounter")
            if problems:
                self._reject(problems, record.row)
                continue
            record.encounter = encounter
            self.records.append(record)

    def _reject(self, problems: Problems, number: int) -> None:
        report(problems, number, self.errors)
        self.rows_rejected += 1
