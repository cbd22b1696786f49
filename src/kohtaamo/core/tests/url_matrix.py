from kohtaamo.testing.url_matrix import NOT_FOUND, OK, Route, same_for_signed_in

EXPECTED = {
    "core:home": Route(same_for_signed_in(OK)),
    "core:healthz": Route(same_for_signed_in(OK, anonymous=OK)),
    "set_language": Route(
        same_for_signed_in(302, anonymous=302), method="post", data=lambda w: {"language": "sv"}
    ),
    # The API's schema and docs describe the API, not anyone's data.
    "api-1.0.0:openapi-json": Route(same_for_signed_in(OK, anonymous=OK)),
    "api-1.0.0:openapi-view": Route(same_for_signed_in(OK, anonymous=OK)),
    "api-1.0.0:api-root": Route(same_for_signed_in(NOT_FOUND, anonymous=NOT_FOUND)),
}
