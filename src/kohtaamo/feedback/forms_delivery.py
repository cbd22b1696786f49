"""Forms of the delivery pages: invitation rules and public (QR) surveys.
The choices offered are only what the person may manage; the rules that need
the database (one rule per unit or team) live in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from kohtaamo.encounters.models import Channel
from kohtaamo.feedback.models_delivery import DELAY_HOURS_MAX, SAMPLING_MAX
from kohtaamo.org import access_delivery
from kohtaamo.org.models import Team, Unit

ERROR_CHOOSE_TARGET = _("Choose the unit or team the rule is for.")
ERROR_CHOOSE_SURVEY = _("Choose a survey.")
ERROR_CHOOSE_UNIT = _("Choose a unit.")
ERROR_WHOLE_NUMBER = _("Enter a whole number from %(low)s to %(high)s.")


def _whole_number(low: int, high: int) -> str:
    return str(ERROR_WHOLE_NUMBER) % {"low": low, "high": high}


# Formatted when shown, in the language of that request.
_whole_number_lazy = lazy(_whole_number, str)


def _number_field(label: Any, high: int, help_text: Any) -> forms.IntegerField:
    message = _whole_number_lazy(0, high)
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=high,
        help_text=help_text,
        error_messages={
            "required": message,
            "invalid": message,
            "min_value": message,
            "max_value": message,
        },
    )


class _SurveyChoiceMixin(forms.Form):
    def _survey_field(self, user: Any) -> None:
        self.fields["survey"] = forms.ModelChoiceField(
            label=_("Survey"),
            queryset=access_delivery.usable_surveys(user),
            error_messages={"required": ERROR_CHOOSE_SURVEY, "invalid_choice": ERROR_CHOOSE_SURVEY},
        )


class InvitationRuleForm(_SurveyChoiceMixin):
    """A rule; `target` ("unit:<id>" or "team:<id>") only when it is new."""

    channels = forms.MultipleChoiceField(
        label=_("Channels"),
        choices=Channel.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one channel."),
            "invalid_choice": _("Choose at least one channel."),
        },
    )
    delay_hours = _number_field(
        _("Delay after the encounter (hours)"),
        DELAY_HOURS_MAX,
        _("How long after the encounter ends the invitation goes out."),
    )
    sampling_percent = _number_field(
        _("Share of encounters invited (%)"),
        SAMPLING_MAX,
        _("100 invites every customer the other rules allow; 20 one in five."),
    )
    active = forms.BooleanField(
        label=_("Active"),
        required=False,
        help_text=_("An inactive rule sends nothing for its unit or team."),
    )

    def __init__(self, *args: Any, user: Any, new: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._units = {u.pk: u for u in access_delivery.delivery_units(user)}
        self._teams = {t.pk: t for t in access_delivery.delivery_teams(user)}
        if new:
            self.fields["target"] = forms.ChoiceField(
                label=_("For"),
                choices=[
                    ("", "–"),
                    (_("Units"), [(f"unit:{u.pk}", u.name) for u in self._units.values()]),
                    (
                        _("Teams"),
                        [
                            (f"team:{t.pk}", f"{t.name} ({t.unit.name})")
                            for t in self._teams.values()
                        ],
                    ),
                ],
                error_messages={
                    "required": ERROR_CHOOSE_TARGET,
                    "invalid_choice": ERROR_CHOOSE_TARGET,
                },
            )
            self.order_fields(["target"])
        self._survey_field(user)
        self.order_fields(["target", "survey"])

    def target(self) -> tuple[Unit | None, Team | None]:
        kind, _sep, pk = self.cleaned_data["target"].partition(":")
        if kind == "unit":
            return self._units[int(pk)], None
        return None, self._teams[int(pk)]


class PublicSurveyForm(_SurveyChoiceMixin):
    active = forms.BooleanField(label=_("Open for answers"), required=False)

    def __init__(self, *args: Any, user: Any, new: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if new:
            self.fields["unit"] = forms.ModelChoiceField(
                label=_("Unit"),
                queryset=access_delivery.delivery_units(user).filter(public_survey__isnull=True),
                error_messages={"required": ERROR_CHOOSE_UNIT, "invalid_choice": ERROR_CHOOSE_UNIT},
            )
            del self.fields["active"]
        self._survey_field(user)
        self.order_fields(["unit", "survey"])
