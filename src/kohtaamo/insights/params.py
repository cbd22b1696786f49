"""The parameters every report takes, checked in one place for the pages, the
REST API and the command line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kohtaamo.insights.periods import ReportPeriod
from kohtaamo.insights.selectors import ReportGroup

ERROR_DATES_REVERSED = _("The end date must not be before the start date.")
ERROR_DATE_RANGE = _("Use a date between the years %(first)s and %(last)s.")
ERROR_UNKNOWN_GROUP = _("Group by one of: %(choices)s.")
ERROR_UNKNOWN_PERIOD = _("Use one of these periods: %(choices)s.")

# Answers are not older than this, nor dated this far ahead; the bounds keep
# date arithmetic (the day after `to`) far from the calendar's ends.
FIRST_YEAR = 1970
LAST_YEAR = 2999


@dataclass(frozen=True)
class ReportParams:
    by: str
    period: str
    date_from: date | None = None
    date_to: date | None = None


def report_params_check(
    *, by: str, period: str, date_from: date | None, date_to: date | None
) -> ReportParams:
    """The parameters, or a ValidationError keyed by the parameter's name."""
    errors: dict[str, ValidationError] = {}
    if by not in ReportGroup.values:
        errors["by"] = ValidationError(
            ERROR_UNKNOWN_GROUP,
            code="unknown_group",
            params={"choices": ", ".join(ReportGroup.values)},
        )
    if period not in ReportPeriod.values:
        errors["period"] = ValidationError(
            ERROR_UNKNOWN_PERIOD,
            code="unknown_period",
            params={"choices": ", ".join(ReportPeriod.values)},
        )
    for name, value in (("from", date_from), ("to", date_to)):
        if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
            errors[name] = ValidationError(
                ERROR_DATE_RANGE,
                code="date_range",
                params={"first": FIRST_YEAR, "last": LAST_YEAR},
            )
    if not errors and date_from and date_to and date_to < date_from:
        errors["to"] = ValidationError(ERROR_DATES_REVERSED, code="dates_reversed")
    if errors:
        raise ValidationError(errors)
    return ReportParams(by=by, period=period, date_from=date_from, date_to=date_to)
