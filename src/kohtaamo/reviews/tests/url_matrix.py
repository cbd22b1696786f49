"""The checklist, the review pages and the score help."""

from typing import Any

from kohtaamo.reviews.models import ReviewKind
from kohtaamo.reviews.services import (
    calibration_create,
    coaching_create,
    dispute_open,
    review_save,
)
from kohtaamo.reviews.tests.helpers import TOP, finished_review, ratings_by_code
from kohtaamo.testing.factories import EncounterFactory
from kohtaamo.testing.url_matrix import (
    FORBIDDEN,
    LOGIN,
    NOT_FOUND,
    OK,
    Route,
    same_for_signed_in,
)

ONLY_ADMIN_SEES = {
    "anonymous": LOGIN,
    "agent": NOT_FOUND,
    "lead": NOT_FOUND,
    "manager": NOT_FOUND,
    "admin": OK,
}


def build_world(*, cast: Any, encounter: Any, other_encounter: Any) -> dict[str, Any]:
    reviewed = EncounterFactory(staff=cast.agent, team=cast.team)
    self_drafted = EncounterFactory(staff=cast.agent, team=cast.team)
    self_draft = review_save(
        encounter=self_drafted,
        kind=ReviewKind.SELF,
        by=cast.agent,
        expected_version=0,
        ratings=ratings_by_code({"genuine-will": 4}),
        overall_comment="",
        finish=False,
    )
    review = finished_review(reviewed, cast.lead, values=TOP)
    other_review = finished_review(other_encounter, cast.outsider_lead)
    session = calibration_create(
        name="Kalibrointi",
        team=cast.team,
        encounter_count=1,
        reviewers=[cast.lead, cast.manager],
        by=cast.lead,
    )
    other_session = calibration_create(
        name="Oulun kalibrointi",
        team=cast.other_team,
        encounter_count=1,
        reviewers=[cast.outsider_lead, cast.admin],
        by=cast.outsider_lead,
    )
    coached = coaching_create(
        by=cast.lead,
        agent=cast.agent,
        team=cast.team,
        held_on=review.finished_at.date(),
        notes="",
        reviews=[review],
        focus=[],
        actions=[("Varmista ymmärsitkö oikein", review.finished_at.date())],
    )
    return {
        "coached": coached,
        "coaching_action": coached.actions.get(),
        "session": session,
        "item": session.items.get(),
        "other_session": other_session,
        "other_item": other_session.items.get(),
        "dispute": dispute_open(
            rating=review.ratings.get(criterion__code="honesty"), reason="Syy.", by=cast.agent
        ),
        "other_dispute": dispute_open(
            rating=other_review.ratings.get(criterion__code="honesty"),
            reason="Syy.",
            by=cast.outsider,
        ),
        "unreviewed": EncounterFactory(staff=cast.agent, team=cast.team),
        "review": review,
        "self_draft": self_draft,
        "other_review": other_review,
        "other_unreviewed": EncounterFactory(staff=cast.outsider, team=cast.other_team),
    }


def _post(expect: dict[str, int | str], kwargs: Any) -> Route:
    return Route(expect, kwargs=kwargs, method="post", data=lambda w: {})


