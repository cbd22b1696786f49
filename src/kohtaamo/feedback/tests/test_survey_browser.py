"""The survey page in a real headless Chromium: a phone, JavaScript off, Finnish."""

from __future__ import annotations

from typing import Any

import pytest

from kohtaamo.feedback.models import FollowUp, InvitationStatus, Response, Survey
from kohtaamo.feedback.services import invitation_create


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_customer_answers_in_finnish_on_a_phone_without_javascript(
    live_server: Any, chromium: Any, encounter: Any
) -> None:
    # given an invitation in Finnish
    survey = Survey.objects.create(name="Asiakaskysely")
    invitation, token = invitation_create(encounter=encounter, survey=survey, language="fi")
    url = f"{live_server.url}/s/{token}/"
    browser = chromium
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        java_script_enabled=False,
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    # when the customer opens the link and answers with taps
    page.goto(url)
    html_lang = page.locator("html").get_attribute("lang")
    nps_legend = page.locator("fieldset.scale-nps legend").inner_text()
    tap_size = page.locator("fieldset.scale-nps label").first.bounding_box()
    page.locator("fieldset.scale-nps").get_by_label("3", exact=True).check()
    page.locator("fieldset.scale-csat").get_by_label("2", exact=True).check()
    # a tap on the box of the number, as a thumb would
    page.locator("fieldset.scale-ces label").filter(has_text="4").tap()
    page.get_by_label("Haluatko kertoa meille vielä jotain?").fill(
        "Jonotin puhelimessa yli puoli tuntia."
    )
    page.locator("input[name=consent_contact]").check()
    page.get_by_role("button").click()
    page.wait_for_load_state()
    heading = page.locator("h1").inner_text()
    # then the page was Finnish and phone-friendly, and the answer is stored
    assert html_lang == "fi"
    assert nps_legend.startswith("Kuinka todennäköisesti suosittelisit")
    assert tap_size is not None
    assert tap_size["width"] >= 44
    assert tap_size["height"] >= 44
    assert heading == "Kiitos vastauksestasi"
    response = Response.objects.get()
    assert (response.nps, response.csat, response.ces) == (3, 2, 4)
    assert response.comment == "Jonotin puhelimessa yli puoli tuntia."
    assert response.consent_contact is True
    assert response.language == "fi"
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ANSWERED
    assert FollowUp.objects.get().response == response


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_survey_fits_a_320_pixel_phone_without_sideways_scrolling(
    live_server: Any, chromium: Any, encounter: Any, language: str
) -> None:
    # given an invitation, opened on the narrowest common phone (WCAG reflow: 320 px)
    survey = Survey.objects.create(name="Asiakaskysely")
    _invitation, token = invitation_create(encounter=encounter, survey=survey, language=language)
    context = chromium.new_context(
        viewport={"width": 320, "height": 640}, java_script_enabled=False, is_mobile=True
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/s/{token}/")
    # then nothing sticks out sideways, and every option stays a comfortable tap
    width = page.evaluate("document.documentElement.scrollWidth")
    boxes = [label.bounding_box() for label in page.locator(".options label").all()]
    assert width <= 320
    assert all(box is not None and box["x"] + box["width"] <= 320 for box in boxes)
    assert min(box["width"] for box in boxes if box) >= 32
    assert min(box["height"] for box in boxes if box) >= 44
