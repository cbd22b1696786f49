"""The team's line-up page: the six sections, the lead's notes, marking it
held, and that refused requests change nothing."""

from __future__ import annotations

import math
from datetime import datetime, time, timedelta
from html import escape
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from kohtaamo.conftest import Cast
from kohtaamo.feedback.models import FollowUp, Response
from kohtaamo.feedback.workdays import is_working_day
from kohtaamo.lineup.models import Lineup, LineupStatus, WowStory
from kohtaamo.lineup.services import (
    ERROR_ATTENDEE_NOT_IN_TEAM,
    ERROR_FUTURE_LINEUP,
    ERROR_NOT_YOUR_LINEUP,
    lineup_mark_held,
    story_tell,
)
from kohtaamo.lineup.streaks import previous_working_day
from kohtaamo.lineup.tests.helpers import answered
from kohtaamo.reviews.models import Review, ReviewKind
from kohtaamo.reviews.tests.helpers import TOP, finished_review
from kohtaamo.testing.clients import client_for
from kohtaamo.testing.factories import EncounterFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

SECTIONS = (
    "section-stories",
    "section-checklist",
    "section-results",
    "section-followups",
    "section-promises",
    "section-notes",
)


def _fi(message: object) -> str:
    with translation.override("fi"):
        return escape(str(message))


def _url(cast: Cast, name: str = "lineup:team_lineup") -> str:
    return reverse(name, kwargs={"pk": cast.team.pk})


def _at_noon(day: Any) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


def test_lineup_page_has_the_six_sections_with_their_minutes(cast: Cast) -> None:
    response = client_for(cast.agent).get(_url(cast))
    html = response.content.decode()
    assert response.status_code == 200
    positions = [html.index(f'id="{section}"') for section in SECTIONS]
    assert positions == sorted(positions)
    assert sum(response.context["agenda"].values()) == 15
    assert 'id="lineup-timer"' in html


def test_stories_since_the_last_line_up_up_to_three_newest_first(cast: Cast) -> None:
    today = timezone.localdate()
    old = story_tell(by=cast.lead, team=cast.team, text="Vanha tarina.", heroes=[cast.agent])
    WowStory.objects.filter(pk=old.pk).update(approved_at=timezone.now() - timedelta(days=3))
    lineup = lineup_mark_held(
        team=cast.team, day=today - timedelta(days=1), attendees=[cast.agent], by=cast.lead
    )
    Lineup.objects.filter(pk=lineup.pk).update(held_at=timezone.now() - timedelta(days=1))
    new = []
    for i in range(4):
        story = story_tell(by=cast.lead, team=cast.team, text=f"Uusi {i}.", heroes=[cast.agent])
        WowStory.objects.filter(pk=story.pk).update(
            created_at=timezone.now() - timedelta(minutes=10 - i)
        )
        new.append(story.pk)
    response = client_for(cast.agent).get(_url(cast), {"day": today.isoformat()})
    assert [c.story.pk for c in response.context["page"].stories] == [new[3], new[2], new[1]]


def test_yesterdays_results_carry_n_interval_and_the_few_answers_flag(cast: Cast) -> None:
    # given five answers on the previous working day: 3 promoters, 1 passive, 1 detractor
    today = timezone.localdate()
    for nps in (10, 9, 9, 7, 3):
        answered(staff=cast.agent, team=cast.team, nps=nps, csat=5 if nps > 6 else 1)
    Response.objects.update(answered_at=_at_noon(previous_working_day(today)))
    # and one today, which is not yesterday's
    answered(staff=cast.agent, team=cast.team, nps=0)
    response = client_for(cast.lead).get(_url(cast), {"day": today.isoformat()})
    results = response.context["page"].results
    # then NPS = (3 − 1) / 5 × 100, and Rocks's interval computed here by hand
    n_adj = 5 + 3
    p_pro, p_det = (3 + 0.75) / n_adj, (1 + 0.75) / n_adj
    half = 1.959964 * math.sqrt((p_pro + p_det - (p_pro - p_det) ** 2) / n_adj)
    assert results.answers == 5
    assert results.nps.n == 5
    assert results.nps.score == 40.0
    assert results.nps.ci_low == pytest.approx(100 * (p_pro - p_det - half), abs=0.01)
    assert results.nps.ci_high == pytest.approx(100 * (p_pro - p_det + half), abs=0.01)
    assert results.nps.few_answers is True
    assert (results.csat.n, results.csat.satisfied, results.csat.score) == (5, 4, 80.0)
    html = response.content.decode()
    assert 'class="estimate few"' in html
    assert "badge warn" in html


