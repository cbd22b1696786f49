"""The filters of the results and feedback pages; every GET parameter is
checked here (and the report rule itself in `params`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kohtaamo.encounters.models import Channel, Language
from kohtaamo.insights.params import report_params_check
from kohtaamo.insights.periods import ReportPeriod, periods_between
from kohtaamo.insights.selectors import ReportGroup

# The chart and its table list every period of the range; more than this many
# would be an unreadable page (e.g. ten years by week).
MAX_PERIODS_SHOWN = 120
ERROR_TOO_MANY_PERIODS = _(
    "Choose a shorter range or a longer period: a page shows at most %(max)s periods."
)

_FIELD_OF_PARAM = {"by": "by", "period": "period", "from": "date_from", "to": "date_to"}


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"})


class ResultsFilterForm(forms.Form):
    by = forms.ChoiceField(
        choices=ReportGroup.choices, initial=ReportGroup.TEAM, required=False, label=_("By")
    )
    period = forms.ChoiceField(
        choices=ReportPeriod.choices,
        initial=ReportPeriod.MONTH,
        required=False,
        label=_("Period"),
    )
    date_from = forms.DateField(required=False, label=_("From"), widget=_date_input())
    date_to = forms.DateField(required=False, label=_("To"), widget=_date_input())
    unit: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Unit"), empty_label=_("All units")
    )
    team: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Team"), empty_label=_("All teams")
    )
    # The language the customer answered in: e.g. how Swedish-speaking
    # customers find the service. The daily aggregates have no such column,
    # so these reports read the answers (`selectors._raw_counts`).
    language = forms.ChoiceField(
        choices=[("", _("All languages")), *Language.choices],
        required=False,
        label=_("Answer language"),
    )

    def __init__(self, *args: Any, units: Any, teams: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["by"] = data.get("by") or ReportGroup.TEAM
        data["period"] = data.get("period") or ReportPeriod.MONTH
        if self.errors:
            return data
        try:
            report_params_check(
                by=data["by"],
                period=data["period"],
                date_from=data.get("date_from"),
                date_to=data.get("date_to"),
            )
        except ValidationError as exc:
            for param, messages in exc.message_dict.items():
                for message in messages:
                    self.add_error(_FIELD_OF_PARAM[param], message)
            return data
        start, end = data.get("date_from"), data.get("date_to") or timezone.localdate()
        if start and len(periods_between(start, end, data["period"])) > MAX_PERIODS_SHOWN:
            self.add_error(
                "date_from",
                ValidationError(
                    ERROR_TOO_MANY_PERIODS,
                    code="too_many_periods",
                    params={"max": MAX_PERIODS_SHOWN},
                ),
            )
        return data


class FeedbackFilterForm(forms.Form):
    UNHAPPY = "unhappy"
    WITH_COMMENT = "comment"

    team: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Team"), empty_label=_("All teams")
    )
    channel = forms.ChoiceField(
        choices=[("", _("All channels")), *Channel.choices], required=False, label=_("Channel")
    )
    show = forms.ChoiceField(
        choices=[
            ("", _("All answers")),
            (WITH_COMMENT, _("With a comment")),
            (UNHAPPY, _("Unhappy answers")),
        ],
        required=False,
        label=_("Show"),
    )
    date_from = forms.DateField(required=False, label=_("From"), widget=_date_input())
    date_to = forms.DateField(required=False, label=_("To"), widget=_date_input())
    page = forms.IntegerField(
        label=_("Page"), min_value=1, required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args: Any, teams: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        start: date | None = data.get("date_from")
        end: date | None = data.get("date_to")
        try:
            report_params_check(
                by=ReportGroup.TEAM, period=ReportPeriod.MONTH, date_from=start, date_to=end
            )
        except ValidationError as exc:
            for param, messages in exc.message_dict.items():
                for message in messages:
                    self.add_error(_FIELD_OF_PARAM[param], message)
        return data
