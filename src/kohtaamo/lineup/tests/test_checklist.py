"""The checklist point of the day: the organisation-wide rotation through the
active default scorecard, one point per working day."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from kohtaamo.conftest import Cast
from kohtaamo.lineup.checklist import point_of_day, rotation_index, working_days_since_epoch
from kohtaamo.lineup.models import WowStory
from kohtaamo.reviews.models import Criterion, Scorecard
from kohtaamo.reviews.selectors import default_checklist_criteria
from kohtaamo.testing.clients import client_for

pytestmark = pytest.mark.django_db


def test_working_days_are_counted_from_the_epoch_skipping_holidays() -> None:
    # 1.1.2024 is New Year's Day; 6.1.2024, Epiphany, is a Saturday.
    assert working_days_since_epoch(date(2024, 1, 1)) == 0
    assert working_days_since_epoch(date(2024, 1, 2)) == 1
    assert working_days_since_epoch(date(2024, 1, 5)) == 4
    assert working_days_since_epoch(date(2024, 1, 7)) == 4
    assert working_days_since_epoch(date(2024, 1, 8)) == 5


def test_rotation_moves_one_point_per_working_day_and_wraps() -> None:
    assert [rotation_index(date(2024, 1, d), 3) for d in (2, 3, 4, 5, 6, 7, 8)] == [
        0, 1, 2, 0, 0, 0, 1,
    ]  # fmt: skip


def test_point_of_the_day_comes_from_the_active_default_scorecard() -> None:
    criteria = default_checklist_criteria()
    assert len(criteria) > 5
    day = date(2026, 12, 1)
    expected = criteria[(working_days_since_epoch(day) - 1) % len(criteria)]
    with translation.override("fi"):
        point = point_of_day(day)
    assert point is not None
    assert point.criterion == expected
    assert (point.name, point.guidance, point.question) == (
        expected.name_fi,
        expected.guidance_fi,
        expected.question_fi,
    )
    assert (point.number, point.of) == (criteria.index(expected) + 1, len(criteria))


def test_without_an_active_scorecard_there_is_no_point() -> None:
    Scorecard.objects.update(is_active=False)
    assert point_of_day(date(2026, 12, 1)) is None


def test_every_team_discusses_the_same_point_on_the_same_day(cast: Cast) -> None:
    day = "2026-12-01"
    mine = client_for(cast.lead).get(
        reverse("lineup:team_lineup", kwargs={"pk": cast.team.pk}), {"day": day}
    )
    theirs = client_for(cast.outsider_lead).get(
        reverse("lineup:team_lineup", kwargs={"pk": cast.other_team.pk}), {"day": day}
    )
    point = mine.context["page"].checklist
    assert point.criterion == theirs.context["page"].checklist.criterion
    html = mine.content.decode()
    assert point.name in html
    assert point.question in html


def test_a_story_names_the_checklist_point_it_shows(cast: Cast) -> None:
    criterion = Criterion.objects.filter(scorecard__is_active=True).order_by("position").first()
    assert criterion is not None
    response = client_for(cast.agent).post(
        reverse("lineup:story_new"),
        {
            "team": cast.team.pk,
            "text": "Aino kysyi ja varmisti ennen kuin lupasi.",
            "heroes": [cast.agent.pk],
            "criterion": criterion.pk,
        },
    )
    assert response.status_code == 302
    story = WowStory.objects.get()
    assert story.criterion == criterion
    with translation.override("fi"):
        html = (
            client_for(cast.agent)
            .get(reverse("lineup:story_detail", kwargs={"pk": story.pk}))
            .content.decode()
        )
    assert criterion.name_fi in html
