"""The line-up and its wall screen in a real headless Chromium at 1920×1080."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from kohtaamo.conftest import Cast
from kohtaamo.lineup.services import story_tell
from kohtaamo.lineup.tests.helpers import answered
from kohtaamo.testing.browser import signed_in_context
from kohtaamo.testing.factories import CustomerFactory, EncounterFactory

SECTIONS = ("stories", "checklist", "results", "followups", "promises", "notes")
FULL_NAME, EMAIL, PHONE = "Maija Virtanen", "maija.virtanen@example.com", "+358401234567"


def _artifacts() -> Path:
    folder = Path(os.environ.get("KOHTAAMO_TEST_ARTIFACTS") or tempfile.mkdtemp(prefix="kohtaamo-"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _assert_no_customer_details(page: Any) -> None:
    text = page.inner_text("body")
    html = page.content()
    for detail in (FULL_NAME, EMAIL, PHONE, "Virtanen"):
        assert detail not in text, detail
        assert detail not in html, detail


def _assert_every_section_visible(page: Any) -> None:
    for section in SECTIONS:
        assert page.locator(f"#section-{section}").is_visible(), section


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_lead_opens_the_lineup_and_the_wall_screen_then_revokes_the_link(
    live_server: Any, chromium: Any, cast: Cast
) -> None:
    # given a story about a named customer and an unhappy answer from them
    customer = CustomerFactory(name=FULL_NAME, email=EMAIL, phone=PHONE)
    encounter = EncounterFactory(staff=cast.agent, team=cast.team, customer=customer)
    story_tell(
        by=cast.lead,
        team=cast.team,
        text=f"{FULL_NAME} ({EMAIL}, {PHONE}) unohti lompakkonsa, ja Aino ajoi sen perään.",
        heroes=[cast.agent],
        encounter=encounter,
    )
    answered(
        staff=cast.agent, team=cast.team, nps=3, customer=customer, comment=f"Soittakaa {PHONE}"
    )
    # and a busy day: two more long stories and eight follow-ups in all
    for _ in range(2):
        story_tell(by=cast.lead, team=cast.team, text="Pitkä tarina. " * 60, heroes=[cast.agent])
    for _ in range(7):
        answered(staff=cast.agent, team=cast.team, nps=1)
    folder = _artifacts()
    browser = chromium
    viewport = {"width": 1920, "height": 1080}
    lead = signed_in_context(browser, live_server, cast.lead, viewport=viewport, locale="fi-FI")
    page = lead.new_page()
    errors: list[str] = []
    # Anything the Content Security Policy blocks shows up here.
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    # when the lead opens the line-up and starts the timer
    page.goto(f"{live_server.url}/lineup/teams/{cast.team.pk}/")
    _assert_every_section_visible(page)
    _assert_no_customer_details(page)
    page.locator("#lineup-timer-start").click()
    expect(page.locator("#lineup-clock")).not_to_have_text("15:00", timeout=5000)
    assert page.locator("#section-stories.current").count() == 1
    page.screenshot(path=str(folder / "lineup-page.png"), full_page=True)
    # and hands out a wall-screen link
    page.get_by_role("link", name="Wall-screen links").or_(
        page.locator(f"a[href='/lineup/teams/{cast.team.pk}/wall-links/']")
    ).first.click()
    page.locator("form:not([action]) button.primary").click()
    wall_url = page.locator("#new-wall-link code").inner_text().strip()
    # then the wall screen opens with no login, large, with every section
    wall_context = browser.new_context(viewport=viewport, locale="fi-FI")
    wall = wall_context.new_page()
    answer = wall.goto(wall_url)
    assert answer is not None and answer.status == 200
    _assert_every_section_visible(wall)
    _assert_no_customer_details(wall)
    assert "M. V." in wall.inner_text("#section-stories")
    heading_size = wall.eval_on_selector(
        ".wall-head h1", "e => parseFloat(getComputedStyle(e).fontSize)"
    )
    story_size = wall.eval_on_selector(
        "#section-stories .story-text", "e => parseFloat(getComputedStyle(e).fontSize)"
    )
    # Read from across a room: body text twice a desk page's, headings larger.
    assert heading_size >= 40
    assert story_size >= 22
    # The whole line-up fits the screen: nobody scrolls a wall.
    assert wall.evaluate("document.documentElement.scrollWidth") <= 1920
    assert wall.evaluate("document.documentElement.scrollHeight") <= 1080
    cut = wall.eval_on_selector_all(
        ".agenda-section",
        "all => all.filter(s => s.scrollHeight > s.clientHeight + 1).map(s => s.id)",
    )
    assert cut == []
    wall.screenshot(path=str(folder / "lineup-wall.png"), full_page=True)
    # when the lead revokes the link, the screen is refused on its next load
    page.locator("#wall-links button.danger").click()
    refused = wall.goto(wall_url)
    assert refused is not None and refused.status == 410
    assert wall.locator("#section-stories").count() == 0
    assert wall.locator(".refusal").is_visible()
    wall.screenshot(path=str(folder / "lineup-wall-revoked.png"))
    assert [e for e in errors if "favicon" not in e and "404" not in e] == []
    assert (folder / "lineup-page.png").stat().st_size > 10_000
    assert (folder / "lineup-wall.png").stat().st_size > 10_000
