"""`GET /api/v1/reports/nps`: the same records as the command line, of the
answers the caller may see."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from kohtaamo.conftest import Cast
from kohtaamo.insights.params import ERROR_DATES_REVERSED
from kohtaamo.insights.tests.helpers import answers
from kohtaamo.testing.clients import api_client_for

pytestmark = pytest.mark.django_db
URL = "/api/v1/reports/nps"
HELSINKI = ZoneInfo("Europe/Helsinki")


def test_the_report_lists_exactly_the_documented_keys(cast: Cast) -> None:
    # given 2 promoters and 1 detractor for the agent in January 2026
    answers(
        scores=[10, 9, 4],
        staff=cast.agent,
        team=cast.team,
        at=datetime(2026, 1, 5, 10, tzinfo=HELSINKI),
    )

    response = api_client_for(cast.admin).get(URL, {"by": "team", "period": "month"})

    assert response.status_code == 200
    [record] = response.json()
    assert record["group"] == "hki-vastaanotto"
    assert record["period"] == "2026-01-01"
    assert (record["n"], record["promoters"], record["passives"], record["detractors"]) == (
        3,
        2,
        0,
        1,
    )
    # NPS = (2 − 1) / 3 × 100
    assert record["nps"] == 33.33
    assert record["few_answers"] is True
    assert list(record) == [
        "group",
        "period",
        "n",
        "promoters",
        "passives",
        "detractors",
        "nps",
        "ci_low",
        "ci_high",
        "few_answers",
    ]


def test_from_and_to_limit_the_days(cast: Cast) -> None:
    answers(
        scores=[10], staff=cast.agent, team=cast.team, at=datetime(2026, 1, 5, 10, tzinfo=HELSINKI)
    )
    answers(
        scores=[10], staff=cast.agent, team=cast.team, at=datetime(2026, 2, 5, 10, tzinfo=HELSINKI)
    )

    response = api_client_for(cast.admin).get(
        URL, {"by": "channel", "period": "week", "from": "2026-02-01", "to": "2026-02-28"}
    )

    assert [(r["group"], r["period"]) for r in response.json()] == [("phone", "2026-02-02")]


def test_an_outsider_gets_nothing_of_another_unit(cast: Cast) -> None:
    answers(
        scores=[10], staff=cast.agent, team=cast.team, at=datetime(2026, 1, 5, 10, tzinfo=HELSINKI)
    )

    response = api_client_for(cast.outsider).get(URL)

    assert response.status_code == 200
    assert response.json() == []


def test_reversed_dates_are_a_422_at_the_parameter(cast: Cast) -> None:
    response = api_client_for(cast.admin).get(
        URL, {"from": "2026-02-01", "to": "2026-01-01"}, headers={"Accept-Language": "en"}
    )

    assert response.status_code == 422
    with translation.override("en"):
        message = str(ERROR_DATES_REVERSED)
    assert response.json() == {
        "detail": [{"loc": ["query", "to"], "msg": message, "type": "invalid"}]
    }


@pytest.mark.parametrize(
    "value", ["0", "1790812800", "2026-10-01T00:00:00Z", "2026-13-01", "20261201", ""]
)
def test_a_day_that_is_not_yyyy_mm_dd_is_refused_in_the_callers_language(
    cast: Cast, value: str
) -> None:
    # pydantic alone read "0" as 1 January 1970 and took a date and time
    response = api_client_for(cast.admin).get(URL, {"to": value}, headers={"Accept-Language": "fi"})

    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["query", "to"]
    assert error["msg"] == "Anna päivämäärä muodossa VVVV-KK-PP, esim. 2025-03-14."


def test_the_choices_of_a_grouping_are_listed_without_an_english_or(cast: Cast) -> None:
    response = api_client_for(cast.admin).get(
        URL, {"by": "customer"}, headers={"Accept-Language": "sv"}
    )

    [error] = response.json()["detail"]
    assert error["msg"] == "Välj något av följande: 'unit', 'team', 'staff', 'channel'."


def test_an_unknown_grouping_is_refused(cast: Cast) -> None:
    response = api_client_for(cast.admin).get(URL, {"by": "customer"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "by"]


def test_anonymous_callers_get_401() -> None:
    from django.test import Client

    assert Client().get(URL).status_code == 401


def test_language_limits_the_report_to_the_answers_in_it(cast: Cast) -> None:
    when = datetime(2026, 1, 5, 10, tzinfo=HELSINKI)
    answers(scores=[10, 3], staff=cast.agent, team=cast.team, at=when, language="sv")
    answers(scores=[0, 0, 0], staff=cast.agent, team=cast.team, at=when, language="en")

    swedish = api_client_for(cast.lead).get(URL, {"language": "sv"})
    german = api_client_for(cast.lead).get(URL, {"language": "de"})

    assert [(r["n"], r["promoters"], r["detractors"]) for r in swedish.json()] == [(2, 1, 1)]
    assert german.status_code == 422
    assert german.json()["detail"][0]["loc"] == ["query", "language"]
