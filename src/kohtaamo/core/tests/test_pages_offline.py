"""Every page works offline and under the CSP: nothing from another host, no
inline script or style, and a viewport for phones. Walks every GET page of
the role-by-URL matrix that answers 200 to its role."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from kohtaamo.accounts.services import api_token_create
from kohtaamo.conftest import Cast
from kohtaamo.core.tests.html import parse
from kohtaamo.core.tests.test_url_matrix import MATRIX, World, _matrix_modules
from kohtaamo.testing.clients import client_for
from kohtaamo.testing.url_matrix import ROLES

# (tag, attribute) pairs that make the browser fetch something.
FETCHING = {
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
}


def _pages() -> list[tuple[str, str]]:
    """(name, role) for every GET route answering 200, one role per route:
    the least powerful one that gets the page."""
    pages = []
    for name, route in sorted(MATRIX.items()):
        if route.method != "get" or route.content_type or route.headers:
            continue
        role = next((r for r in ROLES if route.expect[r] == 200), None)
        if role is not None:
            pages.append((name, role))
    return pages


def _html_pages(world: World) -> list[tuple[str, Any]]:
    pages = []
    for name, role in _pages():
        route = MATRIX[name]
        url = reverse(name.split("#")[0], kwargs=route.kwargs(world))
        response = client_for(world.cast.by_role(role)).get(url)
        if response.get("Content-Type", "").startswith("text/html"):
            pages.append((f"{role} {url}", response))
    return pages


@pytest.fixture
def html_pages(cast: Cast, encounter: Any, other_encounter: Any) -> list[tuple[str, Any]]:
    """The same world as the matrix walk builds, and every HTML page in it."""
    token, _secret = api_token_create(user=cast.agent, name="matrix")
    extra: dict[str, Any] = {}
    for module in _matrix_modules():
        builder = getattr(module, "build_world", None)
        if builder is not None:
            extra.update(builder(cast=cast, encounter=encounter, other_encounter=other_encounter))
    return _html_pages(World(cast, encounter, other_encounter, token, extra))


def _foreign(url: str) -> bool:
    parts = urlsplit(url)
    return (
        bool(parts.scheme in ("http", "https") or url.startswith("//"))
        and parts.netloc != "testserver"
    )


@pytest.mark.django_db
def test_no_page_loads_anything_from_another_host(html_pages: list[tuple[str, Any]]) -> None:
    pages = html_pages
    assert len(pages) >= 15
    offenders = []
    for label, response in pages:
        for node in parse(response.content).walk():
            for tag, attribute in FETCHING:
                value = node.attrs.get(attribute) or ""
                if node.tag == tag and _foreign(value):
                    offenders.append((label, tag, value))
    assert offenders == []


def _inline_code(node: Any) -> bool:
    """A <script> the browser would run from the page itself; JSON data
    blocks are not run and need no nonce."""
    kind = (node.attrs.get("type") or "text/javascript").lower()
    runs = kind in ("text/javascript", "module", "application/javascript")
    return node.tag == "script" and not node.attrs.get("src") and runs


def _nonce(response: Any) -> str:
    """The nonce the Content-Security-Policy header allows scripts with."""
    match = re.search(r"'nonce-([^']+)'", response.get("Content-Security-Policy", ""))
    return match.group(1) if match else ""


@pytest.mark.django_db
def test_no_page_has_inline_style_or_script_the_csp_would_block(
    html_pages: list[tuple[str, Any]],
) -> None:
    offenders = []
    for label, response in html_pages:
        nonce = _nonce(response)
        for node in parse(response.content).walk():
            if _inline_code(node) and (not nonce or node.attrs.get("nonce") != nonce):
                offenders.append((label, "inline script without the nonce"))
            if node.tag == "style":
                offenders.append((label, "style element"))
            if "style" in node.attrs:
                offenders.append((label, f"style attribute on <{node.tag}>"))
            if any(attribute.startswith("on") for attribute in node.attrs):
                offenders.append((label, f"event handler on <{node.tag}>"))
    assert offenders == []


@pytest.mark.django_db
def test_kohtaamos_own_pages_have_no_inline_script_at_all(
    html_pages: list[tuple[str, Any]],
) -> None:
    """Scripts are static files loaded with the nonce (base.html)."""
    for label, response in html_pages:
        inline = [n for n in parse(response.content).walk() if _inline_code(n)]
        assert inline == [], label


@pytest.mark.django_db
def test_every_page_fits_a_phone(html_pages: list[tuple[str, Any]]) -> None:
    for label, response in html_pages:
        if "/api/" in label:
            continue  # the API's generated docs are for developers at a desk
        viewports = [
            n.attrs.get("content")
            for n in parse(response.content).walk()
            if n.tag == "meta" and n.attrs.get("name") == "viewport"
        ]
        assert viewports == ["width=device-width, initial-scale=1"], label


@pytest.mark.django_db
def test_wide_tables_scroll_inside_their_own_box(html_pages: list[tuple[str, Any]]) -> None:
    """A table wider than a phone scrolls by itself instead of the page."""
    for label, response in html_pages:
        root = parse(response.content)
        wrapped = {
            id(table)
            for wrap in root.walk()
            if "table-wrap" in (wrap.attrs.get("class") or "").split()
            for table in wrap.walk()
            if table.tag == "table"
        }
        tables = [n for n in root.walk() if n.tag == "table"]
        assert all(id(t) in wrapped for t in tables), label


def test_the_stylesheet_lets_tables_scroll_and_navigation_wrap() -> None:
    from django.contrib.staticfiles import finders

    css = Path(str(finders.find("kohtaamo/kohtaamo.css"))).read_text(encoding="utf-8")
    assert ".table-wrap { overflow-x: auto; }" in css
    assert ".topbar nav ul { display: flex; flex-wrap: wrap;" in css
    assert "@media (max-width: 40rem)" in css
