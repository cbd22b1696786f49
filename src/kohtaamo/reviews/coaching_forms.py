"""The form of a new coaching session (kept apart from `forms.py`, which is
long enough)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kohtaamo.reviews.forms import COMMENT_MAX_LENGTH, ERROR_CHOOSE_PERSON, ERROR_CHOOSE_TEAM
from kohtaamo.reviews.services import ACTION_TEXT_MAX

ACTIONS = 3
ERROR_DUE_MISSING = _("Give the action a due date.")
ERROR_CHOOSE_FROM_LIST = _("Choose from the list.")


class _Labelled(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj)


class _Person(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return obj.get_full_name() or obj.email


class CoachingForm(forms.Form):
    team: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Team"),
        queryset=None,
        error_messages={"required": ERROR_CHOOSE_TEAM, "invalid_choice": ERROR_CHOOSE_TEAM},
    )
    agent: forms.ModelChoiceField[Any] = _Person(
        label=_("Coached person"),
        queryset=None,
        error_messages={"required": ERROR_CHOOSE_PERSON, "invalid_choice": ERROR_CHOOSE_PERSON},
    )
    held_on = forms.DateField(
        label=_("Held on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    reviews: forms.ModelMultipleChoiceField[Any] = _Labelled(
        label=_("Reviews discussed"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": ERROR_CHOOSE_FROM_LIST,
            "invalid_pk_value": ERROR_CHOOSE_FROM_LIST,
        },
    )
    focus: forms.ModelMultipleChoiceField[Any] = _Labelled(
        label=_("Points to focus on"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": ERROR_CHOOSE_FROM_LIST,
            "invalid_pk_value": ERROR_CHOOSE_FROM_LIST,
        },
    )
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(
        self, *args: Any, teams: Any, people: Any, reviews: Any, criteria: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]
        self.fields["agent"].queryset = people  # type: ignore[attr-defined]
        self.fields["reviews"].queryset = reviews  # type: ignore[attr-defined]
        self.fields["focus"].queryset = criteria  # type: ignore[attr-defined]
        for n in range(1, ACTIONS + 1):
            self.fields[f"action_{n}"] = forms.CharField(
                label=_("Agreed action %(n)s") % {"n": n},
                required=False,
                max_length=ACTION_TEXT_MAX,
            )
            self.fields[f"due_{n}"] = forms.DateField(
                label=_("Due"), required=False, widget=forms.DateInput(attrs={"type": "date"})
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for n in range(1, ACTIONS + 1):
            if data.get(f"action_{n}") and not data.get(f"due_{n}"):
                self.add_error(f"due_{n}", ERROR_DUE_MISSING)
        return data

    def actions(self) -> list[tuple[str, date]]:
        data = self.cleaned_data
        return [
            (data[f"action_{n}"], data[f"due_{n}"])
            for n in range(1, ACTIONS + 1)
            if data.get(f"action_{n}") and data.get(f"due_{n}")
        ]
