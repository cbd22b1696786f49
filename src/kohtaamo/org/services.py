"""Writes to the organisation: units, teams, people and their roles.

Every write of the organisation pages, the API and the CLI goes through these
functions. Each checks the rule it owns (unique codes, unique e-mail, no cycles
in the unit tree, no admin locking themselves out) and raises a
`ValidationError` with a message constant that the caller shows as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from kohtaamo.org.models import Team, TeamMembership, TeamRole, Unit, UnitManager

ERROR_UNIT_CYCLE = _("A unit cannot be moved under itself or under one of its own units.")
ERROR_EMAIL_TAKEN = _("Someone already has this e-mail address.")
ERROR_UNIT_CODE_TAKEN = _("Another unit already uses this code.")
ERROR_TEAM_CODE_TAKEN = _("Another team already uses this code.")
ERROR_SELF_DEACTIVATE = _("You cannot deactivate yourself.")
ERROR_SELF_UNADMIN = _("You cannot take administrator rights away from yourself.")


def _unique_or_error[T](write: Callable[[], T], *, field: str, message: Any) -> T:
    """Run a write that may break a unique constraint; a race that slips past
    the friendly check before it still ends as the same friendly message."""
    try:
        with transaction.atomic():
            return write()
    except IntegrityError as exc:
        raise ValidationError({field: message}) from exc


# --- Units ---------------------------------------------------------------------


def _path_for(*, unit: Unit, parent: Unit | None) -> tuple[str, int]:
    if parent is None:
        return f"/{unit.pk}/", 0
    return f"{parent.path}{unit.pk}/", parent.depth + 1


def _check_unit_code(*, code: str, unit: Unit | None = None) -> None:
    others = Unit.objects.filter(code=code)
    if unit is not None:
        others = others.exclude(pk=unit.pk)
    if others.exists():
        raise ValidationError({"code": ERROR_UNIT_CODE_TAKEN})


@transaction.atomic
def unit_create(*, name: str, code: str, parent: Unit | None = None) -> Unit:
    _check_unit_code(code=code)
    unit = _unique_or_error(
        lambda: Unit.objects.create(name=name, code=code, parent=parent),
        field="code",
        message=ERROR_UNIT_CODE_TAKEN,
    )
    unit.path, unit.depth = _path_for(unit=unit, parent=parent)
    unit.save(update_fields=["path", "depth"])
    return unit


@transaction.atomic
def unit_update(*, unit: Unit, name: str, code: str) -> Unit:
    """Rename a unit or change its code; its place in the tree stays."""
    _check_unit_code(code=code, unit=unit)
    unit.name, unit.code = name, code
    _unique_or_error(
        lambda: unit.save(update_fields=["name", "code"]),
        field="code",
        message=ERROR_UNIT_CODE_TAKEN,
    )
    return unit


@transaction.atomic
def unit_move(*, unit: Unit, parent: Unit | None) -> Unit:
    """Move a unit (and its subtree) under another parent, rewriting the paths."""
    # Read the paths fresh: the objects in hand may predate another move.
    unit.refresh_from_db(fields=["path", "depth", "parent"])
    if parent is not None:
        parent.refresh_from_db(fields=["path", "depth"])
        if parent.path.startswith(unit.path):
            raise ValidationError({"parent": ERROR_UNIT_CYCLE})
    old_path, old_depth = unit.path, unit.depth
    unit.parent = parent
    unit.path, unit.depth = _path_for(unit=unit, parent=parent)
    unit.save(update_fields=["parent", "path", "depth"])
    for child in Unit.objects.filter(path__startswith=old_path).exclude(pk=unit.pk):
        child.path = unit.path + child.path[len(old_path) :]
        child.depth = child.depth - old_depth + unit.depth
        child.save(update_fields=["path", "depth"])
    return unit


# --- Teams ---------------------------------------------------------------------


def _check_team_code(*, code: str, team: Team | None = None) -> None:
    others = Team.objects.filter(code=code)
    if team is not None:
        others = others.exclude(pk=team.pk)
    if others.exists():
        raise ValidationError({"code": ERROR_TEAM_CODE_TAKEN})


@transaction.atomic
def team_create(*, name: str, code: str, unit: Unit) -> Team:
    _check_team_code(code=code)
    return _unique_or_error(
        lambda: Team.objects.create(name=name, code=code, unit=unit),
        field="code",
        message=ERROR_TEAM_CODE_TAKEN,
    )


@transaction.atomic
def team_update(*, team: Team, name: str, code: str, unit: Unit) -> Team:
    """Rename a team, change its code or move it to another unit."""
    _check_team_code(code=code, team=team)
    team.name, team.code, team.unit = name, code, unit
    _unique_or_error(
        lambda: team.save(update_fields=["name", "code", "unit"]),
        field="code",
        message=ERROR_TEAM_CODE_TAKEN,
    )
    return team


# --- People --------------------------------------------------------------------


def _normalised_email(email: str) -> str:
    return get_user_model().objects.normalize_email(email).strip().lower()


def _check_email(*, email: str, person: Any | None = None) -> None:
    others = get_user_model().objects.filter(email__iexact=email)
    if person is not None:
        others = others.exclude(pk=person.pk)
    if others.exists():
        raise ValidationError({"email": ERROR_EMAIL_TAKEN})


@transaction.atomic
def person_create(
    *,
    email: str,
    first_name: str,
    last_name: str,
    password: str | None = None,
    is_admin: bool = False,
) -> Any:
    """Create a staff member whose username is their e-mail address.

    Without a password the account cannot log in until someone sets one; that
    is how people who sign in some other way, or not at all, are recorded.
    """
    user_model = get_user_model()
    email = _normalised_email(email)
    _check_email(email=email)
    user = user_model(
        username=email,
        email=email,
        first_name=first_name,
        last_name=last_name,
        # The Django admin lets in staff; Kohtaamo keeps staff == admin.
        is_superuser=is_admin,
        is_staff=is_admin,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean()
    _unique_or_error(lambda: user.save(), field="email", message=ERROR_EMAIL_TAKEN)
    return user


@transaction.atomic
def person_update(*, person: Any, email: str, first_name: str, last_name: str) -> Any:
    """Change a person's names or e-mail; the e-mail is also their username."""
    email = _normalised_email(email)
    _check_email(email=email, person=person)
    person.email = person.username = email
    person.first_name, person.last_name = first_name, last_name
    _unique_or_error(
        lambda: person.save(update_fields=["email", "username", "first_name", "last_name"]),
        field="email",
        message=ERROR_EMAIL_TAKEN,
    )
    return person


