"""The follow-up list in a real headless Chromium on a phone: a lead sees each
open follow-up as a card, the customer's score and words included, without
scrolling sideways."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from kohtaamo.conftest import Cast
from kohtaamo.feedback.models import FollowUp, Survey
from kohtaamo.feedback.services import invitation_create
from kohtaamo.feedback.tests.helpers import answer
from kohtaamo.testing.browser import signed_in_context
from kohtaamo.testing.factories import EncounterFactory

PHONE = {"width": 390, "height": 844}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_lead_reads_an_overdue_follow_up_on_a_phone_without_scrolling_sideways(
    live_server: Any, chromium: Any, cast: Cast
) -> None:
    # given an overdue follow-up of the lead's team, with the customer's comment
    survey = Survey.objects.create(name="Asiakaskysely")
    encounter = EncounterFactory(staff=cast.agent, team=cast.team)
    invitation, _token = invitation_create(encounter=encounter, survey=survey, language="fi")
    comment = "Kukaan ei soittanut takaisin, vaikka niin luvattiin."
    followup = answer(invitation, nps=2, comment=comment).followup
    FollowUp.objects.filter(pk=followup.pk).update(due_at=timezone.now() - timedelta(hours=3))
    context = signed_in_context(
        chromium, live_server, cast.lead, viewport=PHONE, locale="fi-FI", is_mobile=True
    )
    page = context.new_page()
    # when the lead opens the follow-ups in Finnish on a phone
    page.goto(f"{live_server.url}/feedback/followups/")
    row = page.locator("#open-followups tbody tr").first
    cells = row.locator("td")
    labels = [
        cells.nth(i).evaluate("c => getComputedStyle(c, '::before').content")
        for i in range(cells.count())
    ]
    comment_box = cells.filter(has_text=comment).bounding_box()
    page_width = page.evaluate("document.documentElement.scrollWidth")
    header_visible = page.locator("#open-followups thead").bounding_box()
    # then the row is a card: every value named, the comment within the screen
    assert page_width <= PHONE["width"]
    assert comment_box is not None
    assert comment_box["x"] >= 0
    assert comment_box["x"] + comment_box["width"] <= PHONE["width"]
    assert header_visible is not None and header_visible["width"] <= 1
    assert labels == [
        f'"{name}: "'
        for name in ("Määräaika", "Tiimi", "Vastuuhenkilö", "NPS", "CSAT", "Kommentti")
    ], labels
    assert row.locator("strong").first.inner_text() == "Myöhässä"
