"""The people list, a person's page, and the admin's role changes."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kohtaamo.conftest import Cast
from kohtaamo.core.tests.html import table_rows, text_of
from kohtaamo.core.tests.pages import en, page_client
from kohtaamo.org.models import TeamMembership, UnitManager
from kohtaamo.org.services import ERROR_EMAIL_TAKEN, ERROR_SELF_DEACTIVATE, ERROR_SELF_UNADMIN
from kohtaamo.testing.factories import EncounterFactory, UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()
# session, user, memberships and managed units (the scope), teams for the
# filter, count, the page of people, and their memberships
PEOPLE_PAGE_QUERIES = 8


def _names(response: Any) -> list[str]:
    return [row[0] for row in table_rows(response.content, "people-rows")]


# --- The list ------------------------------------------------------------------


def test_admin_lists_everyone_active(cast: Cast) -> None:
    response = page_client(cast.admin).get(reverse("org:people"))
    assert _names(response) == [
        "Aino Agentti",
        "Anna Admin",
        "Leena Lead",
        "Matti Manageri",
        "Olli Ulkopuolinen",
        "Oona Oululainen",
    ]


def test_lead_lists_their_team_only(cast: Cast) -> None:
    response = page_client(cast.lead).get(reverse("org:people"))
    assert table_rows(response.content, "people-rows") == [
        ["Aino Agentti", "aino@example.fi", "Vastaanotto (Agent)", ""],
        ["Leena Lead", "leena@example.fi", "Vastaanotto (Team lead)", ""],
    ]


def test_manager_lists_the_people_of_their_units_and_themselves(cast: Cast) -> None:
    response = page_client(cast.manager).get(reverse("org:people"))
    assert _names(response) == ["Aino Agentti", "Leena Lead", "Matti Manageri"]


def test_a_lead_does_not_see_teams_of_their_member_outside_their_reach(cast: Cast) -> None:
    TeamMembership.objects.create(user=cast.agent, team=cast.other_team, role="agent")
    response = page_client(cast.lead).get(reverse("org:people"))
    assert table_rows(response.content, "people-rows")[0][2] == "Vastaanotto (Agent)"


def test_search_matches_every_word_in_names_and_email(cast: Cast) -> None:
    client = page_client(cast.admin)
    assert _names(client.get(reverse("org:people"), {"q": "leena"})) == ["Leena Lead"]
    assert _names(client.get(reverse("org:people"), {"q": "o ulk"})) == ["Olli Ulkopuolinen"]
    assert _names(client.get(reverse("org:people"), {"q": "example.fi anna"})) == ["Anna Admin"]


@pytest.mark.parametrize(
    ("role", "names"),
    [
        ("agent", ["Aino Agentti", "Olli Ulkopuolinen"]),
        ("lead", ["Leena Lead", "Oona Oululainen"]),
        ("manager", ["Matti Manageri"]),
        ("admin", ["Anna Admin"]),
    ],
)
def test_filter_by_role(cast: Cast, role: str, names: list[str]) -> None:
    response = page_client(cast.admin).get(reverse("org:people"), {"role": role})
    assert _names(response) == names


def test_filter_by_team(cast: Cast) -> None:
    response = page_client(cast.admin).get(reverse("org:people"), {"team": cast.other_team.pk})
    assert _names(response) == ["Olli Ulkopuolinen", "Oona Oululainen"]


def test_team_and_role_filters_hold_for_the_same_membership(cast: Cast) -> None:
    # Given the Oulu lead who is also an agent in the Helsinki team
    TeamMembership.objects.create(user=cast.outsider_lead, team=cast.team, role="agent")
    # When the admin asks for the leads of the Helsinki team
    response = page_client(cast.admin).get(
        reverse("org:people"), {"team": cast.team.pk, "role": "lead"}
    )
    # Then only Helsinki's own lead is listed, not a lead of another team
    assert _names(response) == ["Leena Lead"]


def test_a_lead_cannot_filter_by_a_team_they_do_not_see(cast: Cast) -> None:
    response = page_client(cast.lead).get(reverse("org:people"), {"team": cast.other_team.pk})
    assert response.status_code == 200
    assert _names(response) == ["No people match these filters."]
    assert "Team: Select a valid choice." in text_of(response.content, "people-rows")


def test_admin_lists_deactivated_people_on_request(cast: Cast) -> None:
    User.objects.filter(pk=cast.outsider.pk).update(is_active=False)
    client = page_client(cast.admin)
    assert "Olli Ulkopuolinen" not in _names(client.get(reverse("org:people")))
    response = client.get(reverse("org:people"), {"status": "inactive"})
    assert table_rows(response.content, "people-rows") == [
        ["Olli Ulkopuolinen", "olli@example.fi", "Oulun vastaanotto (Agent)", "Deactivated"]
    ]


def test_the_status_filter_is_not_offered_to_leads(cast: Cast) -> None:
    response = page_client(cast.lead).get(reverse("org:people"), {"status": "inactive"})
    assert "status" not in response.context["form"].fields
    assert _names(response) == ["Aino Agentti", "Leena Lead"]


def test_bad_filters_show_errors_and_no_rows(cast: Cast) -> None:
    response = page_client(cast.admin).get(
        reverse("org:people"), {"role": "boss", "page": "x", "q": "a" * 101}
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"role", "page", "q"}
    assert _names(response) == ["No people match these filters."]


def test_people_list_is_paged_and_keeps_the_filters(cast: Cast) -> None:
    for n in range(55):
        UserFactory(first_name=f"Henkilö{n:02d}", last_name="Testi")
    client = page_client(cast.admin)
    response = client.get(reverse("org:people"), {"q": "testi"})
    assert "?q=testi&amp;page=2" in response.text
    second = client.get(
        reverse("org:people"), {"q": "testi", "page": 2}, headers={"HX-Request": "true"}
    )
    assert second.templates[0].name == "org/_people_rows.html"
    assert _names_fragment(second) == [f"Henkilö{n:02d} Testi" for n in range(50, 55)]


def _names_fragment(response: Any) -> list[str]:
    return [row[0] for row in table_rows(response.content)]


def _queries_for(client: Any, url: str) -> tuple[int, Any]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return len(queries), response


def test_the_people_list_queries_do_not_grow_with_people(cast: Cast) -> None:
    # given an admin who has loaded the page once (session read, scope cached per request)
    client = page_client(cast.admin)
    url = reverse("org:people")
    few, _response = _queries_for(client, url)
    # when 40 more people with memberships appear
    for _n in range(40):
        TeamMembership.objects.create(user=UserFactory(), team=cast.team, role="agent")
    many, response = _queries_for(client, url)
    # then the page makes the same number of queries
    assert len(_names(response)) == 46
    assert many == few == PEOPLE_PAGE_QUERIES


# --- A person's page ---------------------------------------------------------------


def test_agent_sees_their_own_page_with_teams_and_encounters(cast: Cast, encounter: Any) -> None:
    response = page_client(cast.agent).get(reverse("org:person_detail", args=[cast.agent.pk]))
    assert text_of(response.content, "person-teams") == "Vastaanotto · Hotelli Helsinki · Agent"
    assert text_of(response.content, "person-units") == "No units."
    rows = table_rows(response.content, "person-encounters")
    assert [row[1:] for row in rows] == [["Phone", "Vastaanotto", "Laskun eräpäivä", "7 min 0 s"]]


def test_agent_cannot_open_a_colleagues_page(cast: Cast) -> None:
    assert (
        page_client(cast.agent).get(reverse("org:person_detail", args=[cast.lead.pk])).status_code
        == 404
    )


def test_lead_sees_a_members_encounters_in_their_team_only(cast: Cast, encounter: Any) -> None:
    # given the agent also served a customer for the Oulu team
    TeamMembership.objects.create(user=cast.agent, team=cast.other_team, role="agent")
    EncounterFactory(staff=cast.agent, team=cast.other_team, topic="Oulun varaus")
    # when their lead opens the agent's page
    response = page_client(cast.lead).get(reverse("org:person_detail", args=[cast.agent.pk]))
    # then only the Helsinki team and encounter show
    assert text_of(response.content, "person-teams") == "Vastaanotto · Hotelli Helsinki · Agent"
    rows = table_rows(response.content, "person-encounters")
    assert [row[3] for row in rows] == ["Laskun eräpäivä"]
    # while the admin sees both
    response = page_client(cast.admin).get(reverse("org:person_detail", args=[cast.agent.pk]))
    assert sorted(row[3] for row in table_rows(response.content, "person-encounters")) == [
        "Laskun eräpäivä",
        "Oulun varaus",
    ]


def test_manager_page_lists_the_units_they_manage(cast: Cast) -> None:
    response = page_client(cast.admin).get(reverse("org:person_detail", args=[cast.manager.pk]))
    assert text_of(response.content, "person-units").startswith("Etelä-Suomi")


def test_a_manager_cannot_open_someone_outside_their_units(cast: Cast) -> None:
    response = page_client(cast.manager).get(reverse("org:person_detail", args=[cast.outsider.pk]))
    assert response.status_code == 404


# --- Creating and editing people -------------------------------------------------------


def test_admin_creates_a_person_without_a_password(cast: Cast) -> None:
    response = page_client(cast.admin).post(
        reverse("org:person_create"),
        {"email": "Kaisa.Korhonen@Example.fi", "first_name": "Kaisa", "last_name": "Korhonen"},
        follow=True,
    )
    person = User.objects.get(email="kaisa.korhonen@example.fi")
    assert response.redirect_chain == [(reverse("org:person_detail", args=[person.pk]), 302)]
    assert "Kaisa Korhonen (kaisa.korhonen@example.fi) added." in response.text
    assert person.has_usable_password() is False
    assert person.is_superuser is False


def test_admin_creates_an_admin_with_an_initial_password(cast: Cast) -> None:
    page_client(cast.admin).post(
        reverse("org:person_create"),
        {
            "email": "pekka@example.fi",
            "first_name": "Pekka",
            "last_name": "Nieminen",
            "password": "lumihiutale-tammikuu-42",
            "is_admin": "on",
        },
    )
    person = User.objects.get(email="pekka@example.fi")
    assert person.check_password("lumihiutale-tammikuu-42") is True
    assert (person.is_superuser, person.is_staff) == (True, True)


def test_a_weak_or_similar_password_is_refused(cast: Cast) -> None:
    response = page_client(cast.admin).post(
        reverse("org:person_create"),
        {
            "email": "pekka@example.fi",
            "first_name": "Pekka",
            "last_name": "Nieminen",
            "password": "pekka",
        },
    )
    assert response.context["form"].errors == {
        "password": [
            "The password is too similar to the username.",
            "This password is too short. It must contain at least 8 characters.",
        ]
    }
    assert User.objects.filter(email="pekka@example.fi").exists() is False


def test_person_create_with_a_taken_email_says_so_and_writes_nothing(cast: Cast) -> None:
    count = User.objects.count()
    response = page_client(cast.admin).post(
        reverse("org:person_create"),
        {"email": "LEENA@example.fi", "first_name": "Leena", "last_name": "Toinen"},
    )
    assert response.context["form"].errors == {"email": [en(ERROR_EMAIL_TAKEN)]}
    assert User.objects.count() == count


def test_admin_edits_a_person(cast: Cast) -> None:
    response = page_client(cast.admin).post(
        reverse("org:person_edit", args=[cast.agent.pk]),
        {"email": "aino.aalto@example.fi", "first_name": "Aino", "last_name": "Aalto"},
    )
    assert response.status_code == 302
    agent = User.objects.get(pk=cast.agent.pk)
    assert (agent.email, agent.username, agent.last_name) == (
        "aino.aalto@example.fi",
        "aino.aalto@example.fi",
        "Aalto",
    )


def test_editing_to_a_taken_email_keeps_the_person_as_they_were(cast: Cast) -> None:
    response = page_client(cast.admin).post(
        reverse("org:person_edit", args=[cast.agent.pk]),
        {"email": "olli@example.fi", "first_name": "Aino", "last_name": "Aalto"},
    )
    assert response.context["form"].errors == {"email": [en(ERROR_EMAIL_TAKEN)]}
    agent = User.objects.get(pk=cast.agent.pk)
    assert (agent.email, agent.last_name) == ("aino@example.fi", "Agentti")


# --- Roles ---------------------------------------------------------------------------


def test_admin_deactivates_and_reactivates_a_person(cast: Cast) -> None:
    client = page_client(cast.admin)
    url = reverse("org:person_active", args=[cast.agent.pk])
    response = client.post(url, {"is_active": "0"}, follow=True)
    assert "Aino Agentti (aino@example.fi) deactivated." in response.text
    assert User.objects.get(pk=cast.agent.pk).is_active is False
    # the deactivated person cannot use the pages any more
    assert page_client(cast.agent).get(reverse("core:home")).status_code == 302
    client.post(url, {"is_active": "1"})
    assert User.objects.get(pk=cast.agent.pk).is_active is True


def test_an_admin_deactivating_themselves_is_refused(cast: Cast) -> None:
    response = page_client(cast.admin).post(
        reverse("org:person_active", args=[cast.admin.pk]), {"is_active": "0"}
    )
    assert response.status_code == 200
    assert en(ERROR_SELF_DEACTIVATE) in response.text
    assert User.objects.get(pk=cast.admin.pk).is_active is True


def test_admin_makes_and_unmakes_an_admin(cast: Cast) -> None:
    client = page_client(cast.admin)
    url = reverse("org:person_admin", args=[cast.lead.pk])
    client.post(url, {"is_admin": "1"})
    assert User.objects.get(pk=cast.lead.pk).is_superuser is True
    assert page_client(cast.lead).get(reverse("admin:index")).status_code == 200
    client.post(url, {"is_admin": "0"})
    assert User.objects.get(pk=cast.lead.pk).is_superuser is False
    assert page_client(cast.lead).get(reverse("admin:index")).status_code == 302


def test_an_admin_unmaking_themselves_is_refused(cast: Cast) -> None:
    response = page_client(cast.admin).post(
        reverse("org:person_admin", args=[cast.admin.pk]), {"is_admin": "0"}
    )
    assert en(ERROR_SELF_UNADMIN) in response.text
    assert User.objects.get(pk=cast.admin.pk).is_superuser is True


def test_admin_puts_a_person_in_a_team_and_changes_the_role(cast: Cast) -> None:
    client = page_client(cast.admin)
    url = reverse("org:person_team_add", args=[cast.agent.pk])
    client.post(url, {"team": cast.other_team.pk, "role": "agent"})
    response = client.post(url, {"team": cast.team.pk, "role": "lead"}, follow=True)
    assert "Aino Agentti (aino@example.fi) is in “Vastaanotto” as Team lead." in response.text
    assert sorted(
        TeamMembership.objects.filter(user=cast.agent).values_list("team__code", "role")
    ) == [("hki-vastaanotto", "lead"), ("oulu-vastaanotto", "agent")]


def test_admin_removes_a_membership_from_the_person_page(cast: Cast) -> None:
    person_url = reverse("org:person_detail", args=[cast.agent.pk])
    response = page_client(cast.admin).post(
        reverse("org:team_member_remove", args=[cast.team.pk, cast.agent.pk]), {"next": person_url}
    )
    assert response["Location"] == person_url
    assert TeamMembership.objects.filter(user=cast.agent).count() == 0


def test_admin_makes_a_person_manager_of_a_unit(cast: Cast) -> None:
    page_client(cast.admin).post(
        reverse("org:person_unit_add", args=[cast.agent.pk]), {"unit": cast.other_unit.pk}
    )
    assert list(
        UnitManager.objects.filter(user=cast.agent).values_list("unit__code", flat=True)
    ) == ["oulu"]


def test_a_manager_cannot_change_roles(cast: Cast) -> None:
    before = list(TeamMembership.objects.values_list("user_id", "team_id", "role").order_by("pk"))
    response = page_client(cast.manager).post(
        reverse("org:person_team_add", args=[cast.agent.pk]),
        {"team": cast.team.pk, "role": "lead"},
    )
    assert response.status_code == 403
    assert (
        list(TeamMembership.objects.values_list("user_id", "team_id", "role").order_by("pk"))
        == before
    )


def test_admin_opens_a_deactivated_persons_page(cast: Cast) -> None:
    User.objects.filter(pk=cast.outsider.pk).update(is_active=False)
    response = page_client(cast.admin).get(reverse("org:person_detail", args=[cast.outsider.pk]))
    assert text_of(response.content, "person-facts") == (
        "E-mail olli@example.fi Status Deactivated"
    )
    lead = page_client(cast.outsider_lead).get(
        reverse("org:person_detail", args=[cast.outsider.pk])
    )
    assert lead.status_code == 404
