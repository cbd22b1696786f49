"""Who may see and do what with wow stories and line-ups (issue 6).

- Everyone in a team sees the team's line-up, its approved stories and its
  history; managers see the teams under their units; admins everything.
- The team's leads, the managers above it and admins *run* the line-up:
  approve stories, turn promoter answers into stories, write the notes, mark
  it held and hand out or revoke wall-screen links.
- A story waiting for approval is seen by its teller, its heroes and whoever
  runs the team's line-up.
- Anyone signed in may tell a story for a team they belong to (or run).

Someone else's object is a 404, as in `access`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from kohtaamo.org.access import scope_for, visible_people, visible_teams
from kohtaamo.org.models import Team

if TYPE_CHECKING:
    from kohtaamo.lineup.models import WowStory


def lineup_team_ids(user: Any) -> frozenset[int] | None:
    """The teams whose line-up this person runs: None means every team."""
    scope = scope_for(user)
    if scope.is_admin:
        return None
    if scope.user_id is None:
        return frozenset()
    ids = set(scope.led_team_ids)
    if scope.managed_unit_paths:
        under = Team.objects.filter(scope._under_managed("unit__path"))
        ids.update(under.values_list("pk", flat=True))
    return frozenset(ids)


def may_run_lineup(user: Any, team: Team) -> bool:
    ids = lineup_team_ids(user)
    return ids is None or team.pk in ids


def can_run_any_lineup(user: Any) -> bool:
    ids = lineup_team_ids(user)
    return ids is None or bool(ids)


def get_lineup_team_or_404(user: Any, pk: int) -> Team:
    """A team whose line-up the person may look at (members, managers, admins)."""
    return get_object_or_404(visible_teams(user), pk=pk)


def story_teams(user: Any) -> QuerySet[Team]:
    """The teams a person may tell a story for: their own and those they run."""
    return visible_teams(user)


def visible_stories(user: Any) -> QuerySet[WowStory]:
    from kohtaamo.lineup.models import StoryStatus, WowStory

    scope = scope_for(user)
    stories = WowStory.objects.all()
    if scope.is_admin:
        return stories
    if scope.user_id is None:
        return stories.none()
    run_rule = Q(team_id__in=scope.led_team_ids) | scope._under_managed("team__unit__path")
    own_rule = Q(told_by_id=scope.user_id) | Q(hero_rows__person_id=scope.user_id)
    approved_in_team = Q(status=StoryStatus.APPROVED, team_id__in=scope.member_team_ids)
    return stories.filter(
        pk__in=WowStory.objects.filter(run_rule | own_rule | approved_in_team).values("pk")
    )


def get_story_or_404(user: Any, pk: int) -> WowStory:
    stories = visible_stories(user).select_related("team__unit", "told_by", "customer")
    return get_object_or_404(stories, pk=pk)


def may_approve_story(user: Any, story: WowStory) -> bool:
    return may_run_lineup(user, story.team)


def visible_story_people(user: Any) -> QuerySet[Any]:
    """Whose story page a person may open: anyone they may look up, and the
    colleagues of their own teams (a story page is something to share)."""
    from django.contrib.auth import get_user_model

    scope = scope_for(user)
    people = get_user_model().objects.filter(is_active=True)
    if scope.user_id is None:
        return people.none()
    colleagues = people.filter(team_memberships__team_id__in=scope.member_team_ids)
    return people.filter(
        Q(pk__in=visible_people(user).values("pk")) | Q(pk__in=colleagues.values("pk"))
    )


def get_story_person_or_404(user: Any, pk: int) -> Any:
    return get_object_or_404(visible_story_people(user), pk=pk)
