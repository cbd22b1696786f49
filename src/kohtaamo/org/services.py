"""Writes to the organisation: units, teams, people and their roles."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kohtaamo.org.models import Team, TeamMembership, TeamRole, Unit, UnitManager

ERROR_UNIT_CYCLE = _("A unit cannot be moved under itself or under one of its own units.")
ERROR_EMAIL_TAKEN = _("Someone already has this e-mail address.")


def _path_for(*, unit: Unit, parent: Unit | None) -> tuple[str, int]:
    if parent is None:
        return f"/{unit.pk}/", 0
    return f"{parent.path}{unit.pk}/", parent.depth + 1


@transaction.atomic
def unit_create(*, name: str, code: str, parent: Unit | None = None) -> Unit:
    unit = Unit.objects.create(name=name, code=code, parent=parent)
    unit.path, unit.depth = _path_for(unit=unit, parent=parent)
    unit.save(update_fields=["path", "depth"])
    return unit


@transaction.atomic
def unit_move(*, unit: Unit, parent: Unit | None) -> Unit:
    """Move a unit (and its subtree) under another parent, rewriting the paths."""
    if parent is not None and parent.path.startswith(unit.path):
        raise ValidationError(ERROR_UNIT_CYCLE)
    old_path, old_depth = unit.path, unit.depth
    unit.parent = parent
    unit.path, unit.depth = _path_for(unit=unit, parent=parent)
    unit.save(update_fields=["parent", "path", "depth"])
    for child in Unit.objects.filter(path__startswith=old_path).exclude(pk=unit.pk):
        child.path = unit.path + child.path[len(old_path) :]
        child.depth = child.depth - old_depth + unit.depth
        child.save(update_fields=["path", "depth"])
    return unit


def team_create(*, name: str, code: str, unit: Unit) -> Team:
    return Team.objects.create(name=name, code=code, unit=unit)


@transaction.atomic
def person_create(
    *,
    email: str,
    first_name: str,
    last_name: str,
    password: str | None = None,
    is_admin: bool = False,
) -> Any:
    """Create a staff member whose username is their e-mail address."""
    user_model = get_user_model()
    email = user_model.objects.normalize_email(email).lower()
    if user_model.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": ERROR_EMAIL_TAKEN})
    user = user_model(
        username=email,
        email=email,
        first_name=first_name,
        last_name=last_name,
        is_superuser=is_admin,
        is_staff=is_admin,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean()
    user.save()
    return user


def membership_set(*, user: Any, team: Team, role: TeamRole) -> TeamMembership:
    membership, _created = TeamMembership.objects.update_or_create(
        user=user, team=team, defaults={"role": role}
    )
    return membership


def membership_remove(*, user: Any, team: Team) -> None:
    TeamMembership.objects.filter(user=user, team=team).delete()


def manager_add(*, user: Any, unit: Unit) -> UnitManager:
    manager, _created = UnitManager.objects.get_or_create(user=user, unit=unit)
    return manager


def manager_remove(*, user: Any, unit: Unit) -> None:
    UnitManager.objects.filter(user=user, unit=unit).delete()
