"""Who gets what from the organisation pages (see testing/url_matrix.py).

Reading: leads and managers see what is theirs, agents only their own team
page and their own person page. Writing: admins only; everyone else gets 403
before any object is looked up.
"""

from kohtaamo.testing.url_matrix import FORBIDDEN, LOGIN, NOT_FOUND, OK, Route


def _viewers(*, agent: int, lead: int, manager: int) -> dict[str, int | str]:
    return {"anonymous": LOGIN, "agent": agent, "lead": lead, "manager": manager, "admin": OK}


def _admin_only(admin: int) -> dict[str, int | str]:
    return {
        "anonymous": LOGIN,
        "agent": FORBIDDEN,
        "lead": FORBIDDEN,
        "manager": FORBIDDEN,
        "admin": admin,
    }


EXPECTED = {
    "org:overview": Route(_viewers(agent=FORBIDDEN, lead=OK, manager=OK)),
    # --- Units
    "org:unit_create": Route(_admin_only(OK)),
    "org:unit_detail": Route(
        _viewers(agent=FORBIDDEN, lead=OK, manager=OK), kwargs=lambda w: {"pk": w.cast.hotel.pk}
    ),
    "org:unit_detail#other": Route(
        _viewers(agent=FORBIDDEN, lead=NOT_FOUND, manager=NOT_FOUND),
        kwargs=lambda w: {"pk": w.cast.other_unit.pk},
    ),
    "org:unit_edit": Route(
        _admin_only(302),
        kwargs=lambda w: {"pk": w.cast.hotel.pk},
        method="post",
        data=lambda w: {"name": "Hotelli Helsinki Keskusta", "code": "hki"},
    ),
    "org:unit_move": Route(
        _admin_only(302),
        kwargs=lambda w: {"pk": w.cast.hotel.pk},
        method="post",
        data=lambda w: {"parent": ""},
    ),
    "org:unit_manager_add": Route(
        _admin_only(302),
        kwargs=lambda w: {"pk": w.cast.hotel.pk},
        method="post",
        data=lambda w: {"person": w.cast.lead.pk},
    ),
    "org:unit_manager_remove": Route(
        _admin_only(302),
        kwargs=lambda w: {"pk": w.cast.region.pk, "person_pk": w.cast.manager.pk},
        method="post",
    ),
    # --- Teams
    "org:team_create": Route(_admin_only(OK)),
    "org:team_detail": Route(
        _viewers(agent=OK, lead=OK, manager=OK), kwargs=lambda w: {"pk": w.cast.team.pk}
    ),
    "org:team_detail#other": Route(
        _viewers(agent=NOT_FOUND, lead=NOT_FOUND, manager=NOT_FOUND),
        kwargs=lambda w: {"pk": w.cast.other_team.pk},
    ),
    "org:team_edit": Route(_admin_only(OK), kwargs=lambda w: {"pk": w.cast.team.pk}),
    "org:team_member_add": Route(
        _admin_only(302),
        kwargs=lambda w: {"pk": w.cast.team.pk},
        method="post",
        data=lambda w: {"person": w.cast.outsider.pk, "role": "agent"},
    ),
    "org:team_member_remove": Route(
        _admin_only(302),
        kwargs=lambda w: {"pk": w.cast.team.pk, "person_pk": w.cast.agent.pk},
        method="post",
    ),
    # --- People
    "org:people": Route(_viewers(agent=FORBIDDEN, lead=OK, manager=OK)),
    "org:person_create": Route(_admin_only(OK)),
    "org:person_detail": Route(
        _viewers(agent=OK, lead=OK, manager=OK), kwargs=lambda w: {"pk": w.cast.agent.pk}
    ),
    "org:person_detail#lead": Route(
        _viewers(agent=NOT_FOUND, lead=OK, manager=OK), kwargs=lambda w: {"pk": w.cast.lead.pk}
    ),
    "org:person_detail#other": Route(
        _viewers(agent=NOT_FOUND, lead=NOT_FOUND, manager=NOT_FOUND),
        kwargs=lambda w: {"pk": w.cast.outsider.pk},
    ),
    "org:person_edit": Route(_admin_only(OK), kwargs=lambda w: {"pk": w.cast.agent.pk}),
    "org:person_active": Route(
        _admin_only(302),
        kwargs=lambda w: {"pk": w.cast.agent.pk},
        method="post",
        data=lambda w: {"is_active": "0"},
    ),
    "org:person_admin": Route(
        _admin_only(302),
        kwargs=lambda w: {"pk": w.cast.agent.pk},
        method="post",
        data=lambda w: {"is_admin": "1"},
    ),
    "org:person_team_add": Route(
        _admin_only(302),
        kwargs=lambda w: {"pk": w.cast.agent.pk},
        method="post",
        data=lambda w: {"team": w.cast.other_team.pk, "role": "lead"},
    ),
    "org:person_unit_add": Route(
        _admin_only(302),
        kwargs=lambda w: {"pk": w.cast.agent.pk},
        method="post",
        data=lambda w: {"unit": w.cast.hotel.pk},
    ),
}
