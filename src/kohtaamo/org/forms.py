"""Forms of the organisation pages. They validate input, GET filters too;
the rules that need the database (unique codes, cycles) live in services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kohtaamo.org.models import Team, TeamRole, Unit
from kohtaamo.org.selectors import PersonRole, PersonStatus

CODE_HELP = _("Letters, digits, hyphens and underscores; used by imports and the API.")


def person_label(person: Any) -> str:
    name = person.get_full_name()
    return f"{name} ({person.email})" if name else person.email


class PersonChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return person_label(obj)


class UnitChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """Units indented by depth so that the tree shows in a plain <select>."""

    def label_from_instance(self, obj: Any) -> str:
        return "\u2003" * obj.depth + obj.name


class TeamChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.unit.name})"


# --- Units ---------------------------------------------------------------------


class UnitCreateForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    code = forms.SlugField(label=_("Code"), max_length=64, help_text=CODE_HELP)
    parent = UnitChoiceField(
        queryset=Unit.objects.none(),
        required=False,
        label=_("Parent unit"),
        empty_label=_("None (a top-level unit)"),
    )

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = units  # type: ignore[attr-defined]


class UnitEditForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    code = forms.SlugField(label=_("Code"), max_length=64, help_text=CODE_HELP)


class UnitMoveForm(forms.Form):
    parent = UnitChoiceField(
        queryset=Unit.objects.none(),
        required=False,
        label=_("New parent unit"),
        empty_label=_("None (a top-level unit)"),
    )

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = units  # type: ignore[attr-defined]


class ManagerAddForm(forms.Form):
    person = PersonChoiceField(queryset=None, label=_("Person"), empty_label=_("Choose a person"))

    def __init__(self, *args: Any, people: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]


# --- Teams ---------------------------------------------------------------------


class TeamForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    code = forms.SlugField(label=_("Code"), max_length=64, help_text=CODE_HELP)
    unit = UnitChoiceField(
        queryset=Unit.objects.none(), label=_("Unit"), empty_label=_("Choose a unit")
    )

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]


class MemberAddForm(forms.Form):
    person = PersonChoiceField(queryset=None, label=_("Person"), empty_label=_("Choose a person"))
    role = forms.ChoiceField(choices=TeamRole.choices, label=_("Role"), initial=TeamRole.AGENT)

    def __init__(self, *args: Any, people: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]


# --- People --------------------------------------------------------------------


class PeopleFilterForm(forms.Form):
    """The people list's filters. Admins may also list deactivated people."""

    q = forms.CharField(label=_("Search"), max_length=100, required=False, strip=True)
    team = TeamChoiceField(
        queryset=Team.objects.none(), required=False, label=_("Team"), empty_label=_("All teams")
    )
    role = forms.ChoiceField(
        label=_("Role"),
        required=False,
        choices=[
            ("", _("All roles")),
            (PersonRole.AGENT, _("Agent")),
            (PersonRole.LEAD, _("Team lead")),
            (PersonRole.MANAGER, _("Manager")),
            (PersonRole.ADMIN, _("Administrator")),
        ],
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            (PersonStatus.ACTIVE, _("Active")),
            (PersonStatus.INACTIVE, _("Deactivated")),
            (PersonStatus.ALL, _("Active and deactivated")),
        ],
    )
    page = forms.IntegerField(
        label=_("Page"), min_value=1, required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args: Any, teams: QuerySet[Team], with_status: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]
        if not with_status:
            del self.fields["status"]


class PersonForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)


class PersonCreateForm(PersonForm):
    password = forms.CharField(
        label=_("Initial password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_(
            "Optional. Leave empty to create the person without a password: "
            "they cannot log in until one is set."
        ),
    )
    is_admin = forms.BooleanField(label=_("Administrator"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        password = data.get("password")
        if password:
            # The similarity check compares the password with the new person's
            # own names and e-mail, so it needs an unsaved user to look at.
            candidate = get_user_model()(
                username=data.get("email", ""),
                email=data.get("email", ""),
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password, candidate)
            except forms.ValidationError as exc:
                self.add_error("password", exc)
        return data


class PersonActiveForm(forms.Form):
    is_active = forms.TypedChoiceField(
        choices=[("1", _("Active")), ("0", _("Deactivated"))], coerce=lambda v: v == "1"
    )


class PersonAdminForm(forms.Form):
    is_admin = forms.TypedChoiceField(
        choices=[("1", _("Administrator")), ("0", _("Not an administrator"))],
        coerce=lambda v: v == "1",
    )


class PersonTeamForm(forms.Form):
    team = TeamChoiceField(
        queryset=Team.objects.none(), label=_("Team"), empty_label=_("Choose a team")
    )
    role = forms.ChoiceField(choices=TeamRole.choices, label=_("Role"), initial=TeamRole.AGENT)

    def __init__(self, *args: Any, teams: QuerySet[Team], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]


class PersonUnitForm(forms.Form):
    unit = UnitChoiceField(
        queryset=Unit.objects.none(), label=_("Manager of unit"), empty_label=_("Choose a unit")
    )

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
