from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kohtaamo.encounters.models import Channel

ERROR_DATES_REVERSED = _("The end date must not be before the start date.")


class _StaffChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return obj.get_full_name() or obj.email


class EncounterFilterForm(forms.Form):
    """Filters of the encounter list; every GET parameter is validated here."""

    team: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Team"), empty_label=_("All teams")
    )
    staff: forms.ModelChoiceField[Any] = _StaffChoiceField(
        queryset=None, required=False, label=_("Staff member"), empty_label=_("Everyone")
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
    page = forms.IntegerField(
        label=_("Page"), min_value=1, required=False, widget=forms.HiddenInput
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


class ImportUploadForm(forms.Form):
    """The web upload of an import file (admins and managers)."""

    kind = forms.ChoiceField(label=_("The file holds"))
    file = forms.FileField(
        label=_("File"),
        help_text=_("CSV (UTF-8, comma or semicolon) or JSON Lines, named .csv or .jsonl."),
    )
    source = forms.CharField(
        label=_("Source"),
        required=False,
        max_length=64,
        help_text=_("For encounter rows that name no source, e.g. the helpdesk's name."),
    )
    partial = forms.BooleanField(
        label=_("Write the good rows even if some rows have errors"), required=False
    )
    dry_run = forms.BooleanField(label=_("Only check the file; write nothing"), required=False)

    def __init__(self, *args: Any, kinds: list[tuple[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kinds  # type: ignore[attr-defined]

    def clean_file(self) -> Any:
        from kohtaamo.encounters.importing.formats import SUFFIXES
        from kohtaamo.encounters.importing.messages import ERROR_UNKNOWN_FORMAT

        upload = self.cleaned_data["file"]
        if not (upload.name or "").lower().endswith(SUFFIXES):
            raise forms.ValidationError(ERROR_UNKNOWN_FORMAT)
        return upload
