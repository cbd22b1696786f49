"""The API's schema and interactive docs: served by the project itself, nothing
from another host, and working under the site's Content Security Policy."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from kohtaamo.api import api

DOCS = "/api/v1/docs"


class _Page(HTMLParser):
    """The addresses, scripts and inline styles of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.addresses: list[str] = []
        self.scripts: list[dict[str, str | None]] = []
        self.style_attributes = 0
        self.style_elements = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.addresses += [v for k, v in attrs if k in ("src", "href") and v is not None]
        if tag == "script":
            self.scripts.append(attributes)
        if tag == "style":
            self.style_elements += 1
        if "style" in attributes:
            self.style_attributes += 1


def _docs_page(client: Client) -> tuple[Any, _Page]:
    response = client.get(DOCS)
    page = _Page()
    page.feed(response.content.decode())
    return response, page


@pytest.mark.django_db
def test_openapi_schema_lists_the_api(client: Client) -> None:
    response = client.get(reverse("api-1.0.0:openapi-json"))
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "Kohtaamo API"
    assert {"/api/v1/units", "/api/v1/encounters", "/api/v1/encounters/{encounter_id}"} <= set(
        schema["paths"]
    )
    assert set(schema["components"]["securitySchemes"]) == {"TokenAuth", "SessionAuth"}


@pytest.mark.django_db
def test_docs_page_loads_nothing_from_another_host(client: Client) -> None:
    response, page = _docs_page(client)
    assert response.status_code == 200
    assert page.addresses, "the page should load its own assets"
    assert [a for a in page.addresses if not a.startswith("/") or a.startswith("//")] == []
    assert "http://" not in response.content.decode()
    assert "https://" not in response.content.decode()


@pytest.mark.django_db
def test_every_asset_of_the_docs_is_served_by_the_project(client: Client) -> None:
    _response, page = _docs_page(client)
    for address in page.addresses:
        asset = client.get(address)
        assert asset.status_code == 200, address
        assert len(b"".join(asset.streaming_content)) > 500, address


@pytest.mark.django_db
def test_docs_page_has_no_inline_script_or_style(client: Client) -> None:
    response, page = _docs_page(client)
    # Scripts come from files; the one without a file is data, not code.
    code = [s for s in page.scripts if not s.get("src") and s.get("type") != "application/json"]
    assert code == []
    assert page.style_attributes == page.style_elements == 0
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "style-src 'self'" in response["Content-Security-Policy"]


# --- In a real browser --------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_docs_render_every_operation_under_the_csp(live_server: Any, chromium: Any) -> None:
    operations = sum(len(methods) for methods in api.get_openapi_schema()["paths"].values())
    violations: list[str] = []
    foreign: list[str] = []
    browser = chromium
    page = browser.new_page()
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.on(
        "request",
        lambda r: None if r.url.startswith((live_server.url, "data:")) else foreign.append(r.url),
    )
    page.goto(live_server.url + DOCS)
    page.wait_for_selector(".opblock", timeout=20_000)
    rendered = page.locator(".opblock").count()
    # Opening an operation renders its parameters and example bodies,
    # which Swagger UI highlights with styles of its own.
    page.locator(".opblock-summary").last.click()
    page.wait_for_selector(".opblock-body .responses-table", timeout=20_000)
    title = page.locator(".info .title").inner_text()
    assert rendered == operations
    assert title.startswith("Kohtaamo API")
    assert violations == []
    assert foreign == []
