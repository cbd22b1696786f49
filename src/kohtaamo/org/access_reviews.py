"""Who may review what, and who sees which review (issue 5).

- A lead review of an encounter is written by a lead of the encounter's team,
  a manager above it, or an admin — never by the person who served the
  customer (they write the self-review instead).
- A person a lead names as a reviewer of the team writes the lead reviews of
  the encounters assigned to them (and sees those encounters for it).
- A self-review is written only by the encounter's own staff member.
- A person sees the reviews they wrote; the finished reviews of their own
  encounters; and, as a lead or manager, the lead reviews (drafts too) and the
  finished self-reviews of the encounters they see. Drafts of a self-review
  stay the agent's own until finished.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from kohtaamo.org.access import scope_for, visible_encounters
from kohtaamo.org.models import Team

if TYPE_CHECKING:
    from kohtaamo.encounters.models import Encounter
    from kohtaamo.reviews.models import CalibrationSession, CoachingSession, Dispute, Review


def _oversees(user: Any, encounter: Encounter) -> bool:
    """A lead of the encounter's team, a manager above it, or an admin."""
    scope = scope_for(user)
    if scope.is_admin:
        return True
    if encounter.team_id in scope.led_team_ids:
        return True
    path = encounter.team.unit.path
    return any(path.startswith(p) for p in scope.managed_unit_paths)


def _oversees_team(user: Any, team: Team) -> bool:
    scope = scope_for(user)
    if scope.is_admin or team.pk in scope.led_team_ids:
        return True
    return any(team.unit.path.startswith(p) for p in scope.managed_unit_paths)


def may_lead_review(user: Any, encounter: Encounter) -> bool:
    from kohtaamo.reviews.models import ReviewAssignment

    scope = scope_for(user)
    if scope.user_id is None or encounter.staff_id == scope.user_id:
        return False
    if _oversees(user, encounter):
        return True
    return ReviewAssignment.objects.filter(encounter=encounter, reviewer_id=scope.user_id).exists()


def may_decide_dispute(user: Any, review: Review) -> bool:
    """A lead of the team, a manager above it or an admin, never the
    reviewed person themselves."""
    scope = scope_for(user)
    if scope.user_id is None or review.reviewee_id == scope.user_id:
        return False
    return _oversees_team(user, review.team)


def may_assign(user: Any, team: Team) -> bool:
    """Leads of the team, managers above it and admins draw assignments and
    name reviewers."""
    return scope_for(user).user_id is not None and _oversees_team(user, team)


def may_review_team(user: Any, team: Team) -> bool:
    """May this person be given assignments of the team?"""
    from kohtaamo.reviews.models import ReviewerNomination

    if not user.is_active:
        return False
    if _oversees_team(user, team):
        return True
    return ReviewerNomination.objects.filter(team=team, user=user).exists()


def assignable_teams(user: Any) -> QuerySet[Team]:
    scope = scope_for(user)
    teams = Team.objects.select_related("unit").order_by("name")
    if scope.is_admin:
        return teams
    if scope.user_id is None:
        return teams.none()
    return teams.filter(Q(pk__in=scope.led_team_ids) | scope._under_managed("unit__path"))


def get_reviewable_encounter_or_404(user: Any, pk: int) -> Encounter:
    """An encounter the person sees, or one assigned to them for review."""
    from kohtaamo.encounters.models import Encounter

    scope = scope_for(user)
    encounters = Encounter.objects.filter(
        Q(pk__in=visible_encounters(user).values("pk"))
        | Q(review_assignment__reviewer_id=scope.user_id)
    ).select_related("staff", "team__unit", "customer")
    return get_object_or_404(encounters, pk=pk)


def may_self_review(user: Any, encounter: Encounter) -> bool:
    scope = scope_for(user)
    return scope.user_id is not None and encounter.staff_id == scope.user_id


def may_review_anyone(user: Any) -> bool:
    """Leads, managers and admins write lead reviews (the review pages' links)."""
    scope = scope_for(user)
    return scope.is_admin or bool(scope.led_team_ids) or bool(scope.managed_unit_paths)


