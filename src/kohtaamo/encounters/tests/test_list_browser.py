"""The encounter list in a real headless Chromium: on a phone each encounter
is a short card that fits the screen; on a desk it stays a table."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from kohtaamo.conftest import Cast
from kohtaamo.testing.browser import signed_in_context
from kohtaamo.testing.factories import CustomerFactory, EncounterFactory

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1280, "height": 800}


def _encounters(cast: Cast) -> None:
    customer = CustomerFactory(name="Ritva Rantanen-Kärkkäinen")
    EncounterFactory(
        staff=cast.agent,
        team=cast.team,
        customer=customer,
        topic="Huoneen siivous unohtui kahtena päivänä peräkkäin",
        has_transcript=True,
        started_at=timezone.now() - timedelta(hours=1),
    )
    EncounterFactory(
        staff=cast.agent,
        team=cast.team,
        customer=None,
        topic="",
        started_at=timezone.now() - timedelta(hours=3),
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_lead_reads_the_encounters_as_cards_on_a_phone(
    live_server: Any, chromium: Any, cast: Cast
) -> None:
    # given two encounters of the lead's team, one with a transcript
    _encounters(cast)
    context = signed_in_context(
        chromium, live_server, cast.lead, viewport=PHONE, locale="fi-FI", is_mobile=True
    )
    page = context.new_page()
    # when the lead opens the encounter list in Finnish on a phone
    page.goto(f"{live_server.url}/encounters/")
    rows = page.locator("#encounter-list tbody tr")
    first = rows.first
    shown = first.locator("td:visible")
    labels = [
        shown.nth(i).evaluate("c => getComputedStyle(c, '::before').content")
        for i in range(shown.count())
    ]
    card = first.bounding_box()
    # then each encounter is a card within the screen, its values named
    assert rows.count() == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert card is not None and card["width"] <= PHONE["width"]
    assert page.locator("#encounter-list thead").bounding_box()["width"] <= 1
    assert labels[:2] == ["none", "none"]  # the time and the channel lead the card
    assert labels[2:] == [
        f'"{name}: "' for name in ("Työntekijä", "Tiimi", "Asiakas", "Aihe", "Kesto", "Litteraatti")
    ], labels
    # short values share a line: seven values of a card in three lines or so
    second = rows.nth(1)
    assert second.locator("td:visible").count() == 7  # no word of a transcript
    assert second.bounding_box()["height"] < 150  # a line a value: about 200 px


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_on_a_desk_the_encounters_stay_a_table(live_server: Any, chromium: Any, cast: Cast) -> None:
    _encounters(cast)
    context = signed_in_context(chromium, live_server, cast.lead, viewport=DESK, locale="fi-FI")
    page = context.new_page()

    page.goto(f"{live_server.url}/encounters/")

    header = page.locator("#encounter-list thead").bounding_box()
    display = page.locator("#encounter-list tbody tr").first.evaluate(
        "r => getComputedStyle(r).display"
    )
    assert header is not None and header["height"] > 10
    assert display == "table-row"
