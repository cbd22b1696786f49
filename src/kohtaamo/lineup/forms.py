from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kohtaamo.encounters.models import Customer, Encounter
from kohtaamo.lineup.models import NOTES_MAX_LENGTH, STORY_MAX_LENGTH
from kohtaamo.lineup.services import (
    ERROR_CUSTOMER_NOT_VISIBLE,
    ERROR_EMPTY_STORY,
    ERROR_ENCOUNTER_NOT_VISIBLE,
    ERROR_NO_ATTENDEES,
    ERROR_NO_HEROES,
    ERROR_NOTES_TOO_LONG,
    ERROR_STORY_TOO_LONG,
)
from kohtaamo.org.models import Team
from kohtaamo.reviews.models import Criterion
from kohtaamo.reviews.selectors import scorecard_default

ERROR_CHOOSE_TEAM = _("Choose one of your teams.")
ERROR_CHOOSE_HEROES = _("Choose the heroes from the team's members.")
ERROR_BAD_DAY = _("Give the day as a date, for example 24.11.2026.")
ERROR_BAD_NUMBER = _("Give the number as digits.")
ERROR_CHOOSE_POINT = _("Choose one of the points of the checklist.")


class PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.get_full_name() or obj.email


class CriterionChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return obj.localized("name")


class StoryForm(forms.Form):
    """Telling a story. The encounter and customer are numbers; the service
    decides whether the teller may see them, so a guessed number changes
    nothing and says so."""

    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=Team.objects.none(),
        error_messages={"required": ERROR_CHOOSE_TEAM, "invalid_choice": ERROR_CHOOSE_TEAM},
    )
    text = forms.CharField(
        label=_("What happened?"),
        max_length=STORY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": ERROR_EMPTY_STORY, "max_length": ERROR_STORY_TOO_LONG},
        help_text=_(
            "Tell it so that the team can learn from it: what the customer needed and what the hero did."
        ),
    )
    heroes = PersonChoiceField(
        label=_("Who made it happen?"),
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": ERROR_NO_HEROES, "invalid_choice": ERROR_CHOOSE_HEROES},
    )
    criterion = CriterionChoiceField(
        label=_("Which checklist point does it show? (optional)"),
        queryset=Criterion.objects.none(),
        required=False,
        error_messages={"invalid_choice": ERROR_CHOOSE_POINT},
    )
    encounter = forms.IntegerField(
        label=_("Encounter number (optional)"),
        required=False,
        min_value=1,
        error_messages={"invalid": ERROR_BAD_NUMBER, "min_value": ERROR_BAD_NUMBER},
    )
    customer = forms.IntegerField(
        label=_("Customer number (optional)"),
        required=False,
        min_value=1,
        error_messages={"invalid": ERROR_BAD_NUMBER, "min_value": ERROR_BAD_NUMBER},
    )

    def __init__(self, *args: Any, teams: QuerySet[Team], people: QuerySet[Any], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]
        self.fields["heroes"].queryset = people  # type: ignore[attr-defined]
        scorecard = scorecard_default()
        self.fields["criterion"].queryset = (  # type: ignore[attr-defined]
            Criterion.objects.filter(scorecard=scorecard).order_by("position")
            if scorecard
            else Criterion.objects.none()
        )

    def clean_encounter(self) -> Encounter | None:
        pk = self.cleaned_data.get("encounter")
        if pk is None:
            return None
        # Whether the teller may see it is the service's rule; a number that
        # does not exist gets the same answer, so that numbers cannot be probed.
        encounter = Encounter.objects.filter(pk=pk).first()
        if encounter is None:
            raise forms.ValidationError(ERROR_ENCOUNTER_NOT_VISIBLE, code="not_visible")
        return encounter

    def clean_customer(self) -> Customer | None:
        pk = self.cleaned_data.get("customer")
        if pk is None:
            return None
        customer = Customer.objects.filter(pk=pk).first()
        if customer is None:
            raise forms.ValidationError(ERROR_CUSTOMER_NOT_VISIBLE, code="not_visible")
        return customer


class DayForm(forms.Form):
    """The `?day=` of a line-up page; a bad one is a message, not a 500."""

    day = forms.DateField(
        label=_("Day"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        error_messages={"invalid": ERROR_BAD_DAY},
    )

    def day_or(self, default: date) -> date:
        if self.is_valid() and self.cleaned_data.get("day"):
            return self.cleaned_data["day"]
        return default


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=_("The lead's notes for the day"),
        required=False,
        max_length=NOTES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": ERROR_NOTES_TOO_LONG},
    )


class HeldForm(forms.Form):
    attendees = PersonChoiceField(
        label=_("Who attended?"),
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": ERROR_NO_ATTENDEES, "invalid_choice": ERROR_NO_ATTENDEES},
    )

    def __init__(self, *args: Any, members: QuerySet[Any], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = members  # type: ignore[attr-defined]


class SettingsForm(forms.Form):
    auto_approve_stories = forms.BooleanField(
        label=_("Approve the team's wow stories automatically"), required=False
    )
