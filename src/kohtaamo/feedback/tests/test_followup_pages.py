"""The follow-up pages of leads and managers, and the feedback on the encounter page."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from kohtaamo.conftest import Cast
from kohtaamo.feedback.forms import ERROR_CHOOSE_OUTCOME
from kohtaamo.feedback.models import FollowUp, FollowUpStatus, Invitation, Survey
from kohtaamo.feedback.services import followup_close, invitation_create
from kohtaamo.feedback.tests.helpers import answer
from kohtaamo.testing.clients import client_for
from kohtaamo.testing.factories import EncounterFactory


def _detractor(survey: Survey, cast: Cast, comment: str, *, team: Any = None) -> FollowUp:
    encounter = EncounterFactory(staff=cast.agent, team=team or cast.team)
    invitation, _token = invitation_create(encounter=encounter, survey=survey)
    return answer(invitation, nps=2, comment=comment).followup


def test_lead_sees_open_followups_overdue_first_with_the_comment(
    survey: Survey, cast: Cast
) -> None:
    # given two follow-ups of the lead's team, the second one overdue
    later = _detractor(survey, cast, "Puhelu katkesi kahdesti.")
    overdue = _detractor(survey, cast, "Kukaan ei soittanut takaisin.")
    FollowUp.objects.filter(pk=overdue.pk).update(due_at=timezone.now() - timedelta(hours=1))
    # when the lead opens the list
    response = client_for(cast.lead).get(reverse("feedback:followups"))
    # then the overdue one comes first, with the customer's words
    assert response.status_code == 200
    assert [f.pk for f in response.context["open_followups"]] == [overdue.pk, later.pk]
    html = response.content.decode()
    assert html.index("Kukaan ei soittanut takaisin.") < html.index("Puhelu katkesi kahdesti.")
    assert 'class="overdue"' in html


def test_outsider_lead_sees_no_followups_of_another_unit(survey: Survey, cast: Cast) -> None:
    _detractor(survey, cast, "Huono palvelu.")
    response = client_for(cast.outsider_lead).get(reverse("feedback:followups"))
    assert response.context["open_followups"] == []


def test_agent_may_not_open_the_followup_list(survey: Survey, cast: Cast) -> None:
    assert client_for(cast.agent).get(reverse("feedback:followups")).status_code == 403


def test_lead_closes_a_followup_from_its_page(survey: Survey, cast: Cast) -> None:
    followup = _detractor(survey, cast, "Odotin liian kauan.")
    url = reverse("feedback:followup_detail", kwargs={"pk": followup.pk})
    page = client_for(cast.lead).get(url)
    assert "Odotin liian kauan." in page.content.decode()
    response = client_for(cast.lead).post(
        url, {"outcome": "resolved", "root_cause": "waiting_time", "note": "Soitin asiakkaalle."}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("feedback:followups")
    followup.refresh_from_db()
    assert followup.status == FollowUpStatus.CLOSED
    assert (followup.outcome, followup.root_cause, followup.note) == (
        "resolved",
        "waiting_time",
        "Soitin asiakkaalle.",
    )
    assert followup.closed_by == cast.lead


def test_close_form_without_outcome_shows_a_message_and_changes_nothing(
    survey: Survey, cast: Cast
) -> None:
    followup = _detractor(survey, cast, "Odotin liian kauan.")
    url = reverse("feedback:followup_detail", kwargs={"pk": followup.pk})
    response = client_for(cast.lead).post(url, {"outcome": "", "root_cause": "other"})
    assert response.status_code == 400
    with translation.override("fi"):
        assert str(ERROR_CHOOSE_OUTCOME) in response.content.decode()
    followup.refresh_from_db()
    assert followup.status == FollowUpStatus.OPEN


def test_outsider_lead_cannot_close_someone_elses_followup(survey: Survey, cast: Cast) -> None:
    followup = _detractor(survey, cast, "Odotin liian kauan.")
    url = reverse("feedback:followup_detail", kwargs={"pk": followup.pk})
    response = client_for(cast.outsider_lead).post(
        url, {"outcome": "resolved", "root_cause": "other"}
    )
    assert response.status_code == 404
    followup.refresh_from_db()
    assert followup.status == FollowUpStatus.OPEN


def test_comment_with_html_is_shown_escaped(survey: Survey, cast: Cast) -> None:
    followup = _detractor(survey, cast, '<script>alert("x")</script><b>huono</b>')
    pages = [
        client_for(cast.lead).get(reverse("feedback:followups")),
        client_for(cast.lead).get(reverse("feedback:followup_detail", kwargs={"pk": followup.pk})),
        client_for(cast.agent).get(
            reverse("encounters:detail", kwargs={"pk": followup.encounter_id})
        ),
    ]
    for page in pages:
        html = page.content.decode()
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;huono&lt;/b&gt;" in html
        assert "<b>huono</b>" not in html


# --- The feedback on the encounter page ---------------------------------------------


@pytest.mark.parametrize("role", ["agent", "lead", "manager", "admin"])
def test_staff_see_the_answer_on_encounters_they_may_see(
    invited: tuple[Invitation, str], cast: Cast, role: str
) -> None:
    invitation, _token = invited
    answer(invitation, nps=8, csat=4, ces=5, comment="Asia hoitui nopeasti.")
    url = reverse("encounters:detail", kwargs={"pk": invitation.encounter_id})
    html = client_for(getattr(cast, role)).get(url).content.decode()
    assert 'id="encounter-feedback"' in html
    assert "Asia hoitui nopeasti." in html


def test_encounter_page_without_an_answer_shows_no_feedback(
    invited: tuple[Invitation, str], cast: Cast
) -> None:
    invitation, _token = invited
    url = reverse("encounters:detail", kwargs={"pk": invitation.encounter_id})
    assert 'id="encounter-feedback"' not in client_for(cast.agent).get(url).content.decode()


def test_nav_shows_followups_to_leads_managers_and_admins_only(cast: Cast) -> None:
    url = reverse("feedback:followups")
    for role in ("lead", "manager", "admin"):
        nav = client_for(getattr(cast, role)).get(reverse("core:home")).context["nav_items"]
        assert url in [item.url for item in nav], role
    nav = client_for(cast.agent).get(reverse("core:home")).context["nav_items"]
    assert url not in [item.url for item in nav]


def test_followup_list_queries_do_not_grow_with_the_rows(survey: Survey, cast: Cast) -> None:
    def queries_for_list() -> int:
        client = client_for(cast.manager)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("feedback:followups")).status_code == 200
        return len(captured)

    first = _detractor(survey, cast, "Yksi.")
    followup_close(followup=first, outcome="resolved", root_cause="other", note="", by=cast.lead)
    _detractor(survey, cast, "Kaksi.")
    few = queries_for_list()
    for n in range(5):
        closed = _detractor(survey, cast, f"Lisää {n}.")
        followup_close(followup=closed, outcome="other", root_cause="other", note="", by=cast.lead)
        _detractor(survey, cast, f"Avoin {n}.")
    assert queries_for_list() == few


def test_manager_above_sees_the_leads_overdue_followup_flagged(survey: Survey, cast: Cast) -> None:
    followup = _detractor(survey, cast, "Kukaan ei soittanut.")
    FollowUp.objects.filter(pk=followup.pk).update(due_at=timezone.now() - timedelta(days=1))
    response = client_for(cast.manager).get(reverse("feedback:followups"))
    assert [f.pk for f in response.context["open_followups"]] == [followup.pk]
    assert [f.assignee for f in response.context["open_followups"]] == [cast.lead]
    assert 'class="overdue"' in response.content.decode()
