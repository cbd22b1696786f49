"""The review page in a real headless Chromium: rating by keyboard alone, on a
desk and on a phone, under the site's Content Security Policy."""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps

from kohtaamo.conftest import Cast
from kohtaamo.reviews.models import Criterion, Review, ReviewRating, ReviewStatus
from kohtaamo.reviews.services import default_scorecard_install
from kohtaamo.testing.browser import signed_in_context
from kohtaamo.testing.factories import TurnFactory


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}]
)
def test_a_lead_rates_by_keyboard_and_finishes_the_review(
    live_server: Any, chromium: Any, cast: Cast, encounter: Any, viewport: dict[str, int]
) -> None:
    # A transactional test starts without the checklist that migration 0002 installs.
    default_scorecard_install(apps=apps)
    for position in range(1, 41):
        TurnFactory(
            encounter=encounter, position=position, text=f"Vuoro {position}: " + "sana " * 30
        )
    genuine = Criterion.objects.get(code="genuine-will")
    url = f"{live_server.url}/reviews/encounters/{encounter.pk}/review/"
    browser = chromium
    context = signed_in_context(browser, live_server, cast.lead, viewport=viewport, locale="en-GB")
    page = context.new_page()
    csp_errors: list[str] = []
    page.on(
        "console",
        lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto(url)
    # when the lead rates "genuine will" with the keyboard only: focus
    # the group, Space picks 1, three arrow presses move to 4
    page.locator(f"input[name=rating-{genuine.pk}]").first.focus()
    page.keyboard.press("Space")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    checked = page.locator(f"input[name=rating-{genuine.pk}]:checked").get_attribute("value")
    # and every other point with its top value
    for criterion in Criterion.objects.exclude(pk=genuine.pk):
        top = "2" if criterion.scale == "yes_no" else str(criterion.scale_top)
        page.locator(f"input[name=rating-{criterion.pk}][value='{top}']").check()
    overflow = page.evaluate(
        "document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"
    )
    page.get_by_role("button", name="Finish review").click()
    page.wait_for_load_state()
    heading = page.locator("h1").inner_text()
    # then the value came from the arrows, nothing spills sideways, no CSP error
    assert checked == "4"
    assert overflow == 0
    assert csp_errors == []
    assert heading.startswith("Lead review")
    review = Review.objects.get()
    assert review.status == ReviewStatus.FINISHED
    assert ReviewRating.objects.get(review=review, criterion=genuine).value == 4
    # 4/5 at weight 2 counts 0.75: 100 · (15 − 0.5) / 15
    assert review.score == pytest.approx(100 * 14.5 / 15)
