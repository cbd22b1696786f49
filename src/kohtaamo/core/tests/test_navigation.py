"""The navigation shows each role only what it may use."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kohtaamo.conftest import Cast
from kohtaamo.core.tests.html import nav_labels, parse
from kohtaamo.core.tests.pages import page_client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "items"),
    [
        ("agent", ["Home", "Encounters", "Checklist", "Reviews"]),
        (
            "lead",
            ["Home", "Encounters", "Checklist", "Reviews", "Organisation", "People"],
        ),
        (
            "manager",
            ["Home", "Encounters", "Checklist", "Reviews", "Organisation", "People"],
        ),
        (
            "admin",
            [
                "Home",
                "Encounters",
                "Checklist",
                "Reviews",
                "Organisation",
                "People",
                "Admin",
            ],
        ),
    ],
)
def test_navigation_per_role(cast: Cast, role: str, items: list[str]) -> None:
    response = page_client(cast.by_role(role)).get(reverse("core:home"))
    labels = [label for label in nav_labels(response.content) if label not in EXTRA_ITEMS]
    assert labels == items


# Items other areas add for some roles (e.g. the import page for managers and
# admins) are tested with those pages.
EXTRA_ITEMS = {
    "Import",
    "Follow-ups",
    "Results",
    "Feedback",
    "Surveys",
    "Line-up",
    "Wow stories",
}


def test_every_signed_in_person_finds_their_api_tokens_by_their_name(cast: Cast) -> None:
    for role in ("agent", "lead", "manager", "admin"):
        html = page_client(cast.by_role(role)).get(reverse("core:home")).content
        account = next(n for n in parse(html).walk() if "account" in n.attrs.get("class", ""))
        hrefs = [a.attrs["href"] for a in account.walk() if a.tag == "a"]
        assert reverse("accounts:tokens") in hrefs, role


def test_anonymous_visitors_get_no_navigation(db: None) -> None:
    response = page_client(None).get(reverse("accounts:login"))
    assert nav_labels(response.content) == []
    assert reverse("accounts:logout") not in response.text


def test_every_navigation_item_opens_for_its_role(cast: Cast) -> None:
    for role in ("agent", "lead", "manager", "admin"):
        client = page_client(cast.by_role(role))
        html = client.get(reverse("core:home")).content
        nav = next(n for n in parse(html).walk() if n.attrs.get("id") == "main-nav")
        for link in (a for a in nav.walk() if a.tag == "a"):
            assert client.get(link.attrs["href"]).status_code == 200, (role, link.attrs["href"])


def test_the_current_section_is_marked(cast: Cast) -> None:
    response = page_client(cast.lead).get(reverse("org:people"))
    nav = next(n for n in parse(response.content).walk() if n.attrs.get("id") == "main-nav")
    current = [a.text() for a in nav.walk() if a.tag == "a" and "aria-current" in a.attrs]
    assert current == ["People"]


def test_the_account_name_links_to_ones_own_page(cast: Cast) -> None:
    response = page_client(cast.agent).get(reverse("core:home"))
    own = reverse("org:person_detail", args=[cast.agent.pk])
    assert f'<a class="who" href="{own}">Aino Agentti</a>' in response.text
