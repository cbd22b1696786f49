"""Who may manage how surveys reach customers (issue 4, delivery).

- Invitation rules and public (QR) surveys: admins everywhere, managers for
  the units under the ones they manage and those units' teams.
- Inviting one encounter by hand (REST API): whoever may write the
  encounter's team (a lead of the team, its managers, an admin).
Someone else's rule or QR survey answers 404, as everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from kohtaamo.org.access import scope_for, writable_team_ids
from kohtaamo.org.models import Team, Unit, path_unit_ids

if TYPE_CHECKING:
    from kohtaamo.encounters.models import Encounter
    from kohtaamo.feedback.models import InvitationRule, PublicSurvey, Survey


def can_manage_delivery(user: Any) -> bool:
    scope = scope_for(user)
    return scope.is_admin or bool(scope.managed_unit_paths)


def delivery_units(user: Any) -> QuerySet[Unit]:
    """Units whose rules and QR surveys the person may manage."""
    scope = scope_for(user)
    if scope.is_admin:
        return Unit.objects.all()
    if not scope.managed_unit_paths:
        return Unit.objects.none()
    return Unit.objects.filter(scope._under_managed("path"))


def delivery_teams(user: Any) -> QuerySet[Team]:
    scope = scope_for(user)
    teams = Team.objects.select_related("unit")
    if scope.is_admin:
        return teams
    if not scope.managed_unit_paths:
        return teams.none()
    return teams.filter(scope._under_managed("unit__path"))


def usable_surveys(user: Any) -> QuerySet[Survey]:
    """Organisation-wide surveys and those of the units the person manages
    or that lie above them; never the one imported answers are filed under."""
    from kohtaamo.feedback.models import IMPORT_SURVEY_NAME, Survey

    scope = scope_for(user)
    surveys = Survey.objects.exclude(name=IMPORT_SURVEY_NAME, unit__isnull=True)
    if scope.is_admin:
        return surveys
    if not scope.managed_unit_paths:
        return surveys.none()
    ancestor_ids = {id_ for path in scope.managed_unit_paths for id_ in path_unit_ids(path)}
    return surveys.filter(
        Q(unit__isnull=True) | Q(unit_id__in=ancestor_ids) | scope._under_managed("unit__path")
    )


def visible_invitation_rules(user: Any) -> QuerySet[InvitationRule]:
    from kohtaamo.feedback.models import InvitationRule

    scope = scope_for(user)
    rules = InvitationRule.objects.select_related("unit", "team__unit", "survey")
    if scope.is_admin:
        return rules
    if not scope.managed_unit_paths:
        return rules.none()
    return rules.filter(
        scope._under_managed("unit__path") | scope._under_managed("team__unit__path")
    )


def get_invitation_rule_or_404(user: Any, pk: int) -> InvitationRule:
    return get_object_or_404(visible_invitation_rules(user), pk=pk)


def visible_public_surveys(user: Any) -> QuerySet[PublicSurvey]:
    from kohtaamo.feedback.models import PublicSurvey

    scope = scope_for(user)
    surveys = PublicSurvey.objects.select_related("unit", "survey")
    if scope.is_admin:
        return surveys
    if not scope.managed_unit_paths:
        return surveys.none()
    return surveys.filter(scope._under_managed("unit__path"))


def get_public_survey_or_404(user: Any, pk: int) -> PublicSurvey:
    return get_object_or_404(visible_public_surveys(user), pk=pk)


def may_invite(user: Any, encounter: Encounter) -> bool:
    """May this person invite the customer of an encounter they can see?"""
    team_ids = writable_team_ids(user)
    return team_ids is None or encounter.team_id in team_ids


def visible_failed_invitations(user: Any) -> QuerySet[Any]:
    """Invitations whose e-mail could not be sent, in the person's units."""
    from kohtaamo.feedback.models import Invitation, InvitationStatus

    scope = scope_for(user)
    failed = Invitation.objects.filter(status=InvitationStatus.FAILED).select_related(
        "customer", "encounter__team__unit"
    )
    if scope.is_admin:
        return failed
    if not scope.managed_unit_paths:
        return failed.none()
    return failed.filter(scope._under_managed("encounter__team__unit__path"))