def test_yesterdays_results_show_the_review_score_of_finished_lead_reviews(cast: Cast) -> None:
    # given two lead reviews finished on the previous working day, one of them
    # failing honesty (the critical point), and a self-review that IQS leaves out
    today = timezone.localdate()
    good = finished_review(EncounterFactory(staff=cast.agent, team=cast.team), cast.lead)
    failed = finished_review(
        EncounterFactory(staff=cast.agent, team=cast.team),
        cast.lead,
        values={**TOP, "honesty": 1},
    )
    finished_review(
        EncounterFactory(staff=cast.agent, team=cast.team), cast.agent, kind=ReviewKind.SELF
    )
    Review.objects.update(finished_at=_at_noon(previous_working_day(today)))

    response = client_for(cast.lead).get(_url(cast), {"day": today.isoformat()})

    # then the mean of 100 and 0 is 50, from two reviews, flagged as few
    reviews = response.context["page"].results.reviews
    assert (good.score, failed.score) == (100.0, 0.0)
    assert (reviews.iqs.n, reviews.iqs.mean, reviews.critical_failed) == (2, 50.0, 1)
    assert reviews.iqs.few_reviews is True
    html = response.content.decode()
    assert 'id="results-reviews"' in html


def test_no_review_finished_says_so(cast: Cast) -> None:
    response = client_for(cast.lead).get(_url(cast))
    assert response.context["page"].results.reviews is None
    assert 'id="results-reviews"' not in response.content.decode()


def test_followups_waiting_are_listed_overdue_first(cast: Cast) -> None:
    later = answered(staff=cast.agent, team=cast.team, nps=2).followup
    overdue = answered(staff=cast.agent, team=cast.team, nps=1).followup
    FollowUp.objects.filter(pk=overdue.pk).update(due_at=timezone.now() - timedelta(hours=2))
    page = client_for(cast.lead).get(_url(cast)).context["page"]
    assert [row.followup.pk for row in page.followups] == [overdue.pk, later.pk]
    assert [row.is_overdue for row in page.followups] == [True, False]
    assert (page.followups_waiting, page.followups_overdue) == (2, 1)


def test_promises_section_says_what_will_appear_there(cast: Cast) -> None:
    html = client_for(cast.lead).get(_url(cast)).content.decode()
    section = html[html.index('id="section-promises"') : html.index('id="section-notes"')]
    assert 'class="empty"' in section


def test_lead_writes_the_notes_and_the_team_reads_them(cast: Cast) -> None:
    day = timezone.localdate()
    response = client_for(cast.lead).post(
        _url(cast, "lineup:team_notes"), {"day": day.isoformat(), "notes": "Muistakaa <kiittää>."}
    )
    assert response.status_code == 302
    assert Lineup.objects.get(team=cast.team, day=day).notes == "Muistakaa <kiittää>."
    html = client_for(cast.agent).get(_url(cast)).content.decode()
    assert "Muistakaa &lt;kiittää&gt;." in html


def test_agent_cannot_write_the_notes_and_nothing_changes(cast: Cast) -> None:
    response = client_for(cast.agent).post(_url(cast, "lineup:team_notes"), {"notes": "Minun."})
    assert response.status_code == 403
    assert _fi(ERROR_NOT_YOUR_LINEUP) in response.content.decode()
    assert Lineup.objects.count() == 0


def test_lead_of_another_team_gets_not_found_and_nothing_changes(cast: Cast) -> None:
    client = client_for(cast.outsider_lead)
    assert client.get(_url(cast)).status_code == 404
    assert client.post(_url(cast, "lineup:team_notes"), {"notes": "x"}).status_code == 404
    held = client.post(_url(cast, "lineup:team_held"), {"attendees": [cast.outsider.pk]})
    assert held.status_code == 404
    assert Lineup.objects.count() == 0


def test_lead_marks_it_held_with_who_attended_and_the_streak_grows(cast: Cast) -> None:
    # The last working day up to today: a line-up held on a day off neither
    # breaks nor adds to the streak (test_streaks), and the suite runs on
    # weekends and holidays too.
    today = timezone.localdate()
    day = today if is_working_day(today) else previous_working_day(today)
    response = client_for(cast.lead).post(
        _url(cast, "lineup:team_held"),
        {"day": day.isoformat(), "attendees": [cast.agent.pk, cast.lead.pk]},
    )
    assert response.status_code == 302
    lineup = Lineup.objects.get(team=cast.team, day=day)
    assert lineup.status == LineupStatus.HELD
    assert set(lineup.attendees.all()) == {cast.agent, cast.lead}
    page = client_for(cast.agent).get(_url(cast)).context["page"]
    assert page.streak == 1
    assert [held.day for held in page.history] == [day]


