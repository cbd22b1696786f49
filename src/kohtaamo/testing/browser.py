"""Debian's headless Chromium for the browser tests, driven by Playwright.

The rule lives here once: the browser is the system's `/usr/bin/chromium`,
never one Playwright downloads; on CI (which installs it) a missing browser
fails the test, elsewhere it is skipped.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connections

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture
def chromium(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A launched browser, closed after the test."""
    if shutil.which(CHROMIUM) is None:
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is missing; .ci/run should have installed it")
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    from playwright import sync_api

    # Playwright runs an event loop in this thread; the ORM waits until it is done.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()
            # While Playwright's event loop runs in this thread, Django keeps
            # the ORM's connections apart from the thread's own (asgiref's
            # Local, by context): close the ones the test opened here, or they
            # outlive the test and keep the test database from being dropped.
            connections.close_all()


def signed_in_context(browser: Any, live_server: Any, user: Any, **options: Any) -> Any:
    """A new browser context (`options` as Playwright's new_context takes them)
    that carries `user`'s session cookie, as if they had signed in."""
    from django.conf import settings

    from kohtaamo.testing.clients import client_for

    session = client_for(user).cookies[settings.SESSION_COOKIE_NAME].value
    context = browser.new_context(**options)
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    return context