def visible_reviews(user: Any) -> QuerySet[Review]:
    from kohtaamo.reviews.models import Review, ReviewKind, ReviewStatus

    scope = scope_for(user)
    reviews = Review.objects.all()
    if scope.is_admin:
        return reviews
    if scope.user_id is None:
        return reviews.none()
    overseen = Q(team_id__in=scope.led_team_ids) | scope._under_managed("team__unit__path")
    assigned = Q(encounter__review_assignment__reviewer_id=scope.user_id, kind=ReviewKind.LEAD)
    return reviews.filter(
        Q(reviewer_id=scope.user_id)
        | assigned
        | Q(reviewee_id=scope.user_id, status=ReviewStatus.FINISHED)
        | (overseen & ~Q(reviewee_id=scope.user_id) & Q(kind=ReviewKind.LEAD))
        | (overseen & Q(kind=ReviewKind.SELF, status=ReviewStatus.FINISHED))
    )


def iqs_reviews(user: Any) -> QuerySet[Review]:
    """The finished lead reviews whose scores count in the IQS this person
    sees: an agent their own, a lead their teams', a manager their units'."""
    from kohtaamo.reviews.models import Review, ReviewKind, ReviewStatus

    scope = scope_for(user)
    reviews = Review.objects.filter(
        kind=ReviewKind.LEAD, status=ReviewStatus.FINISHED, score__isnull=False
    )
    if scope.is_admin:
        return reviews
    if scope.user_id is None:
        return reviews.none()
    return reviews.filter(
        Q(reviewee_id=scope.user_id)
        | Q(team_id__in=scope.led_team_ids)
        | scope._under_managed("team__unit__path")
    )


def may_coach(user: Any, *, agent: Any, team: Team) -> bool:
    """A lead of the team, a manager above it or an admin coaches a member of
    the team, never themselves."""
    from kohtaamo.org.models import TeamMembership

    scope = scope_for(user)
    if scope.user_id is None or agent.pk == scope.user_id or not _oversees_team(user, team):
        return False
    return TeamMembership.objects.filter(team=team, user=agent).exists()


def visible_coaching(user: Any) -> QuerySet[CoachingSession]:
    """The coached person and their coach; the leads and managers of the team."""
    from kohtaamo.reviews.models import CoachingSession

    scope = scope_for(user)
    sessions = CoachingSession.objects.select_related("agent", "lead", "team")
    if scope.is_admin:
        return sessions
    if scope.user_id is None:
        return sessions.none()
    return sessions.filter(
        Q(agent_id=scope.user_id)
        | Q(lead_id=scope.user_id)
        | Q(team_id__in=scope.led_team_ids)
        | scope._under_managed("team__unit__path")
    )


def get_coaching_or_404(user: Any, pk: int) -> CoachingSession:
    return get_object_or_404(visible_coaching(user), pk=pk)


def visible_disputes(user: Any) -> QuerySet[Dispute]:
    from kohtaamo.reviews.models import Dispute

    return Dispute.objects.filter(review__in=visible_reviews(user))


def get_dispute_or_404(user: Any, pk: int) -> Dispute:
    disputes = visible_disputes(user).select_related("review__team__unit", "rating__criterion")
    return get_object_or_404(disputes, pk=pk)


def visible_calibrations(user: Any) -> QuerySet[CalibrationSession]:
    """The facilitator, the session's reviewers, and whoever oversees the team."""
    from kohtaamo.reviews.models import CalibrationSession

    scope = scope_for(user)
    sessions = CalibrationSession.objects.select_related("team__unit", "facilitator")
    if scope.is_admin:
        return sessions
    if scope.user_id is None:
        return sessions.none()
    return sessions.filter(
        Q(facilitator_id=scope.user_id)
        | Q(participants__user_id=scope.user_id)
        | Q(team_id__in=scope.led_team_ids)
        | scope._under_managed("team__unit__path")
    ).distinct()


def is_calibration_participant(user: Any, session: CalibrationSession) -> bool:
    from kohtaamo.reviews.models import CalibrationParticipant

    scope = scope_for(user)
    return (
        scope.user_id is not None
        and CalibrationParticipant.objects.filter(session=session, user_id=scope.user_id).exists()
    )


def get_calibration_or_404(user: Any, pk: int) -> CalibrationSession:
    return get_object_or_404(visible_calibrations(user), pk=pk)


def get_review_or_404(user: Any, pk: int) -> Review:
    reviews = visible_reviews(user).select_related(
        "encounter__staff", "encounter__team__unit", "encounter__customer", "reviewer", "scorecard"
    )
    return get_object_or_404(reviews, pk=pk)
