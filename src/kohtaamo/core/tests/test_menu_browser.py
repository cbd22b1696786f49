"""The top bar in a real headless Chromium: on a phone the links fold behind
one Menu button, on a desk they stay in view, and without JavaScript nothing
folds."""

from __future__ import annotations

from typing import Any

import pytest

from kohtaamo.conftest import Cast
from kohtaamo.testing.browser import signed_in_context

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1280, "height": 800}


def _page(browser: Any, live_server: Any, user: Any, **options: Any) -> Any:
    page = signed_in_context(browser, live_server, user, locale="fi-FI", **options).new_page()
    page.goto(f"{live_server.url}/")
    return page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_on_a_phone_the_links_fold_behind_the_menu_button(
    live_server: Any, chromium: Any, cast: Cast
) -> None:
    page = _page(chromium, live_server, cast.lead, viewport=PHONE, is_mobile=True, has_touch=True)
    menu = page.get_by_role("button", name="Valikko")
    nav = page.locator("#main-nav")
    # a page opens with its content: the links wait behind the button
    assert menu.is_visible()
    assert menu.get_attribute("aria-expanded") == "false"
    assert not nav.is_visible()
    assert not page.get_by_role("button", name="Kirjaudu ulos").is_visible()
    # a tap shows them, and says so to a screen reader
    menu.tap()
    assert nav.is_visible()
    assert menu.get_attribute("aria-expanded") == "true"
    assert page.get_by_role("link", name="Jatkotoimet").is_visible()
    menu.tap()
    assert not nav.is_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_on_a_desk_and_without_javascript_every_link_stays_in_view(
    live_server: Any, chromium: Any, cast: Cast
) -> None:
    desk = _page(chromium, live_server, cast.lead, viewport=DESK)
    assert desk.locator("#main-nav").is_visible()
    assert not desk.locator(".menu-toggle").is_visible()
    plain = _page(chromium, live_server, cast.lead, viewport=PHONE, java_script_enabled=False)
    assert plain.locator("#main-nav").is_visible()
    assert not plain.locator(".menu-toggle").is_visible()
    assert plain.get_by_role("button", name="Kirjaudu ulos").is_visible()
