from kohtaamo.testing.url_matrix import LOGIN, NOT_FOUND, OK, Route, same_for_signed_in

EXPECTED = {
    "encounters:list": Route(same_for_signed_in(OK)),
    "encounters:detail": Route(
        {"anonymous": LOGIN, "agent": OK, "lead": OK, "manager": OK, "admin": OK},
        kwargs=lambda w: {"pk": w.encounter.pk},
    ),
    "encounters:detail#other": Route(
        {
            "anonymous": LOGIN,
            "agent": NOT_FOUND,
            "lead": NOT_FOUND,
            "manager": NOT_FOUND,
            "admin": OK,
        },
        kwargs=lambda w: {"pk": w.other_encounter.pk},
    ),
}
