"""The wall screen: a signed link without a login, revocable, and without
any customer's full name, e-mail or phone."""

from __future__ import annotations

from html import escape

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from kohtaamo.conftest import Cast
from kohtaamo.lineup.models import WallLink
from kohtaamo.lineup.services import (
    ERROR_LINK_REVOKED,
    ERROR_NOT_YOUR_LINEUP,
    story_tell,
    wall_link_create,
    wall_link_revoke,
    wall_token_sign,
)
from kohtaamo.lineup.tests.helpers import answered
from kohtaamo.lineup.views.wall import ERROR_LINK_NOT_VALID
from kohtaamo.testing.clients import client_for
from kohtaamo.testing.factories import CustomerFactory, EncounterFactory

pytestmark = pytest.mark.django_db


def _fi(message: object) -> str:
    with translation.override("fi"):
        return escape(str(message))


def _wall(token: str) -> object:
    return Client().get(reverse("lineup:wall", kwargs={"token": token}))


def test_lead_creates_a_link_that_is_shown_once_and_stored_as_a_hash(cast: Cast) -> None:
    response = client_for(cast.lead).post(reverse("lineup:wall_links", kwargs={"pk": cast.team.pk}))
    link = WallLink.objects.get()
    url = response.context["new_url"]
    token = url.rstrip("/").rsplit("/", 1)[1]
    secret = token.rsplit(":", 1)[0]
    assert response.status_code == 200
    assert url in response.content.decode()
    assert len(link.secret_hash) == 64
    assert secret not in link.secret_hash
    assert (
        client_for(cast.lead)
        .get(reverse("lineup:wall_links", kwargs={"pk": cast.team.pk}))
        .context["new_url"]
        == ""
    )


def test_wall_screen_opens_without_login_and_refreshes_itself(cast: Cast) -> None:
    _link, token = wall_link_create(team=cast.team, by=cast.lead)
    response = _wall(token)
    html = response.content.decode()  # type: ignore[attr-defined]
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert '<meta http-equiv="refresh" content="60">' in html
    for section in ("stories", "checklist", "results", "followups", "promises", "notes"):
        assert f'id="section-{section}"' in html
    assert response["Referrer-Policy"] == "no-referrer"  # type: ignore[index]
    assert "<form" not in html


def test_wall_screen_shows_no_customer_full_name_email_or_phone(cast: Cast) -> None:
    customer = CustomerFactory(
        name="Maija Virtanen", email="maija@example.com", phone="+358401234567"
    )
    encounter = EncounterFactory(staff=cast.agent, team=cast.team, customer=customer)
    story_tell(
        by=cast.lead,
        team=cast.team,
        text="Maija Virtanen (maija@example.com, +358401234567) sai avaimensa.",
        heroes=[cast.agent],
        encounter=encounter,
    )
    answered(
        staff=cast.agent,
        team=cast.team,
        nps=2,
        customer=customer,
        comment="Maija Virtanen, 0401234567",
    )
    _link, token = wall_link_create(team=cast.team, by=cast.lead)
    html = _wall(token).content.decode()  # type: ignore[attr-defined]
    assert "M. V. (…, …) sai avaimensa." in html
    for detail in ("Maija", "Virtanen", "maija@example.com", "+358401234567", "0401234567"):
        assert detail not in html


def test_revoked_link_is_refused_with_a_message(cast: Cast) -> None:
    link, token = wall_link_create(team=cast.team, by=cast.lead)
    assert _wall(token).status_code == 200  # type: ignore[attr-defined]
    response = client_for(cast.lead).post(reverse("lineup:wall_revoke", kwargs={"pk": link.pk}))
    assert response.status_code == 302
    refused = _wall(token)
    assert refused.status_code == 410  # type: ignore[attr-defined]
    assert _fi(ERROR_LINK_REVOKED) in refused.content.decode()  # type: ignore[attr-defined]
    assert 'id="section-stories"' not in refused.content.decode()  # type: ignore[attr-defined]


def test_tampered_and_unknown_links_are_refused_with_a_message(cast: Cast) -> None:
    _link, token = wall_link_create(team=cast.team, by=cast.lead)
    secret, signature = token.rsplit(":", 1)

    def changed(text: str) -> str:
        # Always a different last character, even when it already was "A".
        return text[:-1] + ("B" if text.endswith("A") else "A")

    for bad in (
        f"{changed(secret)}:{signature}",
        f"{secret}:{changed(signature)}",
        "x",
        wall_token_sign("guess"),  # signed, but no such link
    ):
        response = _wall(bad)
        assert response.status_code == 404, bad  # type: ignore[attr-defined]
        assert _fi(ERROR_LINK_NOT_VALID) in response.content.decode()  # type: ignore[attr-defined]


def test_agent_can_neither_create_nor_revoke_links(cast: Cast) -> None:
    link, token = wall_link_create(team=cast.team, by=cast.lead)
    agent = client_for(cast.agent)
    created = agent.post(reverse("lineup:wall_links", kwargs={"pk": cast.team.pk}))
    revoked = agent.post(reverse("lineup:wall_revoke", kwargs={"pk": link.pk}))
    assert (created.status_code, revoked.status_code) == (403, 403)
    assert _fi(ERROR_NOT_YOUR_LINEUP) in revoked.content.decode()
    assert WallLink.objects.count() == 1
    link.refresh_from_db()
    assert link.revoked_at is None
    assert _wall(token).status_code == 200  # type: ignore[attr-defined]


def test_outsider_lead_cannot_revoke_another_teams_link(cast: Cast) -> None:
    link, _token = wall_link_create(team=cast.team, by=cast.lead)
    response = client_for(cast.outsider_lead).post(
        reverse("lineup:wall_revoke", kwargs={"pk": link.pk})
    )
    assert response.status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is None


def test_revoking_twice_keeps_the_first_revocation(cast: Cast) -> None:
    link, _token = wall_link_create(team=cast.team, by=cast.lead)
    first = wall_link_revoke(link=link, by=cast.lead).revoked_at
    assert wall_link_revoke(link=link, by=cast.manager).revoked_at == first


def test_the_lead_sees_when_a_screen_last_opened_the_link(cast: Cast) -> None:
    link, token = wall_link_create(team=cast.team, by=cast.lead)
    assert link.last_seen_at is None
    _wall(token)
    link.refresh_from_db()
    assert link.last_seen_at is not None
    page = client_for(cast.lead).get(reverse("lineup:wall_links", kwargs={"pk": cast.team.pk}))
    assert page.context["links"][0].last_seen_at == link.last_seen_at
