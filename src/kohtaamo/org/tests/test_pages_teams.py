"""Team pages: members for everyone in the team, editing for admins, and
the members table as an HTMX fragment."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kohtaamo.conftest import Cast
from kohtaamo.core.tests.html import table_rows, tags
from kohtaamo.core.tests.pages import en, page_client
from kohtaamo.org.models import Team, TeamMembership
from kohtaamo.org.services import ERROR_TEAM_CODE_TAKEN

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def _members(team: Team) -> list[tuple[str, str]]:
    return sorted(TeamMembership.objects.filter(team=team).values_list("user__email", "role"))


def test_agent_sees_their_own_team_read_only(cast: Cast) -> None:
    response = page_client(cast.agent).get(reverse("org:team_detail", args=[cast.team.pk]))
    assert response.status_code == 200
    assert table_rows(response.content, "members") == [
        ["Leena Lead", "leena@example.fi", "Team lead"],
        ["Aino Agentti", "aino@example.fi", "Agent"],
    ]
    assert reverse("org:team_member_add", args=[cast.team.pk]) not in response.text
    assert reverse("org:team_edit", args=[cast.team.pk]) not in response.text


def test_lead_sees_member_links_but_no_forms(cast: Cast) -> None:
    response = page_client(cast.lead).get(reverse("org:team_detail", args=[cast.team.pk]))
    links = [a.attrs["href"] for a in tags(response.content, "a")]
    assert reverse("org:person_detail", args=[cast.agent.pk]) in links
    assert reverse("org:team_member_add", args=[cast.team.pk]) not in response.text


def test_admin_sees_remove_buttons_and_the_add_form(cast: Cast) -> None:
    response = page_client(cast.admin).get(reverse("org:team_detail", args=[cast.team.pk]))
    assert table_rows(response.content, "members") == [
        ["Leena Lead", "leena@example.fi", "Team lead", "Remove"],
        ["Aino Agentti", "aino@example.fi", "Agent", "Remove"],
    ]
    # members already in the team are not offered again
    offered = [o.text() for o in tags(response.content, "option") if o.attrs.get("value")]
    assert "Aino Agentti (aino@example.fi)" not in offered
    assert "Olli Ulkopuolinen (olli@example.fi)" in offered


def test_adding_a_member_with_htmx_returns_the_members_fragment(cast: Cast) -> None:
    response = page_client(cast.admin).post(
        reverse("org:team_member_add", args=[cast.team.pk]),
        {"person": cast.outsider.pk, "role": "agent"},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert "base.html" not in [t.name for t in response.templates]
    assert response.templates[0].name == "org/_members.html"
    assert response.text.lstrip().startswith('<section id="members"')
    assert "Olli Ulkopuolinen (olli@example.fi) added to the team as Agent." in response.text
    assert table_rows(response.content, "members")[2] == [
        "Olli Ulkopuolinen",
        "olli@example.fi",
        "Agent",
        "Remove",
    ]
    assert ("olli@example.fi", "agent") in _members(cast.team)


def test_adding_a_member_without_javascript_redirects_to_the_team(cast: Cast) -> None:
    response = page_client(cast.admin).post(
        reverse("org:team_member_add", args=[cast.team.pk]),
        {"person": cast.outsider.pk, "role": "lead"},
        follow=True,
    )
    assert response.redirect_chain == [(reverse("org:team_detail", args=[cast.team.pk]), 302)]
    assert "Olli Ulkopuolinen (olli@example.fi) added to the team as Team lead." in response.text
    assert ("olli@example.fi", "lead") in _members(cast.team)


def test_adding_a_member_with_a_bad_role_shows_the_error_in_the_fragment(cast: Cast) -> None:
    before = _members(cast.team)
    response = page_client(cast.admin).post(
        reverse("org:team_member_add", args=[cast.team.pk]),
        {"person": cast.outsider.pk, "role": "boss"},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert response.context["member_form"].errors == {
        "role": ["Select a valid choice. boss is not one of the available choices."]
    }
    assert _members(cast.team) == before


def test_removing_a_member_with_htmx_returns_the_fragment(cast: Cast) -> None:
    response = page_client(cast.admin).post(
        reverse("org:team_member_remove", args=[cast.team.pk, cast.agent.pk]), headers=HTMX
    )
    assert table_rows(response.content, "members") == [
        ["Leena Lead", "leena@example.fi", "Team lead", "Remove"]
    ]
    assert _members(cast.team) == [("leena@example.fi", "lead")]


def test_a_lead_cannot_add_members(cast: Cast) -> None:
    before = _members(cast.team)
    response = page_client(cast.lead).post(
        reverse("org:team_member_add", args=[cast.team.pk]),
        {"person": cast.outsider.pk, "role": "agent"},
        headers=HTMX,
    )
    assert response.status_code == 403
    assert _members(cast.team) == before


def test_admin_creates_a_team_in_a_unit(cast: Cast) -> None:
    client = page_client(cast.admin)
    form_page = client.get(reverse("org:team_create"), {"unit": cast.other_unit.pk})
    assert f'<option value="{cast.other_unit.pk}" selected>' in form_page.text
    response = client.post(
        reverse("org:team_create"),
        {"name": "Oulun ravintola", "code": "oulu-ravintola", "unit": cast.other_unit.pk},
    )
    team = Team.objects.get(code="oulu-ravintola")
    assert response["Location"] == reverse("org:team_detail", args=[team.pk])
    assert (team.name, team.unit_id) == ("Oulun ravintola", cast.other_unit.pk)


def test_team_create_with_a_taken_code_says_so_and_writes_nothing(cast: Cast) -> None:
    response = page_client(cast.admin).post(
        reverse("org:team_create"),
        {"name": "Toinen", "code": "hki-vastaanotto", "unit": cast.hotel.pk},
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"code": [en(ERROR_TEAM_CODE_TAKEN)]}
    assert Team.objects.count() == 2


def test_admin_edits_and_moves_a_team(cast: Cast) -> None:
    response = page_client(cast.admin).post(
        reverse("org:team_edit", args=[cast.team.pk]),
        {"name": "Helsingin aula", "code": "hki-aula", "unit": cast.other_unit.pk},
    )
    assert response.status_code == 302
    team = Team.objects.get(pk=cast.team.pk)
    assert (team.name, team.code, team.unit_id) == (
        "Helsingin aula",
        "hki-aula",
        cast.other_unit.pk,
    )


def test_team_edit_with_a_taken_code_keeps_the_team_as_it_was(cast: Cast) -> None:
    response = page_client(cast.admin).post(
        reverse("org:team_edit", args=[cast.team.pk]),
        {"name": "Aula", "code": "oulu-vastaanotto", "unit": cast.other_unit.pk},
    )
    assert response.status_code == 200
    assert en(ERROR_TEAM_CODE_TAKEN) in response.text
    team = Team.objects.get(pk=cast.team.pk)
    assert (team.name, team.code, team.unit_id) == ("Vastaanotto", "hki-vastaanotto", cast.hotel.pk)