@transaction.atomic
def person_set_active(*, person: Any, is_active: bool, by: Any) -> Any:
    """Deactivate (or reactivate) a person. A deactivated person cannot log in
    and their API tokens stop working; their encounters and roles are kept."""
    if not is_active and person.pk == by.pk:
        raise ValidationError(ERROR_SELF_DEACTIVATE)
    person.is_active = is_active
    person.save(update_fields=["is_active"])
    return person


@transaction.atomic
def person_set_admin(*, person: Any, is_admin: bool, by: Any) -> Any:
    if not is_admin and person.pk == by.pk:
        raise ValidationError(ERROR_SELF_UNADMIN)
    person.is_superuser = person.is_staff = is_admin
    person.save(update_fields=["is_superuser", "is_staff"])
    return person


# --- Roles ---------------------------------------------------------------------


@transaction.atomic
def membership_set(*, user: Any, team: Team, role: TeamRole) -> TeamMembership:
    """Put a person in a team, or change their role in it."""
    membership, _created = TeamMembership.objects.update_or_create(
        user=user, team=team, defaults={"role": role}
    )
    return membership


@transaction.atomic
def membership_remove(*, user: Any, team: Team) -> None:
    TeamMembership.objects.filter(user=user, team=team).delete()


@transaction.atomic
def manager_add(*, user: Any, unit: Unit) -> UnitManager:
    manager, _created = UnitManager.objects.get_or_create(user=user, unit=unit)
    return manager


@transaction.atomic
def manager_remove(*, user: Any, unit: Unit) -> None:
    UnitManager.objects.filter(user=user, unit=unit).delete()


@transaction.atomic
def person_create_with_roles(
    *,
    email: str,
    first_name: str,
    last_name: str,
    is_admin: bool = False,
    memberships: Sequence[tuple[Team, TeamRole]] = (),
    managed_units: Sequence[Unit] = (),
) -> Any:
    """Create a person with their teams and managed units, all or nothing."""
    person = person_create(
        email=email, first_name=first_name, last_name=last_name, is_admin=is_admin
    )
    for team, role in memberships:
        membership_set(user=person, team=team, role=role)
    for unit in managed_units:
        manager_add(user=person, unit=unit)
    return person