EXPECTED = {
    "reviews:coaching": Route(same_for_signed_in(OK)),
    "reviews:coaching#post": _post(
        {"anonymous": LOGIN, "agent": FORBIDDEN, "lead": 400, "manager": 400, "admin": 400},
        lambda w: {},
    ),
    "reviews:coaching_detail": Route(same_for_signed_in(OK), kwargs=lambda w: {"pk": w.coached.pk}),
    # The coached person and the coach mark an action done; others may see it.
    "reviews:coaching_action_done": _post(
        {"anonymous": LOGIN, "agent": 302, "lead": 302, "manager": FORBIDDEN, "admin": FORBIDDEN},
        lambda w: {"pk": w.coaching_action.pk},
    ),
    "reviews:calibrations": Route(same_for_signed_in(OK)),
    "reviews:calibrations#post": _post(
        {"anonymous": LOGIN, "agent": FORBIDDEN, "lead": 400, "manager": 400, "admin": 400},
        lambda w: {},
    ),
    "reviews:calibration_detail": Route(
        {"anonymous": LOGIN, "agent": NOT_FOUND, "lead": OK, "manager": OK, "admin": OK},
        kwargs=lambda w: {"pk": w.session.pk},
    ),
    "reviews:calibration_detail#other": Route(
        ONLY_ADMIN_SEES, kwargs=lambda w: {"pk": w.other_session.pk}
    ),
    # Only the session's reviewers score; an admin sees the session but is not one.
    "reviews:calibration_score": Route(
        {"anonymous": LOGIN, "agent": NOT_FOUND, "lead": OK, "manager": OK, "admin": FORBIDDEN},
        kwargs=lambda w: {"pk": w.session.pk, "item_pk": w.item.pk},
    ),
    "reviews:calibration_score#other": Route(
        ONLY_ADMIN_SEES, kwargs=lambda w: {"pk": w.other_session.pk, "item_pk": w.other_item.pk}
    ),
    "reviews:calibration_agree": _post(
        {
            "anonymous": LOGIN,
            "agent": NOT_FOUND,
            "lead": 400,
            "manager": FORBIDDEN,
            "admin": FORBIDDEN,
        },
        lambda w: {"item_pk": w.item.pk},
    ),
    "reviews:calibration_agree#other": _post(
        {**ONLY_ADMIN_SEES, "admin": FORBIDDEN}, lambda w: {"item_pk": w.other_item.pk}
    ),
    "reviews:calibration_close": _post(
        {
            "anonymous": LOGIN,
            "agent": NOT_FOUND,
            "lead": 302,
            "manager": FORBIDDEN,
            "admin": FORBIDDEN,
        },
        lambda w: {"pk": w.session.pk},
    ),
    "reviews:calibration_close#other": _post(
        {**ONLY_ADMIN_SEES, "admin": FORBIDDEN}, lambda w: {"pk": w.other_session.pk}
    ),
    "reviews:checklist": Route(same_for_signed_in(OK)),
    "reviews:list": Route(same_for_signed_in(OK)),
    "reviews:score_help": Route(same_for_signed_in(OK)),
    "reviews:iqs": Route(same_for_signed_in(OK)),
    "reviews:export_csv": Route(same_for_signed_in(OK)),
    "reviews:assignments": Route(same_for_signed_in(OK)),
    "reviews:dispute_create": Route(
        {
            "anonymous": LOGIN,
            "agent": 400,
            "lead": FORBIDDEN,
            "manager": FORBIDDEN,
            "admin": FORBIDDEN,
        },
        kwargs=lambda w: {"pk": w.review.pk},
        method="post",
        data=lambda w: {},
    ),
    "reviews:dispute_create#other": Route(
        {**ONLY_ADMIN_SEES, "admin": FORBIDDEN},
        kwargs=lambda w: {"pk": w.other_review.pk},
        method="post",
        data=lambda w: {},
    ),
    "reviews:dispute_decide": Route(
        {"anonymous": LOGIN, "agent": FORBIDDEN, "lead": 400, "manager": 400, "admin": 400},
        kwargs=lambda w: {"pk": w.dispute.pk},
        method="post",
        data=lambda w: {},
    ),
    "reviews:dispute_decide#other": Route(
        {**ONLY_ADMIN_SEES, "admin": 400},
        kwargs=lambda w: {"pk": w.other_dispute.pk},
        method="post",
        data=lambda w: {},
    ),
    "reviews:assignments#post": Route(
        {"anonymous": LOGIN, "agent": FORBIDDEN, "lead": 400, "manager": 400, "admin": 400},
        method="post",
        data=lambda w: {},
    ),
    "reviews:reviewer_nominate": Route(
        {"anonymous": LOGIN, "agent": FORBIDDEN, "lead": 400, "manager": 400, "admin": 400},
        method="post",
        data=lambda w: {},
    ),
    "reviews:detail": Route(same_for_signed_in(OK), kwargs=lambda w: {"pk": w.review.pk}),
    "reviews:detail#other": Route(ONLY_ADMIN_SEES, kwargs=lambda w: {"pk": w.other_review.pk}),
    # A self-review stays the agent's own until it is finished.
    "reviews:detail#self_draft": Route(
        {"anonymous": LOGIN, "agent": OK, "lead": NOT_FOUND, "manager": NOT_FOUND, "admin": OK},
        kwargs=lambda w: {"pk": w.self_draft.pk},
    ),
    "reviews:lead_review": Route(
        {"anonymous": LOGIN, "agent": FORBIDDEN, "lead": OK, "manager": OK, "admin": OK},
        kwargs=lambda w: {"pk": w.unreviewed.pk},
    ),
    "reviews:lead_review#other": Route(
        ONLY_ADMIN_SEES, kwargs=lambda w: {"pk": w.other_unreviewed.pk}
    ),
    "reviews:self_review": Route(
        {
            "anonymous": LOGIN,
            "agent": OK,
            "lead": FORBIDDEN,
            "manager": FORBIDDEN,
            "admin": FORBIDDEN,
        },
        kwargs=lambda w: {"pk": w.unreviewed.pk},
    ),
    "reviews:self_review#other": Route(
        {**ONLY_ADMIN_SEES, "admin": FORBIDDEN}, kwargs=lambda w: {"pk": w.other_unreviewed.pk}
    ),
}
