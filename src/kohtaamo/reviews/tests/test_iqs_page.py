"""The IQS page: who sees whose figures, the figures themselves, bad filters."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from kohtaamo.conftest import Cast
from kohtaamo.org.models import TeamRole
from kohtaamo.reviews.models import Review, ReviewKind
from kohtaamo.reviews.tests.helpers import TOP, finished_review
from kohtaamo.testing.clients import client_for
from kohtaamo.testing.factories import EncounterFactory, MembershipFactory, UserFactory

NOVEMBER = {"date_from": "2026-11-01", "date_to": "2026-11-30", "period": "month"}


def _reviewed(cast: Cast, staff: Any, team: Any, by: Any, day: int, **values: int) -> Review:
    encounter = EncounterFactory(staff=staff, team=team)
    review = finished_review(encounter, by, values={**TOP, **values})
    Review.objects.filter(pk=review.pk).update(
        finished_at=timezone.make_aware(datetime(2026, 11, day, 12))
    )
    return review


@pytest.fixture
def scores(cast: Cast) -> dict[str, Any]:
    """The agent: 100, 100 and 0 (honesty failed); a colleague: 100 and a 3/5
    on genuine will (weight 2: 100 − 100·2·0.5/15 = 93.33); Oulu: 100."""
    colleague = UserFactory(first_name="Kalle", last_name="Kollega")
    MembershipFactory(user=colleague, team=cast.team, role=TeamRole.AGENT)
    _reviewed(cast, cast.agent, cast.team, cast.lead, 3)
    _reviewed(cast, cast.agent, cast.team, cast.lead, 10)
    _reviewed(cast, cast.agent, cast.team, cast.lead, 17, honesty=1)
    _reviewed(cast, colleague, cast.team, cast.lead, 4)
    _reviewed(cast, colleague, cast.team, cast.lead, 5, **{"genuine-will": 3})
    _reviewed(cast, cast.outsider, cast.other_team, cast.outsider_lead, 6)
    # a self-review never counts
    own = EncounterFactory(staff=cast.agent, team=cast.team)
    finished_review(own, cast.agent, kind=ReviewKind.SELF, values={**TOP, "genuine-will": 1})
    return {"colleague": colleague}


def _rows(user: Any, **params: str) -> list[tuple[str, int, float | None, int, bool]]:
    response = client_for(user).get(reverse("reviews:iqs"), {**NOVEMBER, **params})
    assert response.status_code == 200
    return [
        (r.label, r.result.n, r.result.mean, r.critical_fails, r.result.few_reviews)
        for r in response.context["rows"]
    ]


def test_the_lead_sees_each_agent_of_the_team_with_n_and_the_few_flag(
    cast: Cast, scores: dict[str, Any]
) -> None:
    rows = _rows(cast.lead, group_by="agent")
    assert [r[0] for r in rows] == ["Aino Agentti", "Kalle Kollega"]
    assert rows[0][1:] == (3, pytest.approx(200 / 3), 1, True)
    assert rows[1][1:] == (2, pytest.approx((100 + 100 * 14 / 15) / 2), 0, True)


def test_an_agent_sees_only_their_own(cast: Cast, scores: dict[str, Any]) -> None:
    assert [r[0] for r in _rows(cast.agent, group_by="agent")] == ["Aino Agentti"]


def test_a_manager_sees_the_unit_and_an_outsider_none_of_it(
    cast: Cast, scores: dict[str, Any]
) -> None:
    assert _rows(cast.manager, group_by="unit") == [
        ("Hotelli Helsinki", 5, pytest.approx((300 + 100 * 14 / 15) / 5), 1, True)
    ]
    assert [r[0] for r in _rows(cast.outsider_lead, group_by="team")] == ["Oulun vastaanotto"]
    assert [r[0] for r in _rows(cast.admin, group_by="team")] == [
        "Oulun vastaanotto",
        "Vastaanotto",
    ]


def test_weeks_split_the_month(cast: Cast, scores: dict[str, Any]) -> None:
    rows = (
        client_for(cast.agent)
        .get(reverse("reviews:iqs"), {**NOVEMBER, "period": "week"})
        .context["rows"]
    )
    assert [(str(r.period), r.result.n) for r in rows] == [
        ("2026-11-02", 1),
        ("2026-11-09", 1),
        ("2026-11-16", 1),
    ]


def test_the_weakest_point_is_named_with_its_n(cast: Cast, scores: dict[str, Any]) -> None:
    response = client_for(cast.lead).get(reverse("reviews:iqs"), NOVEMBER)
    weakest = response.context["weakest"]
    # honesty: yes, yes, no, yes, yes → 80; genuine will: 4 × 100 and one 50 → 90
    assert [(s.criterion.code, round(s.mean, 1), s.n) for s in weakest[:2]] == [
        ("honesty", 80.0, 5),
        ("genuine-will", 90.0, 5),
    ]


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "2026-11-30", "date_to": "2026-11-01"},
        {"group_by": "customer"},
        {"period": "day"},
        {"date_from": "30.13.2026"},
        {"date_from": "2020-01-01", "date_to": "2026-01-01"},
    ],
)
def test_bad_filters_show_their_error_and_no_figures(
    cast: Cast, scores: dict[str, Any], params: dict[str, str]
) -> None:
    response = client_for(cast.lead).get(reverse("reviews:iqs"), params)
    assert response.status_code == 400
    assert response.context["rows"] == []
    assert response.context["form"].errors


def test_the_page_takes_the_same_queries_for_many_reviews(
    cast: Cast, scores: dict[str, Any], django_assert_num_queries: Any
) -> None:
    client = client_for(cast.lead)
    client.get(reverse("reviews:iqs"), NOVEMBER)
    # session, user, memberships, managed units, the table, the criteria
    # counts, the criteria names
    with django_assert_num_queries(7):
        client.get(reverse("reviews:iqs"), NOVEMBER)
    for day in range(20, 28):
        _reviewed(cast, cast.agent, cast.team, cast.lead, day)
    with django_assert_num_queries(7):
        response = client.get(reverse("reviews:iqs"), NOVEMBER)
    assert response.context["rows"][0].result.n == 11
