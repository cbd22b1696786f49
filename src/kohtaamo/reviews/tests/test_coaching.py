"""Coaching sessions: links to reviews and points, agreed actions with due
dates, the reminder, who sees what."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from kohtaamo.conftest import Cast
from kohtaamo.reviews.models import CoachingAction, CoachingSession, Criterion
from kohtaamo.reviews.services import coaching_action_done, coaching_create
from kohtaamo.reviews.tests.helpers import finished_review
from kohtaamo.testing.clients import client_for

TODAY = timezone.localdate()


def _session(cast: Cast, encounter: Any, **changes: Any) -> CoachingSession:
    review = encounter.reviews.first() or finished_review(encounter, cast.lead)
    arguments: dict[str, Any] = {
        "by": cast.lead,
        "agent": cast.agent,
        "team": cast.team,
        "held_on": TODAY,
        "notes": "Puhuttiin varmistamisesta.",
        "reviews": [review],
        "focus": [Criterion.objects.get(code="listen-ask-verify")],
        "actions": [
            ("Kysy aina: ymmärsinkö oikein?", TODAY),
            ("Kuuntele kolme puhelua", TODAY + timedelta(days=7)),
        ],
    }
    arguments.update(changes)
    return coaching_create(**arguments)


def test_a_lead_records_a_session_with_reviews_points_and_actions(
    cast: Cast, encounter: Any
) -> None:
    session = _session(cast, encounter)
    assert (session.lead, session.agent, session.notes) == (
        cast.lead,
        cast.agent,
        "Puhuttiin varmistamisesta.",
    )
    assert [c.code for c in session.focus.all()] == ["listen-ask-verify"]
    assert session.reviews.count() == 1
    assert [(a.text, a.due_on) for a in session.actions.all()] == [
        ("Kysy aina: ymmärsinkö oikein?", TODAY),
        ("Kuuntele kolme puhelua", TODAY + timedelta(days=7)),
    ]


def test_both_are_reminded_of_what_is_due_and_either_marks_it_done(
    cast: Cast, encounter: Any
) -> None:
    _session(cast, encounter)
    for person in (cast.agent, cast.lead):
        due = client_for(person).get(reverse("reviews:list")).context["coaching_due"]
        assert [a.text for a in due] == ["Kysy aina: ymmärsinkö oikein?"]
    action = CoachingAction.objects.get(due_on=TODAY)
    response = client_for(cast.agent).post(
        reverse("reviews:coaching_action_done", kwargs={"pk": action.pk})
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.is_done, action.done_by) == (True, cast.agent)
    assert client_for(cast.lead).get(reverse("reviews:list")).context["coaching_due"] == []
    with pytest.raises(ValidationError):
        coaching_action_done(action=action, by=cast.lead)


def test_the_agent_sees_their_history_and_the_lead_the_teams_open_actions(
    cast: Cast, encounter: Any
) -> None:
    session = _session(cast, encounter)
    agent_page = client_for(cast.agent).get(reverse("reviews:coaching")).context
    assert agent_page["sessions"] == [session]
    assert agent_page["form"] is None
    lead_page = client_for(cast.lead).get(reverse("reviews:coaching")).context
    assert [a.text for a in lead_page["open_actions"]] == [
        "Kysy aina: ymmärsinkö oikein?",
        "Kuuntele kolme puhelua",
    ]
    outsider = client_for(cast.outsider_lead)
    assert outsider.get(reverse("reviews:coaching")).context["sessions"] == []
    assert (
        outsider.get(reverse("reviews:coaching_detail", kwargs={"pk": session.pk})).status_code
        == 404
    )


def test_bad_sessions_are_refused_and_nothing_is_saved(
    cast: Cast, encounter: Any, other_encounter: Any
) -> None:
    other_review = finished_review(other_encounter, cast.outsider_lead)
    with pytest.raises(ValidationError):
        _session(cast, encounter, reviews=[other_review])
    with pytest.raises(ValidationError):
        _session(cast, encounter, actions=[("Myöhässä", TODAY - timedelta(days=1))])
    with pytest.raises(ValidationError):
        _session(cast, encounter, actions=[("  ", TODAY)])
    with pytest.raises(PermissionDenied):
        _session(cast, encounter, by=cast.outsider_lead)
    with pytest.raises(PermissionDenied):
        _session(cast, encounter, agent=cast.outsider)
    assert CoachingSession.objects.count() == 0


def test_a_lead_records_a_session_on_the_page(cast: Cast, encounter: Any) -> None:
    review = finished_review(encounter, cast.lead)
    focus = Criterion.objects.get(code="keepable-promises")
    response = client_for(cast.lead).post(
        reverse("reviews:coaching"),
        {
            "team": cast.team.pk,
            "agent": cast.agent.pk,
            "held_on": TODAY.isoformat(),
            "reviews": [review.pk],
            "focus": [focus.pk],
            "notes": "",
            "action_1": "Lupaa soitto vain, kun tiedät ajan",
            "due_1": (TODAY + timedelta(days=3)).isoformat(),
            "action_2": "Ilman päivää",
        },
        headers={"accept-language": "en"},
    )
    # an action without a due date is refused with its message, nothing saved
    assert response.status_code == 400
    assert "Give the action a due date." in response.content.decode()
    assert CoachingSession.objects.count() == 0
    response = client_for(cast.lead).post(
        reverse("reviews:coaching"),
        {
            "team": cast.team.pk,
            "agent": cast.agent.pk,
            "held_on": TODAY.isoformat(),
            "reviews": [review.pk],
            "focus": [focus.pk],
            "action_1": "Lupaa soitto vain, kun tiedät ajan",
            "due_1": (TODAY + timedelta(days=3)).isoformat(),
        },
    )
    assert response.status_code == 302
    session = CoachingSession.objects.get()
    assert [a.text for a in session.actions.all()] == ["Lupaa soitto vain, kun tiedät ajan"]
    assert list(session.reviews.all()) == [review]


def test_an_agent_cannot_record_a_session(cast: Cast) -> None:
    response = client_for(cast.agent).post(reverse("reviews:coaching"), {"team": cast.team.pk})
    assert response.status_code == 403
    assert CoachingSession.objects.count() == 0
