"""The QR survey in a real headless Chromium: a phone, JavaScript off, Finnish."""

from __future__ import annotations

from typing import Any

import pytest

from kohtaamo.feedback.models import PublicResponse, Response, Survey
from kohtaamo.feedback.public import public_survey_create


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_walk_in_customer_answers_the_qr_survey_on_a_phone(
    live_server: Any, chromium: Any, cast: Any
) -> None:
    # given the hotel's QR survey, scanned by a phone that reads Finnish
    survey = Survey.objects.create(name="Vastaanotto")
    public = public_survey_create(unit=cast.hotel, survey=survey, by=cast.manager)
    url = f"{live_server.url}/q/{public.code}/"
    browser = chromium
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        java_script_enabled=False,
        is_mobile=True,
        has_touch=True,
        locale="fi-FI",
    )
    page = context.new_page()
    # when the customer answers with taps
    page.goto(url)
    html_lang = page.locator("html").get_attribute("lang")
    consent_boxes = page.locator("input[name=consent_contact]").count()
    page.locator("fieldset.scale-nps").get_by_label("10", exact=True).check()
    page.locator("fieldset.scale-csat").get_by_label("5", exact=True).check()
    page.locator("fieldset.scale-ces label").filter(has_text="7").tap()
    page.get_by_label("Haluatko kertoa meille vielä jotain?").fill("Vastaanotossa autettiin heti.")
    page.get_by_role("button").click()
    page.wait_for_load_state()
    heading = page.locator("h1").inner_text()
    # then the page was Finnish, asked no consent, and the answer is unverified
    assert html_lang == "fi"
    assert consent_boxes == 0
    assert heading == "Kiitos vastauksestasi"
    stored = PublicResponse.objects.get()
    assert (stored.nps, stored.csat, stored.ces, stored.language) == (10, 5, 7, "fi")
    assert stored.comment == "Vastaanotossa autettiin heti."
    assert Response.objects.count() == 0
