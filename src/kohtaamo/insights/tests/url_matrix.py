"""The results and feedback pages and the report API: every signed-in person
may open them, filled with what they may see (tested in test_pages.py and
test_api.py)."""

from kohtaamo.testing.url_matrix import OK, UNAUTHORIZED, Route, same_for_signed_in

EXPECTED = {
    "insights:results": Route(same_for_signed_in(OK)),
    "insights:feedback": Route(same_for_signed_in(OK)),
    "api-1.0.0:report_nps": Route(same_for_signed_in(OK, anonymous=UNAUTHORIZED)),
}
