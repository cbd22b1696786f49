"""Calibration sessions: blind scoring, agreement through the product's code
path (Krippendorff's published example), the agreed score, closing."""

from __future__ import annotations

import random
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kohtaamo.conftest import Cast
from kohtaamo.org.models import TeamRole
from kohtaamo.reviews.agreement import agreement
from kohtaamo.reviews.calibration_results import (
    calibration_flagged_reviewers,
    calibration_results,
)
from kohtaamo.reviews.models import CalibrationItem, CalibrationScore, CalibrationSession
from kohtaamo.reviews.services import (
    ERROR_SESSION_CLOSED,
    calibration_agree,
    calibration_close,
    calibration_create,
    calibration_score_submit,
    reviewer_nominate,
)
from kohtaamo.reviews.tests.helpers import TOP, ratings_by_code
from kohtaamo.testing.clients import client_for
from kohtaamo.testing.factories import EncounterFactory, MembershipFactory, UserFactory

# Krippendorff (2011): 4 observers × 12 units, None where an observer gave
# no value. Here the observers are reviewers and the units encounters; the
# values are their ratings of "genuine will" (1–5).
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


@pytest.fixture
def reviewers(cast: Cast) -> list[Any]:
    colleague = UserFactory(first_name="Kaisa", last_name="Kalibroija")
    MembershipFactory(user=colleague, team=cast.team, role=TeamRole.AGENT)
    reviewer_nominate(team=cast.team, user=colleague, by=cast.lead)
    return [cast.lead, cast.manager, cast.admin, colleague]


def _session(cast: Cast, reviewers: list[Any], count: int) -> CalibrationSession:
    for _ in range(count):
        EncounterFactory(staff=cast.agent, team=cast.team, has_transcript=True)
    return calibration_create(
        name="Marraskuun kalibrointi",
        team=cast.team,
        encounter_count=count,
        reviewers=reviewers,
        by=cast.lead,
        rng=random.Random(5),
    )


def _score(item: CalibrationItem, by: Any, **values: int) -> CalibrationScore:
    return calibration_score_submit(item=item, by=by, ratings=ratings_by_code({**TOP, **values}))


def test_krippendorffs_example_through_a_calibration_session(
    cast: Cast, reviewers: list[Any]
) -> None:
    # given a session of 12 encounters and 4 reviewers who rated "genuine
    # will" as in Krippendorff's example (a missing value: not scored)
    session = _session(cast, reviewers, 12)
    items = list(session.items.order_by("position"))
    for reviewer, row in zip(reviewers, KRIPPENDORFF_2011, strict=True):
        for item, value in zip(items, row, strict=True):
            if value is not None:
                _score(item, reviewer, **{"genuine-will": value})
    # when the results are computed
    results = calibration_results(session=session)
    genuine = next(r for r in results.criteria if r.criterion.code == "genuine-will")
    # then the rated scale is compared as ordinal data: 0.815
    assert genuine.level == "ordinal"
    assert round(genuine.agreement.alpha or 0, 3) == 0.815
    # and the same matrix as categories and as numbers: 0.743 and 0.849
    assert genuine.matrix == [[None if v is None else v for v in row] for row in KRIPPENDORFF_2011]
    assert round(agreement(genuine.matrix, "nominal").alpha or 0, 3) == 0.743
    assert round(agreement(genuine.matrix, "interval").alpha or 0, 3) == 0.849
    # a point everyone rated the same has no defined alpha and full agreement
    honesty = next(r for r in results.criteria if r.criterion.code == "honesty")
    assert (honesty.level, honesty.agreement.alpha, honesty.agreement.percent) == (
        "nominal",
        None,
        1.0,
    )


def test_each_reviewers_mean_deviation_in_score_points(cast: Cast, reviewers: list[Any]) -> None:
    session = _session(cast, reviewers, 1)
    item = session.items.get()
    # genuine will 5, 5, 5 and 1 (weight 2 of 15): 100, 100, 100 and 100 · 13/15
    for reviewer in reviewers[:3]:
        _score(item, reviewer)
    _score(item, reviewers[3], **{"genuine-will": 1})
    rows = calibration_results(session=session).reviewers
    assert [r.scores for r in rows] == [[100.0], [100.0], [100.0], [pytest.approx(1300 / 15)]]
    # the fourth is 100 − 86.67 = 13.33 from the others; each of the three is
    # 100 − (100 + 100 + 86.67) / 3 = 4.44 from theirs
    assert [round(r.deviation or 0, 2) for r in rows] == [4.44, 4.44, 4.44, 13.33]
    assert [r.beyond_bound for r in rows] == [False, False, False, False]


def test_scores_stay_hidden_until_everyone_has_scored(cast: Cast, reviewers: list[Any]) -> None:
    session = _session(cast, reviewers, 1)
    item = session.items.get()
    url = reverse("reviews:calibration_detail", kwargs={"pk": session.pk})
    for reviewer in reviewers[:3]:
        _score(item, reviewer)
    assert client_for(cast.lead).get(url).context["results"] is None
    _score(item, reviewers[3])
    assert client_for(cast.lead).get(url).context["results"] is not None


