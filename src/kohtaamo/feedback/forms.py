from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.forms import BoundField
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kohtaamo.feedback.models import (
    CES_RANGE,
    COMMENT_MAX_LENGTH,
    CSAT_RANGE,
    NPS_RANGE,
    FollowUpOutcome,
    RootCause,
    Survey,
)
from kohtaamo.feedback.services import ERROR_COMMENT_TOO_LONG

ERROR_CHOOSE_ONE = _("Please choose one of the options.")
ERROR_CHOOSE_OUTCOME = _("Choose the outcome of the follow-up.")
ERROR_CHOOSE_ROOT_CAUSE = _("Choose a root cause.")


@dataclass(frozen=True)
class Option:
    value: str
    id: str
    checked: bool


@dataclass(frozen=True)
class Scale:
    """One scale question as the survey page shows it."""

    field: BoundField
    low: int
    high: int
    low_label: str
    high_label: str

    @property
    def options(self) -> list[Option]:
        """The radio buttons, as RadioSelect would name and number them. The
        page writes them itself: rendering 23 buttons through the widget
        templates took a third of the survey page's time."""
        given = self.field.value()
        chosen = "" if given is None else str(given)
        return [
            Option(value=str(n), id=f"{self.field.auto_id}_{i}", checked=str(n) == chosen)
            for i, n in enumerate(range(self.low, self.high + 1))
        ]

    @property
    def required(self) -> bool:
        return bool(self.field.field.required and self.field.form.use_required_attribute)


def _scale_field(low: int, high: int) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        choices=[(n, str(n)) for n in range(low, high + 1)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": ERROR_CHOOSE_ONE, "invalid_choice": ERROR_CHOOSE_ONE},
    )


class SurveyForm(forms.Form):
    """The customer's answer; only the questions the survey asks are fields.

    Labels are made when the form is built, in the language the view has
    activated for the invitation, because they name the unit.
    """

    def __init__(
        self, *args: Any, survey: Survey, unit_name: str, anonymous: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._scales: list[tuple[str, tuple[int, int], str, str]] = []
        if survey.ask_nps:
            self.fields["nps"] = _scale_field(*NPS_RANGE)
            self.fields["nps"].label = gettext(
                "How likely are you to recommend %(unit)s to a friend or colleague?"
            ) % {"unit": unit_name}
            self._scales.append(
                ("nps", NPS_RANGE, gettext("Not at all likely"), gettext("Extremely likely"))
            )
        if survey.ask_csat:
            self.fields["csat"] = _scale_field(*CSAT_RANGE)
            self.fields["csat"].label = gettext(
                "Overall, how satisfied were you with the service you received?"
            )
            self._scales.append(
                ("csat", CSAT_RANGE, gettext("Very dissatisfied"), gettext("Very satisfied"))
            )
        if survey.ask_ces:
            self.fields["ces"] = _scale_field(*CES_RANGE)
            self.fields["ces"].label = gettext(
                "%(unit)s made it easy for me to handle my matter."
            ) % {"unit": unit_name}
            self._scales.append(
                ("ces", CES_RANGE, gettext("Strongly disagree"), gettext("Strongly agree"))
            )
        if survey.ask_comment:
            self.fields["comment"] = forms.CharField(
                label=gettext("Is there anything you would like to tell us?"),
                required=False,
                max_length=COMMENT_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 5}),
                error_messages={"max_length": ERROR_COMMENT_TOO_LONG},
            )
        # An anonymous (QR) answer leaves no way to contact anyone.
        if survey.ask_consent and not anonymous:
            self.fields["consent_contact"] = forms.BooleanField(
                label=gettext("You may contact me about my feedback."), required=False
            )

    @property
    def scales(self) -> list[Scale]:
        return [
            Scale(self[name], bounds[0], bounds[1], low_label, high_label)
            for name, bounds, low_label, high_label in self._scales
        ]

    def answer(self) -> dict[str, Any]:
        """The cleaned answer as `response_submit` takes it."""
        data = self.cleaned_data
        return {
            "nps": data.get("nps"),
            "csat": data.get("csat"),
            "ces": data.get("ces"),
            "comment": data.get("comment", ""),
            "consent_contact": bool(data.get("consent_contact")),
        }


class FollowUpCloseForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("", "–"), *FollowUpOutcome.choices],
        error_messages={"required": ERROR_CHOOSE_OUTCOME, "invalid_choice": ERROR_CHOOSE_OUTCOME},
    )
    root_cause = forms.ChoiceField(
        label=_("Root cause"),
        choices=[("", "–"), *RootCause.choices],
        error_messages={
            "required": ERROR_CHOOSE_ROOT_CAUSE,
            "invalid_choice": ERROR_CHOOSE_ROOT_CAUSE,
        },
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
