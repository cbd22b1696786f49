"""The organisation overview and the unit pages, walked as each role."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kohtaamo.conftest import Cast
from kohtaamo.core.tests.html import tags, text_of
from kohtaamo.core.tests.pages import en, page_client
from kohtaamo.org.models import Unit, UnitManager
from kohtaamo.org.services import ERROR_UNIT_CODE_TAKEN, ERROR_UNIT_CYCLE, unit_create

pytestmark = pytest.mark.django_db


def _tree(cast: Cast) -> dict[str, tuple[str, int, int | None]]:
    return {u.code: (u.path, u.depth, u.parent_id) for u in Unit.objects.all()}


def _form_actions(html: bytes) -> list[str]:
    return [
        f.attrs.get("action") or "" for f in tags(html, "form") if f.attrs.get("method") == "post"
    ]


def test_admin_sees_the_whole_tree_with_teams(cast: Cast) -> None:
    response = page_client(cast.admin).get(reverse("org:overview"))
    assert response.status_code == 200
    assert text_of(response.content, "unit-tree") == (
        "Etelä-Suomi Hotelli Helsinki Vastaanotto Hotelli Oulu Oulun vastaanotto"
    )


def test_manager_sees_their_region_only(cast: Cast) -> None:
    response = page_client(cast.manager).get(reverse("org:overview"))
    assert text_of(response.content, "unit-tree") == "Etelä-Suomi Hotelli Helsinki Vastaanotto"


def test_lead_sees_their_teams_unit_as_a_root_without_the_region(cast: Cast) -> None:
    response = page_client(cast.lead).get(reverse("org:overview"))
    assert text_of(response.content, "unit-tree") == "Hotelli Helsinki Vastaanotto"


def test_overview_offers_create_links_to_admins_only(cast: Cast) -> None:
    create = reverse("org:unit_create")
    assert f'href="{create}"' in page_client(cast.admin).get(reverse("org:overview")).text
    assert f'href="{create}"' not in page_client(cast.manager).get(reverse("org:overview")).text


def test_agent_is_refused_the_overview(cast: Cast) -> None:
    assert page_client(cast.agent).get(reverse("org:overview")).status_code == 403


def test_unit_page_shows_children_teams_and_managers(cast: Cast) -> None:
    response = page_client(cast.lead).get(reverse("org:unit_detail", args=[cast.region.pk]))
    # the lead does not see the region
    assert response.status_code == 404
    response = page_client(cast.manager).get(reverse("org:unit_detail", args=[cast.region.pk]))
    assert text_of(response.content, "unit-children") == "Hotelli Helsinki"
    assert text_of(response.content, "unit-teams") == "None."
    assert text_of(response.content, "unit-managers") == "Matti Manageri"


def test_manager_reads_the_unit_page_without_any_form(cast: Cast) -> None:
    response = page_client(cast.manager).get(reverse("org:unit_detail", args=[cast.hotel.pk]))
    assert response.status_code == 200
    assert _form_actions(response.content) == [reverse("set_language"), reverse("accounts:logout")]


def test_admin_gets_rename_move_and_manager_forms(cast: Cast) -> None:
    response = page_client(cast.admin).get(reverse("org:unit_detail", args=[cast.region.pk]))
    assert _form_actions(response.content) == [
        reverse("set_language"),
        reverse("accounts:logout"),
        reverse("org:unit_manager_remove", args=[cast.region.pk, cast.manager.pk]),
        reverse("org:unit_manager_add", args=[cast.region.pk]),
        reverse("org:unit_edit", args=[cast.region.pk]),
        reverse("org:unit_move", args=[cast.region.pk]),
    ]


def test_admin_creates_a_unit_under_a_parent(cast: Cast) -> None:
    response = page_client(cast.admin).post(
        reverse("org:unit_create"),
        {"name": "Hotelli Turku", "code": "turku", "parent": cast.region.pk},
        follow=True,
    )
    unit = Unit.objects.get(code="turku")
    assert (unit.name, unit.parent_id, unit.depth) == ("Hotelli Turku", cast.region.pk, 1)
    assert response.redirect_chain == [(reverse("org:unit_detail", args=[unit.pk]), 302)]
    assert "Unit “Hotelli Turku” created." in response.text


def test_unit_create_prefills_the_parent_from_a_valid_query_only(cast: Cast) -> None:
    client = page_client(cast.admin)
    url = reverse("org:unit_create")
    selected = f'<option value="{cast.hotel.pk}" selected>'
    assert selected in client.get(url, {"parent": cast.hotel.pk}).text
    response = client.get(url, {"parent": "not-a-number"})
    assert response.status_code == 200
    # the language menu's choice, and the parent's empty choice
    assert [
        o.attrs["value"] for o in tags(response.content, "option") if "selected" in o.attrs
    ] == [
        "en",
        "",
    ]


def test_unit_create_with_a_taken_code_says_so_and_writes_nothing(cast: Cast) -> None:
    response = page_client(cast.admin).post(
        reverse("org:unit_create"), {"name": "Toinen Helsinki", "code": "hki", "parent": ""}
    )
    assert response.status_code == 200
    assert en(ERROR_UNIT_CODE_TAKEN) in response.text
    assert Unit.objects.count() == 3


def test_unit_create_rejects_a_bad_code_and_a_missing_name(cast: Cast) -> None:
    response = page_client(cast.admin).post(
        reverse("org:unit_create"), {"name": "", "code": "ei kelpaa!", "parent": "999999"}
    )
    form = response.context["form"]
    assert set(form.errors) == {"name", "code", "parent"}
    assert Unit.objects.count() == 3


def test_admin_renames_a_unit(cast: Cast) -> None:
    response = page_client(cast.admin).post(
        reverse("org:unit_edit", args=[cast.hotel.pk]),
        {"name": "Hotelli Helsinki Keskusta", "code": "hki-keskusta"},
    )
    assert response.status_code == 302
    hotel = Unit.objects.get(pk=cast.hotel.pk)
    assert (hotel.name, hotel.code) == ("Hotelli Helsinki Keskusta", "hki-keskusta")


def test_renaming_to_a_taken_code_shows_the_error_on_the_unit_page(cast: Cast) -> None:
    response = page_client(cast.admin).post(
        reverse("org:unit_edit", args=[cast.hotel.pk]), {"name": "Uusi", "code": "oulu"}
    )
    assert response.status_code == 200
    assert en(ERROR_UNIT_CODE_TAKEN) in response.text
    # the heading keeps the stored name, not the refused one
    assert "<h1>Hotelli Helsinki " in response.text
    hotel = Unit.objects.get(pk=cast.hotel.pk)
    assert (hotel.name, hotel.code) == ("Hotelli Helsinki", "hki")


def test_admin_moves_a_unit_with_its_subtree(cast: Cast) -> None:
    desk = unit_create(name="Aula", code="hki-aula", parent=cast.hotel)
    response = page_client(cast.admin).post(
        reverse("org:unit_move", args=[cast.hotel.pk]), {"parent": cast.other_unit.pk}
    )
    assert response.status_code == 302
    desk.refresh_from_db()
    assert desk.path == f"/{cast.other_unit.pk}/{cast.hotel.pk}/{desk.pk}/"


def test_moving_a_unit_under_its_own_child_is_refused_with_a_clear_message(cast: Cast) -> None:
    before = _tree(cast)
    response = page_client(cast.admin).post(
        reverse("org:unit_move", args=[cast.region.pk]), {"parent": cast.hotel.pk}
    )
    assert response.status_code == 200
    assert en(ERROR_UNIT_CYCLE) in response.text
    assert _tree(cast) == before


def test_a_manager_cannot_move_a_unit(cast: Cast) -> None:
    before = _tree(cast)
    response = page_client(cast.manager).post(
        reverse("org:unit_move", args=[cast.hotel.pk]), {"parent": ""}
    )
    assert response.status_code == 403
    assert _tree(cast) == before


def test_admin_makes_and_unmakes_a_manager(cast: Cast) -> None:
    client = page_client(cast.admin)
    client.post(reverse("org:unit_manager_add", args=[cast.hotel.pk]), {"person": cast.lead.pk})
    assert list(
        UnitManager.objects.filter(user=cast.lead).values_list("unit__code", flat=True)
    ) == ["hki"]
    response = client.post(
        reverse("org:unit_manager_remove", args=[cast.hotel.pk, cast.lead.pk]),
        {"next": "https://evil.example/"},
    )
    # an outside `next` is ignored
    assert response["Location"] == reverse("org:unit_detail", args=[cast.hotel.pk])
    assert UnitManager.objects.filter(user=cast.lead).count() == 0


def test_manager_add_with_an_unknown_person_is_refused(cast: Cast) -> None:
    response = page_client(cast.admin).post(
        reverse("org:unit_manager_add", args=[cast.hotel.pk]), {"person": "999999"}
    )
    assert response.status_code == 200
    assert response.context["manager_form"].errors == {
        "person": ["Select a valid choice. That choice is not one of the available choices."]
    }
    assert UnitManager.objects.count() == 1


def test_the_django_admin_cannot_add_or_move_units(cast: Cast) -> None:
    """Only org.services keep the tree paths right, so the admin may not bypass them."""
    client = page_client(cast.admin)
    assert client.get("/admin/org/unit/add/").status_code == 403
    change = client.get(f"/admin/org/unit/{cast.hotel.pk}/change/")
    assert change.status_code == 200
    assert set(change.context["adminform"].form.fields) == {"name", "code"}
