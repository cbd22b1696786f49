from kohtaamo.testing.url_matrix import FORBIDDEN, LOGIN, NOT_FOUND, OK, Route

EXPECTED = {
    "org:overview": Route(
        {"anonymous": LOGIN, "agent": FORBIDDEN, "lead": OK, "manager": OK, "admin": OK}
    ),
    "org:team_detail": Route(
        {"anonymous": LOGIN, "agent": OK, "lead": OK, "manager": OK, "admin": OK},
        kwargs=lambda w: {"pk": w.cast.team.pk},
    ),
    "org:team_detail#other": Route(
        {
            "anonymous": LOGIN,
            "agent": NOT_FOUND,
            "lead": NOT_FOUND,
            "manager": NOT_FOUND,
            "admin": OK,
        },
        kwargs=lambda w: {"pk": w.cast.other_team.pk},
    ),
}
