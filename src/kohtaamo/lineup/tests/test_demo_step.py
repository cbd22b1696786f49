"""The demo's wow stories and line-ups: every team has them, and a re-run
gives the same rows, not double."""

from __future__ import annotations

import pytest

from kohtaamo.demo.loader import demo_load
from kohtaamo.demo.tests.support import SMALL, TODAY
from kohtaamo.feedback.workdays import is_working_day
from kohtaamo.lineup.models import Lineup, StoryStatus, StoryThanks, WowStory
from kohtaamo.lineup.selectors import team_streak
from kohtaamo.org.models import Team

pytestmark = pytest.mark.django_db


def _snapshot() -> list[tuple[object, ...]]:
    stories = WowStory.objects.order_by("team__code", "created_at").values_list(
        "team__code", "told_by__email", "created_at", "text", "status", "criterion__code"
    )
    lineups = Lineup.objects.order_by("team__code", "day").values_list("team__code", "day", "notes")
    return [*stories, *lineups, StoryThanks.objects.count()]


def test_demo_tells_stories_and_holds_line_ups_for_every_team() -> None:
    demo_load(seed=1, scale=SMALL, today=TODAY)
    teams = Team.objects.filter(code__startswith="aurora-")
    for team in teams:
        stories = WowStory.objects.filter(team=team)
        assert stories.filter(status=StoryStatus.APPROVED).count() >= 5, team.code
        assert team_streak(team=team, today=TODAY) >= 4, team.code
    assert WowStory.objects.filter(text__contains="hade").exists()  # some Swedish
    assert WowStory.objects.filter(criterion__isnull=False).count() == WowStory.objects.count()
    assert StoryThanks.objects.exists()
    days = set(Lineup.objects.values_list("day", flat=True))
    assert all(is_working_day(day) and day < TODAY for day in days)


def test_demo_rerun_gives_the_same_stories_and_line_ups() -> None:
    demo_load(seed=1, scale=SMALL, today=TODAY)
    first = _snapshot()
    demo_load(seed=1, scale=SMALL, today=TODAY)
    assert _snapshot() == first
