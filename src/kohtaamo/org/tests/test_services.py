"""The organisation's write rules, called directly (the pages and the API
call the same functions)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from kohtaamo.conftest import Cast
from kohtaamo.org.models import Team, TeamMembership, TeamRole, Unit, UnitManager
from kohtaamo.org.services import (
    ERROR_EMAIL_TAKEN,
    ERROR_SELF_DEACTIVATE,
    ERROR_SELF_UNADMIN,
    ERROR_TEAM_CODE_TAKEN,
    ERROR_UNIT_CODE_TAKEN,
    ERROR_UNIT_CYCLE,
    manager_add,
    manager_remove,
    membership_remove,
    membership_set,
    person_create,
    person_set_active,
    person_set_admin,
    person_update,
    team_create,
    team_update,
    unit_create,
    unit_move,
    unit_update,
)

User = get_user_model()


def _paths() -> dict[str, tuple[str, int]]:
    return {u.code: (u.path, u.depth) for u in Unit.objects.all()}


def test_unit_create_refuses_a_code_in_use(cast: Cast) -> None:
    # given the code "hki" is the Helsinki hotel's
    # when another unit is created with it
    with pytest.raises(ValidationError) as caught:
        unit_create(name="Toinen", code="hki", parent=cast.region)
    # then the message names the code, and no unit was added
    assert caught.value.message_dict == {"code": [str(ERROR_UNIT_CODE_TAKEN)]}
    assert Unit.objects.count() == 3


def test_unit_create_places_the_unit_under_its_parent(cast: Cast) -> None:
    desk = unit_create(name="Aula", code="hki-aula", parent=cast.hotel)
    assert desk.path == f"{cast.hotel.path}{desk.pk}/"
    assert desk.depth == 2


def test_unit_update_renames_and_keeps_place_in_tree(cast: Cast) -> None:
    before = _paths()
    unit_update(unit=cast.hotel, name="Hotelli Helsinki Keskusta", code="hki-keskusta")
    cast.hotel.refresh_from_db()
    assert (cast.hotel.name, cast.hotel.code) == ("Hotelli Helsinki Keskusta", "hki-keskusta")
    assert cast.hotel.path == before["hki"][0]


def test_unit_update_refuses_another_units_code(cast: Cast) -> None:
    with pytest.raises(ValidationError) as caught:
        unit_update(unit=cast.hotel, name="Uusi nimi", code="oulu")
    assert caught.value.message_dict == {"code": [str(ERROR_UNIT_CODE_TAKEN)]}
    cast.hotel.refresh_from_db()
    assert (cast.hotel.name, cast.hotel.code) == ("Hotelli Helsinki", "hki")


def test_unit_update_keeps_own_code(cast: Cast) -> None:
    unit_update(unit=cast.hotel, name="Helsinki", code="hki")
    cast.hotel.refresh_from_db()
    assert cast.hotel.name == "Helsinki"


def test_unit_move_rewrites_the_whole_subtree(cast: Cast) -> None:
    # given region → hotel → desk
    desk = unit_create(name="Aula", code="hki-aula", parent=cast.hotel)
    # when the hotel moves under the Oulu unit
    unit_move(unit=cast.hotel, parent=cast.other_unit)
    # then the hotel and its desk carry the new path
    hotel, desk = Unit.objects.get(code="hki"), Unit.objects.get(code="hki-aula")
    assert hotel.parent_id == cast.other_unit.pk
    assert hotel.path == f"/{cast.other_unit.pk}/{hotel.pk}/"
    assert desk.path == f"/{cast.other_unit.pk}/{hotel.pk}/{desk.pk}/"
    assert (hotel.depth, desk.depth) == (1, 2)


def test_unit_move_to_the_top_level(cast: Cast) -> None:
    unit_move(unit=cast.hotel, parent=None)
    hotel = Unit.objects.get(code="hki")
    assert (hotel.parent_id, hotel.path, hotel.depth) == (None, f"/{hotel.pk}/", 0)


@pytest.mark.parametrize("target", ["itself", "child", "grandchild"])
def test_unit_move_refuses_a_cycle(cast: Cast, target: str) -> None:
    # given region → hotel → desk
    desk = unit_create(name="Aula", code="hki-aula", parent=cast.hotel)
    parent = {"itself": cast.region, "child": cast.hotel, "grandchild": desk}[target]
    before = _paths()
    # when the region is moved under itself or a unit below it
    with pytest.raises(ValidationError) as caught:
        unit_move(unit=cast.region, parent=parent)
    # then it is refused and no path changed
    assert caught.value.message_dict == {"parent": [str(ERROR_UNIT_CYCLE)]}
    assert _paths() == before


def test_team_create_refuses_a_code_in_use(cast: Cast) -> None:
    with pytest.raises(ValidationError) as caught:
        team_create(name="Toinen", code="hki-vastaanotto", unit=cast.hotel)
    assert caught.value.message_dict == {"code": [str(ERROR_TEAM_CODE_TAKEN)]}
    assert Team.objects.count() == 2


def test_team_update_moves_a_team_to_another_unit(cast: Cast) -> None:
    team_update(team=cast.team, name="Aula", code="hki-aula", unit=cast.other_unit)
    team = Team.objects.get(pk=cast.team.pk)
    assert (team.name, team.code, team.unit_id) == ("Aula", "hki-aula", cast.other_unit.pk)


def test_team_update_refuses_another_teams_code(cast: Cast) -> None:
    with pytest.raises(ValidationError) as caught:
        team_update(team=cast.team, name="Aula", code="oulu-vastaanotto", unit=cast.hotel)
    assert caught.value.message_dict == {"code": [str(ERROR_TEAM_CODE_TAKEN)]}
    team = Team.objects.get(pk=cast.team.pk)
    assert (team.name, team.code) == ("Vastaanotto", "hki-vastaanotto")


def test_person_create_normalises_the_email_into_the_username(db: None) -> None:
    person = person_create(
        email="  Kaisa.Korhonen@Example.FI ", first_name="Kaisa", last_name="Korhonen"
    )
    assert (person.email, person.username) == ("kaisa.korhonen@example.fi",) * 2
    assert person.has_usable_password() is False
    assert (person.is_staff, person.is_superuser) == (False, False)


def test_person_create_refuses_an_email_in_use_whatever_its_case(cast: Cast) -> None:
    with pytest.raises(ValidationError) as caught:
        person_create(email="AINO@example.fi", first_name="Aino", last_name="Toinen")
    assert caught.value.message_dict == {"email": [str(ERROR_EMAIL_TAKEN)]}
    assert User.objects.filter(email__iexact="aino@example.fi").count() == 1


def test_person_update_refuses_another_persons_email(cast: Cast) -> None:
    with pytest.raises(ValidationError) as caught:
        person_update(person=cast.agent, email="leena@example.fi", first_name="A", last_name="B")
    assert caught.value.message_dict == {"email": [str(ERROR_EMAIL_TAKEN)]}
    agent = User.objects.get(pk=cast.agent.pk)
    assert (agent.email, agent.first_name) == ("aino@example.fi", "Aino")


def test_person_update_changes_username_with_email(cast: Cast) -> None:
    person_update(
        person=cast.agent, email="aino.a@example.fi", first_name="Aino", last_name="Aalto"
    )
    agent = User.objects.get(pk=cast.agent.pk)
    assert (agent.username, agent.email, agent.last_name) == (
        "aino.a@example.fi",
        "aino.a@example.fi",
        "Aalto",
    )


def test_an_admin_cannot_deactivate_themselves(cast: Cast) -> None:
    with pytest.raises(ValidationError) as caught:
        person_set_active(person=cast.admin, is_active=False, by=cast.admin)
    assert caught.value.messages == [str(ERROR_SELF_DEACTIVATE)]
    assert User.objects.get(pk=cast.admin.pk).is_active is True


def test_an_admin_cannot_unmake_themselves(cast: Cast) -> None:
    with pytest.raises(ValidationError) as caught:
        person_set_admin(person=cast.admin, is_admin=False, by=cast.admin)
    assert caught.value.messages == [str(ERROR_SELF_UNADMIN)]
    admin = User.objects.get(pk=cast.admin.pk)
    assert (admin.is_superuser, admin.is_staff) == (True, True)


def test_making_an_admin_also_lets_them_into_the_django_admin(cast: Cast) -> None:
    person_set_admin(person=cast.agent, is_admin=True, by=cast.admin)
    agent = User.objects.get(pk=cast.agent.pk)
    assert (agent.is_superuser, agent.is_staff) == (True, True)
    person_set_admin(person=cast.agent, is_admin=False, by=cast.admin)
    agent = User.objects.get(pk=cast.agent.pk)
    assert (agent.is_superuser, agent.is_staff) == (False, False)


def test_membership_set_changes_the_role_without_a_second_row(cast: Cast) -> None:
    membership_set(user=cast.agent, team=cast.team, role=TeamRole.LEAD)
    assert list(TeamMembership.objects.filter(user=cast.agent).values_list("role", flat=True)) == [
        "lead"
    ]
    membership_remove(user=cast.agent, team=cast.team)
    assert TeamMembership.objects.filter(user=cast.agent).count() == 0


def test_manager_add_twice_keeps_one_row(cast: Cast) -> None:
    manager_add(user=cast.lead, unit=cast.hotel)
    manager_add(user=cast.lead, unit=cast.hotel)
    assert UnitManager.objects.filter(user=cast.lead).count() == 1
    manager_remove(user=cast.lead, unit=cast.hotel)
    assert UnitManager.objects.filter(user=cast.lead).count() == 0
