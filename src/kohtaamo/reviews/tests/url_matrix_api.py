"""Scorecards, reviews, disputes and IQS in the REST API, as every role."""

from typing import Any

from kohtaamo.reviews.tests.helpers import finished_review
from kohtaamo.testing.factories import EncounterFactory
from kohtaamo.testing.url_matrix import NOT_FOUND, OK, UNAUTHORIZED, Route, same_for_signed_in

SIGNED_IN = same_for_signed_in(OK, anonymous=UNAUTHORIZED)


def build_world(*, cast: Any, encounter: Any, other_encounter: Any) -> dict[str, Any]:
    from kohtaamo.reviews.selectors import scorecard_default

    return {
        "api_review": finished_review(
            EncounterFactory(staff=cast.agent, team=cast.team), cast.lead
        ),
        "api_other_review": finished_review(
            EncounterFactory(staff=cast.outsider, team=cast.other_team), cast.outsider_lead
        ),
        "scorecard": scorecard_default(),
    }


EXPECTED = {
    "api-1.0.0:scorecard_list": Route(SIGNED_IN),
    "api-1.0.0:scorecard_detail": Route(
        SIGNED_IN, kwargs=lambda w: {"scorecard_id": w.scorecard.pk}
    ),
    "api-1.0.0:review_list": Route(SIGNED_IN),
    "api-1.0.0:review_detail": Route(SIGNED_IN, kwargs=lambda w: {"review_id": w.api_review.pk}),
    "api-1.0.0:review_detail#other": Route(
        {
            "anonymous": UNAUTHORIZED,
            "agent": NOT_FOUND,
            "lead": NOT_FOUND,
            "manager": NOT_FOUND,
            "admin": OK,
        },
        kwargs=lambda w: {"review_id": w.api_other_review.pk},
    ),
    "api-1.0.0:dispute_list": Route(SIGNED_IN),
    "api-1.0.0:iqs": Route(SIGNED_IN),
}
