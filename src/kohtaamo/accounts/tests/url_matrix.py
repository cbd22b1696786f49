from kohtaamo.testing.url_matrix import NOT_FOUND, OK, Route, same_for_signed_in

EXPECTED = {
    # A signed-in person is sent on from the login page.
    "accounts:login": Route(same_for_signed_in(302, anonymous=OK)),
    "accounts:logout": Route(same_for_signed_in(302, anonymous=302), method="post"),
    "accounts:password_change": Route(same_for_signed_in(OK)),
    "accounts:password_change_done": Route(same_for_signed_in(OK)),
    "accounts:tokens": Route(same_for_signed_in(OK)),
    # Everyone but the owner gets 404 for the agent's token.
    "accounts:token_revoke": Route(
        {
            "anonymous": "login",
            "agent": 302,
            "lead": NOT_FOUND,
            "manager": NOT_FOUND,
            "admin": NOT_FOUND,
        },
        kwargs=lambda w: {"pk": w.agent_token.pk},
        method="post",
    ),
}
