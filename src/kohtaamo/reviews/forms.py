"""Forms of the review pages. Every input is validated here first; the
services check the same rules again for the API and for anyone bypassing
the form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kohtaamo.encounters.models import Channel
from kohtaamo.reviews.models import Criterion, ReviewRating, Scale
from kohtaamo.reviews.services import (
    ENCOUNTERS_MAX,
    ERROR_AGREED_SCORE,
    ERROR_REASON_REQUIRED,
    PER_AGENT_MAX,
    RatingInput,
    SampleFilter,
)

NA_CHOICE = "na"
COMMENT_MAX_LENGTH = 4000
ERROR_CHOOSE_VALUE = _("Choose one of the values on the scale.")
ERROR_BAD_VERSION = _("The form was damaged; open the review again.")
ERROR_CHOOSE_ACTION = _("Choose whether to save a draft or finish the review.")

ACTION_SAVE = "save"
ACTION_FINISH = "finish"


def value_choices(criterion: Criterion) -> list[tuple[str, str]]:
    if criterion.scale == Scale.YES_NO:
        choices = [("2", str(_("Yes"))), ("1", str(_("No")))]
    else:
        choices = [(str(v), str(v)) for v in range(1, criterion.scale_top + 1)]
    if criterion.allows_na:
        choices.append((NA_CHOICE, str(_("N/A"))))
    return choices


class ReviewForm(forms.Form):
    """One radio group and one comment per criterion, then the overall comment.

    Field names carry the criterion's id (`rating-12`, `comment-12`) so that a
    posted form always names the scorecard version it was built from.
    """

    overall_comment = forms.CharField(
        label=_("Overall comment"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    version = forms.IntegerField(
        min_value=0,
        widget=forms.HiddenInput,
        error_messages={
            "required": ERROR_BAD_VERSION,
            "invalid": ERROR_BAD_VERSION,
            "min_value": ERROR_BAD_VERSION,
        },
    )
    action = forms.ChoiceField(
        choices=[(ACTION_SAVE, ACTION_SAVE), (ACTION_FINISH, ACTION_FINISH)],
        error_messages={"required": ERROR_CHOOSE_ACTION, "invalid_choice": ERROR_CHOOSE_ACTION},
    )

    def __init__(self, *args: Any, criteria: list[Criterion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"rating-{criterion.pk}"] = forms.ChoiceField(
                label=criterion.name,
                choices=value_choices(criterion),
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": ERROR_CHOOSE_VALUE},
            )
            self.fields[f"comment-{criterion.pk}"] = forms.CharField(
                label=_("Comment"),
                required=False,
                max_length=COMMENT_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    @staticmethod
    def initial_from(
        ratings: list[ReviewRating], overall_comment: str, version: int
    ) -> dict[str, Any]:
        initial: dict[str, Any] = {"overall_comment": overall_comment, "version": version}
        for rating in ratings:
            if rating.is_na:
                initial[f"rating-{rating.criterion_id}"] = NA_CHOICE
            elif rating.value is not None:
                initial[f"rating-{rating.criterion_id}"] = str(rating.value)
            initial[f"comment-{rating.criterion_id}"] = rating.comment
        return initial

    def rows(self) -> list[tuple[Criterion, forms.BoundField, forms.BoundField]]:
        return [(c, self[f"rating-{c.pk}"], self[f"comment-{c.pk}"]) for c in self.criteria]

    def ratings(self) -> dict[int, RatingInput]:
        data = self.cleaned_data
        result = {}
        for criterion in self.criteria:
            chosen = data.get(f"rating-{criterion.pk}") or ""
            result[criterion.pk] = RatingInput(
                value=int(chosen) if chosen and chosen != NA_CHOICE else None,
                is_na=chosen == NA_CHOICE,
                comment=data.get(f"comment-{criterion.pk}", ""),
            )
        return result


class _PersonChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return obj.get_full_name() or obj.email


ERROR_CHOOSE_TEAM = _("Choose one of your teams.")
ERROR_CHOOSE_PERSON = _("Choose a person from the list.")
ERROR_WEEK = _("Give the week as a date, e.g. 30.11.2026.")


class AssignmentDrawForm(forms.Form):
    team: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Team"),
        queryset=None,
        error_messages={"required": ERROR_CHOOSE_TEAM, "invalid_choice": ERROR_CHOOSE_TEAM},
    )
    week = forms.DateField(
        label=_("Week"),
        help_text=_("Any day of the week; the sample is drawn from Monday to Sunday."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": ERROR_WEEK, "invalid": ERROR_WEEK},
    )
    per_agent = forms.IntegerField(
        label=_("Encounters per person"),
        min_value=1,
        max_value=PER_AGENT_MAX,
        initial=3,
    )
    reviewer: forms.ModelChoiceField[Any] = _PersonChoiceField(
        label=_("Reviewer"),
        queryset=None,
        error_messages={"required": ERROR_CHOOSE_PERSON, "invalid_choice": ERROR_CHOOSE_PERSON},
    )
    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=[("", _("Any")), *Channel.choices]
    )
    has_transcript = forms.ChoiceField(
        label=_("Transcript"),
        required=False,
        choices=[("", _("Any")), ("yes", _("Has a transcript")), ("no", _("No transcript"))],
    )
    detractor_only = forms.BooleanField(
        label=_("Only encounters with detractor feedback"), required=False
    )
    min_minutes = forms.IntegerField(label=_("At least (minutes)"), required=False, min_value=0)
    max_minutes = forms.IntegerField(label=_("At most (minutes)"), required=False, min_value=0)

    def __init__(self, *args: Any, teams: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]
        self.fields["reviewer"].queryset = people  # type: ignore[attr-defined]

    def sample(self) -> SampleFilter:
        data = self.cleaned_data
        return SampleFilter(
            channel=data.get("channel") or None,
            has_transcript={"yes": True, "no": False}.get(data.get("has_transcript") or ""),
            detractor_only=bool(data.get("detractor_only")),
            min_minutes=data.get("min_minutes"),
            max_minutes=data.get("max_minutes"),
        )


class ReviewerNominateForm(forms.Form):
    team: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Team"),
        queryset=None,
        error_messages={"required": ERROR_CHOOSE_TEAM, "invalid_choice": ERROR_CHOOSE_TEAM},
    )
    person: forms.ModelChoiceField[Any] = _PersonChoiceField(
        label=_("Person"),
        queryset=None,
        error_messages={"required": ERROR_CHOOSE_PERSON, "invalid_choice": ERROR_CHOOSE_PERSON},
    )

    def __init__(self, *args: Any, teams: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]
        self.fields["person"].queryset = people  # type: ignore[attr-defined]


ERROR_CHOOSE_CRITERION = _("Choose the point you dispute.")
ERROR_CHOOSE_DECISION = _("Choose whether to accept or reject the dispute.")
DECISION_ACCEPT = "accept"
DECISION_REJECT = "reject"


class DisputeForm(forms.Form):
    """Dispute one rating; the choices are the ratings not yet disputed."""

    rating = forms.TypedChoiceField(
        label=_("Point"),
        coerce=int,
        error_messages={
            "required": ERROR_CHOOSE_CRITERION,
            "invalid_choice": ERROR_CHOOSE_CRITERION,
        },
    )
    reason = forms.CharField(
        label=_("Why the rating should be different"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": ERROR_REASON_REQUIRED},
    )

    def __init__(self, *args: Any, ratings: list[ReviewRating], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rating"].choices = [("", "–")] + [  # type: ignore[attr-defined]
            (r.pk, r.criterion.name) for r in ratings
        ]


class DisputeDecideForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(DECISION_ACCEPT, _("Accept and correct")), (DECISION_REJECT, _("Reject"))],
        widget=forms.RadioSelect,
        error_messages={"required": ERROR_CHOOSE_DECISION, "invalid_choice": ERROR_CHOOSE_DECISION},
    )
    value = forms.ChoiceField(
        label=_("Corrected rating"),
        required=False,
        error_messages={"invalid_choice": ERROR_CHOOSE_VALUE},
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, criterion: Criterion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["value"].choices = [("", "–"), *value_choices(criterion)]  # type: ignore[attr-defined]

    def corrected(self) -> tuple[int | None, bool]:
        chosen = self.cleaned_data.get("value") or ""
        if chosen == NA_CHOICE:
            return None, True
        return (int(chosen) if chosen else None), False


class CalibrationScoreForm(ReviewForm):
    """The review form without draft or version: a calibration score is given
    whole, and can be given again while the session is open."""

    version = None  # type: ignore[assignment]
    action = None  # type: ignore[assignment]


ERROR_CHOOSE_REVIEWERS = _("Choose the reviewers from the list.")


class CalibrationCreateForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    team: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Team"),
        queryset=None,
        error_messages={"required": ERROR_CHOOSE_TEAM, "invalid_choice": ERROR_CHOOSE_TEAM},
    )
    encounter_count = forms.IntegerField(
        label=_("Encounters"), min_value=1, max_value=ENCOUNTERS_MAX, initial=5
    )
    reviewers: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Reviewers"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": ERROR_CHOOSE_REVIEWERS,
            "invalid_choice": ERROR_CHOOSE_REVIEWERS,
            "invalid_pk_value": ERROR_CHOOSE_REVIEWERS,
        },
    )

    def __init__(self, *args: Any, teams: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]
        reviewers = self.fields["reviewers"]
        reviewers.queryset = people  # type: ignore[attr-defined]
        reviewers.label_from_instance = lambda p: p.get_full_name() or p.email  # type: ignore[attr-defined]


class CalibrationAgreeForm(forms.Form):
    score = forms.FloatField(
        label=_("Agreed score"),
        min_value=0,
        max_value=100,
        error_messages={
            "required": ERROR_AGREED_SCORE,
            "invalid": ERROR_AGREED_SCORE,
            "min_value": ERROR_AGREED_SCORE,
            "max_value": ERROR_AGREED_SCORE,
        },
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=COMMENT_MAX_LENGTH)


ERROR_DATES_REVERSED = _("The end date must not be before the start date.")
ERROR_PERIOD_TOO_LONG = _("Choose at most two years at a time.")


class IqsFilterForm(forms.Form):
    """The IQS page's GET filters, every one validated."""

    group_by = forms.ChoiceField(
        label=_("By"),
        required=False,
        choices=[("agent", _("Person")), ("team", _("Team")), ("unit", _("Unit"))],
    )
    period = forms.ChoiceField(
        label=_("Period"),
        required=False,
        choices=[("month", _("Month")), ("week", _("Week")), ("quarter", _("Quarter"))],
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            raise forms.ValidationError(ERROR_DATES_REVERSED, code="dates_reversed")
        if start and end and (end - start).days > 731:
            raise forms.ValidationError(ERROR_PERIOD_TOO_LONG, code="too_long")
        return data
