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


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_going_back_after_answering_shows_the_thanks_and_stores_nothing_twice(
    live_server: Any, chromium: Any, cast: Any
) -> None:
    # given a hotel's QR survey on a tablet at the desk, without JavaScript
    survey = Survey.objects.create(name="Vastaanotto")
    public = public_survey_create(unit=cast.hotel, survey=survey, by=cast.manager)
    context = chromium.new_context(
        viewport={"width": 390, "height": 844}, java_script_enabled=False, locale="fi-FI"
    )
    page = context.new_page()

    def answer(comment: str) -> None:
        for scale, value in (("nps", "3"), ("csat", "2"), ("ces", "2")):
            page.locator(f"fieldset.scale-{scale}").get_by_label(value, exact=True).check()
        page.get_by_label("Haluatko kertoa meille vielä jotain?").fill(comment)
        page.get_by_role("button").click()
        page.wait_for_load_state()

    def heading() -> str:
        return str(page.locator("h1").inner_text())

    page.goto(f"{live_server.url}/q/{public.code}/")
    # when a customer answers and goes back (the browser fetches the form anew)
    answer("Jonotin puoli tuntia.")
    page.go_back()
    back_once = heading(), page.locator("form").count(), PublicResponse.objects.count()
    # and the next customer asks for the form and answers, and goes back too
    page.get_by_role("link", name="Anna uusi vastaus").click()
    form_again = page.locator("form").count()
    answer("Huone oli kylmä.")
    page.go_back()
    back_twice = heading(), page.locator("form").count()
    # then going back shows the thanks, not a form to send again
    assert back_once == ("Kiitos vastauksestasi", 0, 1)
    assert form_again == 1
    assert back_twice == ("Kiitos vastauksestasi", 0)
    comments = sorted(PublicResponse.objects.values_list("comment", flat=True))
    assert comments == ["Huone oli kylmä.", "Jonotin puoli tuntia."]