def test_attendee_from_another_team_is_refused(cast: Cast) -> None:
    response = client_for(cast.lead).post(
        _url(cast, "lineup:team_held"), {"attendees": [cast.agent.pk, cast.outsider.pk]}
    )
    assert response.status_code == 400
    assert Lineup.objects.count() == 0
    with pytest.raises(Exception) as refused:
        lineup_mark_held(
            team=cast.team, day=timezone.localdate(), attendees=[cast.outsider], by=cast.lead
        )
    assert refused.value.messages == [str(ERROR_ATTENDEE_NOT_IN_TEAM)]  # type: ignore[attr-defined]


def test_a_bad_day_is_a_message_not_an_error(cast: Cast) -> None:
    response = client_for(cast.lead).get(_url(cast), {"day": "31.02.2026"})
    assert response.status_code == 400
    assert response.context["page"].day == timezone.localdate()


def test_print_view_has_every_section_and_no_forms(cast: Cast) -> None:
    html = client_for(cast.lead).get(_url(cast, "lineup:team_print")).content.decode()
    for section in SECTIONS:
        assert f'id="{section}"' in html
    assert "<form" not in html
    assert "lineup/print.css" in html


def _big_team(cast: Cast, people: int) -> None:
    for i in range(people):
        member = UserFactory()
        MembershipFactory(user=member, team=cast.team)
        story_tell(by=cast.lead, team=cast.team, text=f"Tarina {i}.", heroes=[member, cast.agent])
        answered(staff=member, team=cast.team, nps=i % 11, comment="Hyvä." if i % 2 else "")
        lineup_mark_held(
            team=cast.team,
            day=timezone.localdate() - timedelta(days=i + 1),
            attendees=[member, cast.agent],
            by=cast.lead,
        )


def _queries(cast: Cast) -> int:
    client = client_for(cast.lead)
    client.get(_url(cast))  # the session and the scope are read once
    with CaptureQueriesContext(connection) as captured:
        assert client.get(_url(cast)).status_code == 200
    return len(captured)


def test_lineup_page_queries_do_not_grow_with_the_team(cast: Cast) -> None:
    _big_team(cast, 2)
    small = _queries(cast)
    _big_team(cast, 12)
    assert _queries(cast) == small
    # the session, the user and their scope, then a fixed query or two per
    # section, the members, the history, the settings and the candidates
    assert small == 20


def test_a_line_up_of_a_future_day_cannot_be_marked_held(cast: Cast) -> None:
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client_for(cast.lead).post(
        _url(cast, "lineup:team_held"), {"day": tomorrow.isoformat(), "attendees": [cast.agent.pk]}
    )
    assert response.status_code == 400
    assert _fi(ERROR_FUTURE_LINEUP) in response.content.decode()
    assert Lineup.objects.count() == 0


@pytest.mark.parametrize("role", ["agent", "lead", "manager", "admin"])
def test_every_signed_in_role_finds_the_line_up_and_the_stories_in_the_navigation(
    cast: Cast, role: str
) -> None:
    nav = client_for(getattr(cast, role)).get(reverse("core:home")).context["nav_items"]
    urls = [item.url for item in nav]
    assert reverse("lineup:teams") in urls
    assert reverse("lineup:stories") in urls


def test_lead_switches_auto_approval_on_and_an_agent_cannot(cast: Cast) -> None:
    from kohtaamo.lineup.models import TeamLineupSettings

    url = _url(cast, "lineup:team_settings")
    refused = client_for(cast.agent).post(url, {"auto_approve_stories": "on"})
    assert refused.status_code == 403
    assert TeamLineupSettings.objects.count() == 0
    assert client_for(cast.lead).post(url, {"auto_approve_stories": "on"}).status_code == 302
    assert TeamLineupSettings.objects.get(team=cast.team).auto_approve_stories is True
    story = story_tell(by=cast.agent, team=cast.team, text="Heti linjalle.", heroes=[cast.lead])
    assert story.status == "approved"
    client_for(cast.lead).post(url, {})
    assert TeamLineupSettings.objects.get(team=cast.team).auto_approve_stories is False
