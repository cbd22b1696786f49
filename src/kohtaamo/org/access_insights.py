"""Who may see which survey results (issue 4, reports).

The rule follows the encounters the answers are about, as everywhere:
- an agent sees the answers to their own encounters;
- a lead also those of the teams they lead;
- a manager everything under the units they manage;
- an admin everything.

A report only ever aggregates `report_responses(user)`, so a figure can never
include an answer its reader could not open one by one. Groups are limited
too: a unit appears by name only when the person sees every answer under it
(`report_units`), so that a lead's own team never shows up labelled as the
whole unit it belongs to, or the region above it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from kohtaamo.org.access import scope_for
from kohtaamo.org.models import Unit

if TYPE_CHECKING:
    from kohtaamo.feedback.models import Response


def can_view_results(user: Any) -> bool:
    """Everyone signed in sees results, of what they may see."""
    return scope_for(user).user_id is not None


def report_responses(user: Any) -> QuerySet[Response]:
    """The answers a person's reports and feedback list are made of.

    Written as direct conditions on the answer's copies of its encounter's
    staff member and team (`Response.team`) rather than a subquery of
    visible encounters, so that the database can aggregate millions of
    answers in one pass without joining the encounters."""
    from kohtaamo.feedback.models import Response

    scope = scope_for(user)
    responses = Response.objects.all()
    if scope.is_admin:
        return responses
    if scope.user_id is None:
        return responses.none()
    return responses.filter(
        Q(staff_id=scope.user_id)
        | Q(team_id__in=scope.led_team_ids)
        | scope._under_managed("team__unit__path")
    )


def report_units(user: Any) -> QuerySet[Unit]:
    """The units whose (rolled-up) figures a person may see by name: those
    whose every answer they see. For an admin every unit, for a manager the
    units under theirs, for a lead a unit whose every team, below it too,
    they lead; never for an agent, who sees their own answers only. Anyone
    else's figure for a unit would hold only part of its answers."""
    from kohtaamo.org.models import Team

    scope = scope_for(user)
    units = Unit.objects.all()
    if scope.is_admin:
        return units
    if scope.user_id is None:
        return units.none()
    whole = scope._under_managed("path")
    if scope.led_team_ids:
        below = Team.objects.filter(unit__path__startswith=OuterRef("path"))
        led = below.filter(id__in=scope.led_team_ids)
        not_led = below.exclude(id__in=scope.led_team_ids)
        whole |= Exists(led) & ~Exists(not_led)
    return units.filter(whole)


def sees_only_own_answers(user: Any) -> bool:
    """An agent's figures hold their own answers only; pages say so."""
    scope = scope_for(user)
    return (
        scope.user_id is not None
        and not scope.is_admin
        and not scope.led_team_ids
        and not scope.managed_unit_paths
    )