def test_a_reviewer_scores_on_the_page_without_seeing_others(
    cast: Cast, reviewers: list[Any]
) -> None:
    session = _session(cast, reviewers, 2)
    item = session.items.order_by("position").first()
    assert item is not None
    client = client_for(reviewers[3])
    url = reverse("reviews:calibration_score", kwargs={"pk": session.pk, "item_pk": item.pk})
    assert client.get(url).status_code == 200
    data = {f"rating-{pk}": str(r.value) for pk, r in ratings_by_code(TOP).items()}
    assert client.post(url, data).status_code == 302
    assert CalibrationScore.objects.get(item=item).reviewer == reviewers[3]
    # a point left unrated is refused, nothing more stored
    del data[next(iter(data))]
    other = session.items.order_by("position").last()
    assert other is not None
    other_url = reverse("reviews:calibration_score", kwargs={"pk": session.pk, "item_pk": other.pk})
    assert client.post(other_url, data).status_code == 400
    assert CalibrationScore.objects.count() == 1


def test_only_the_sessions_reviewers_score(cast: Cast, reviewers: list[Any]) -> None:
    session = _session(cast, reviewers, 1)
    item = session.items.get()
    with pytest.raises(PermissionDenied):
        _score(item, cast.agent)
    url = reverse("reviews:calibration_score", kwargs={"pk": session.pk, "item_pk": item.pk})
    assert client_for(cast.agent).get(url).status_code in (403, 404)
    assert client_for(cast.outsider_lead).get(url).status_code == 404
    assert CalibrationScore.objects.count() == 0


def test_a_score_after_the_session_closed_is_refused(cast: Cast, reviewers: list[Any]) -> None:
    session = _session(cast, reviewers, 1)
    item = session.items.get()
    calibration_close(session=session, by=cast.lead)
    with pytest.raises(ValidationError) as error:
        _score(item, cast.manager)
    assert error.value.messages == [str(ERROR_SESSION_CLOSED)]
    assert CalibrationScore.objects.count() == 0
    url = reverse("reviews:calibration_score", kwargs={"pk": session.pk, "item_pk": item.pk})
    data = {f"rating-{pk}": str(r.value) for pk, r in ratings_by_code(TOP).items()}
    response = client_for(cast.manager).post(url, data, headers={"accept-language": "en"})
    assert response.status_code == 400
    assert "The calibration session is closed" in response.content.decode()
    assert CalibrationScore.objects.count() == 0


def test_the_facilitator_records_the_agreed_score(cast: Cast, reviewers: list[Any]) -> None:
    session = _session(cast, reviewers, 1)
    item = session.items.get()
    response = client_for(cast.lead).post(
        reverse("reviews:calibration_agree", kwargs={"item_pk": item.pk}),
        {f"i{item.pk}-score": "82.5", f"i{item.pk}-note": "Lupaus jäi epäselväksi."},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.agreed_score, item.agreed_note, item.agreed_by) == (
        82.5,
        "Lupaus jäi epäselväksi.",
        cast.lead,
    )
    bad = client_for(cast.lead).post(
        reverse("reviews:calibration_agree", kwargs={"item_pk": item.pk}),
        {f"i{item.pk}-score": "101"},
    )
    assert bad.status_code == 400
    with pytest.raises(PermissionDenied):
        calibration_agree(item=item, score=50, note="", by=cast.manager)
    item.refresh_from_db()
    assert item.agreed_score == 82.5


def test_bad_sessions_are_refused(cast: Cast, reviewers: list[Any]) -> None:
    EncounterFactory(staff=cast.agent, team=cast.team)
    with pytest.raises(ValidationError) as error:
        calibration_create(
            name="x", team=cast.team, encounter_count=2, reviewers=reviewers, by=cast.lead
        )
    assert error.value.code == "too_few_encounters"
    with pytest.raises(ValidationError) as error:
        calibration_create(
            name="x", team=cast.team, encounter_count=1, reviewers=[cast.lead], by=cast.lead
        )
    assert error.value.code == "too_few_reviewers"
    with pytest.raises(ValidationError) as error:
        calibration_create(
            name="x",
            team=cast.team,
            encounter_count=1,
            reviewers=[cast.lead, cast.agent],
            by=cast.lead,
        )
    assert error.value.code == "not_eligible"
    with pytest.raises(PermissionDenied):
        calibration_create(
            name="x", team=cast.team, encounter_count=1, reviewers=reviewers, by=cast.outsider_lead
        )
    assert CalibrationSession.objects.count() == 0


def test_a_lead_creates_a_session_on_the_page(cast: Cast, reviewers: list[Any]) -> None:
    for _ in range(3):
        EncounterFactory(staff=cast.agent, team=cast.team)
    response = client_for(cast.lead).post(
        reverse("reviews:calibrations"),
        {
            "name": "Joulukuu",
            "team": cast.team.pk,
            "encounter_count": 3,
            "reviewers": [cast.lead.pk, reviewers[3].pk],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    session = CalibrationSession.objects.get()
    assert session.items.count() == 3 and session.participants.count() == 2


def test_a_reviewer_far_from_the_others_session_after_session_is_flagged(
    cast: Cast, reviewers: list[Any]
) -> None:
    # given two closed sessions where the colleague gave one step less on
    # every rated point: 100 · (11 · 0.75 + 2 · 0.5 + 2) / 15 = 75 against 100,
    # so 25 points from the others (beyond 15), who are 8.3 from theirs
    low = {code: value - 1 for code, value in TOP.items() if code != "honesty"}
    low["keepable-promises"] = 2
    for _ in range(2):
        session = _session(cast, reviewers, 1)
        item = session.items.get()
        for reviewer in reviewers[:3]:
            _score(item, reviewer)
        _score(item, reviewers[3], **low)
        calibration_close(session=session, by=cast.lead)
    flagged = calibration_flagged_reviewers(user=cast.manager)
    assert [(person, [round(d, 1) for d in runs]) for person, runs in flagged] == [
        (reviewers[3], [25.0, 25.0])
    ]
    assert calibration_flagged_reviewers(user=cast.outsider_lead) == []
