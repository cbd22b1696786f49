from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kohtaamo.encounters.models import Channel

ERROR_DATES_REVERSED = _("The end date must not be before the start date.")


class EncounterFilterForm(forms.Form):
    """Filters of the encounter list; every GET parameter is validated here."""

    team: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Team")
    )
    staff: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Staff member")
    )
    channel = forms.ChoiceField(
        choices=[("", _("All channels")), *Channel.choices], required=False, label=_("Channel")
    )
    date_from = forms.DateField(
        required=False, label=_("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        required=False, label=_("To"), widget=forms.DateInput(attrs={"type": "date"})
    )
    has_transcript = forms.ChoiceField(
        choices=[
            ("", _("With or without")),
            ("yes", _("With transcript")),
            ("no", _("Without transcript")),
        ],
        required=False,
        label=_("Transcript"),
    )

    def __init__(self, *args: Any, teams: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]
        self.fields["staff"].queryset = people  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            raise forms.ValidationError(ERROR_DATES_REVERSED)
        return data
