"""The results page and the feedback page, per role."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kohtaamo.conftest import Cast
from kohtaamo.insights.forms import ERROR_TOO_MANY_PERIODS, MAX_PERIODS_SHOWN
from kohtaamo.insights.params import ERROR_DATES_REVERSED
from kohtaamo.insights.tests.helpers import answer, answers
from kohtaamo.testing.clients import client_for
from kohtaamo.testing.factories import TeamFactory

pytestmark = pytest.mark.django_db
RESULTS = reverse("insights:results")
FEEDBACK = reverse("insights:feedback")


def _recently(days: int = 3) -> datetime:
    return timezone.now() - timedelta(days=days)


def _get(user: Any, url: str, data: dict[str, str] | None = None) -> Any:
    return client_for(user).get(url, data or {}, headers={"Accept-Language": "en"})


def test_the_results_page_shows_each_figure_with_its_n_and_interval(cast: Cast) -> None:
    # given 3 promoters and a detractor for the agent's team
    answers(scores=[10, 9, 9, 2], staff=cast.agent, team=cast.team, at=_recently())

    page = _get(cast.lead, RESULTS, {"by": "team", "period": "month"})

    assert page.status_code == 200
    [group] = page.context["groups"]
    assert (group.group_label, group.total.nps.n, group.total.nps.score) == ("Vastaanotto", 4, 50.0)
    html = page.content.decode()
    assert "n = 4" in html
    assert "few answers" in html
    assert 'id="few-answers-explained"' in html
    assert '<circle class="point few"' in html


def test_the_latest_period_is_named_as_in_the_trend_table(cast: Cast) -> None:
    answers(scores=[10, 2], staff=cast.agent, team=cast.team, at=_recently(0))
    today = timezone.localdate()

    page = _get(cast.lead, RESULTS, {"by": "team", "period": "quarter"})

    quarter = f"Q{(today.month - 1) // 3 + 1} {today.year}"
    [latest_cell] = re.findall(r"<td>([^<]*): <span class=\"figure-cell", page.content.decode())
    assert latest_cell == quarter


def test_the_chart_coordinates_stay_numbers_in_finnish(cast: Cast) -> None:
    # given answers over several weeks, so that the chart has fractional positions
    for days in (3, 10, 17):
        answers(scores=[10, 7, 3], staff=cast.agent, team=cast.team, at=_recently(days))

    # when the lead reads the results in Finnish, which writes 12,5 for 12.5
    page = client_for(cast.lead).get(RESULTS, {"period": "week"}, headers={"Accept-Language": "fi"})

    # then every coordinate in the SVG is written with a decimal point
    html = page.content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    coordinates = re.findall(r' (?:x|y|x1|x2|y1|y2|cx|cy|points)="([^"]*)"', svg)
    assert coordinates
    assert [value for value in coordinates if "," in value and " " not in value] == []
    assert all(re.fullmatch(r"[-0-9. ,]+", value) for value in coordinates)


def test_a_figure_from_enough_answers_is_not_greyed(cast: Cast) -> None:
    answers(scores=[10] * 30, staff=cast.agent, team=cast.team, at=_recently())

    page = _get(cast.admin, RESULTS, {"by": "staff", "period": "quarter"})

    [group] = page.context["groups"]
    assert group.total.nps.few_answers is False
    assert '<circle class="point"' in page.content.decode()


def test_the_trend_lists_every_period_with_or_without_answers(cast: Cast) -> None:
    today = timezone.localdate()
    answer(staff=cast.agent, team=cast.team, at=_recently(0))

    page = _get(
        cast.admin,
        RESULTS,
        {
            "period": "week",
            "date_from": (today - timedelta(days=27)).isoformat(),
            "date_to": today.isoformat(),
        },
    )

    table = page.context["trend"]["table"]
    assert len(table) in (4, 5)
    assert table[-1]["row"].figures.nps.n == 1
    assert all(entry["row"] is None for entry in table[:-1])


def test_an_agent_is_told_the_figures_hold_only_their_own_answers(cast: Cast) -> None:
    answer(staff=cast.agent, team=cast.team, at=_recently())
    answer(staff=cast.lead, team=cast.team, at=_recently())

    page = _get(cast.agent, RESULTS, {"by": "team"})

    [group] = page.context["groups"]
    assert group.total.nps.n == 1
    assert 'id="own-answers-only"' in page.content.decode()


def test_an_outsider_sees_no_figure_of_another_unit(cast: Cast) -> None:
    answer(staff=cast.agent, team=cast.team, at=_recently())

    page = _get(cast.outsider, RESULTS, {"by": "unit"})

    assert page.context["groups"] == []


def test_a_lead_by_unit_is_told_why_their_teams_unit_is_not_listed(cast: Cast) -> None:
    TeamFactory(name="Ravintola", code="hki-ravintola", unit=cast.hotel)
    answer(staff=cast.agent, team=cast.team, at=_recently())

    page = _get(cast.lead, RESULTS, {"by": "unit"})
    by_team = _get(cast.lead, RESULTS, {"by": "team"})

    assert page.context["groups"] == []
    assert page.context["overall"][0].total.nps.n == 1
    assert 'id="units-named"' in page.content.decode()
    assert 'id="units-named"' not in by_team.content.decode()


def test_a_team_of_someone_else_cannot_be_chosen_as_a_filter(cast: Cast) -> None:
    answer(staff=cast.agent, team=cast.team, at=_recently())

    page = _get(cast.outsider, RESULTS, {"team": str(cast.team.pk)})

    assert page.status_code == 400
    assert "groups" not in page.context


def test_reversed_dates_are_explained_and_show_no_figures(cast: Cast) -> None:
    page = _get(cast.admin, RESULTS, {"date_from": "2026-03-01", "date_to": "2026-02-01"})

    assert page.status_code == 400
    assert page.context["form"].errors == {"date_to": [str(ERROR_DATES_REVERSED)]}


def test_a_range_of_too_many_periods_is_refused(cast: Cast) -> None:
    page = _get(cast.admin, RESULTS, {"period": "week", "date_from": "2000-01-01"})

    assert page.status_code == 400
    assert page.context["form"].errors == {
        "date_from": [str(ERROR_TOO_MANY_PERIODS) % {"max": MAX_PERIODS_SHOWN}]
    }


def test_junk_filters_get_a_400_not_a_500(cast: Cast) -> None:
    for data in ({"by": "x"}, {"period": "decade"}, {"date_from": "0001-01-01"}, {"unit": "abc"}):
        assert _get(cast.admin, RESULTS, data).status_code == 400, data


def test_the_results_page_takes_the_same_queries_for_more_teams_and_answers(cast: Cast) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert _get(cast.admin, RESULTS, {"by": "team", "period": "week"}).status_code == 200
        return len(captured)

    answer(staff=cast.agent, team=cast.team, at=_recently())
    few = queries()
    for index in range(5):
        team = TeamFactory(unit=cast.hotel)
        answers(scores=[9, 3], staff=cast.agent, team=team, at=_recently(index * 8))

    assert queries() == few


def test_a_unit_filter_keeps_only_the_answers_under_it(cast: Cast) -> None:
    answer(staff=cast.agent, team=cast.team, at=_recently())
    answer(staff=cast.outsider, team=cast.other_team, at=_recently())

    page = _get(cast.admin, RESULTS, {"by": "team", "unit": str(cast.region.pk)})

    assert [g.group for g in page.context["groups"]] == ["hki-vastaanotto"]


def test_the_feedback_page_takes_the_same_queries_for_more_answers(cast: Cast) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert _get(cast.lead, FEEDBACK).status_code == 200
        return len(captured)

    answer(staff=cast.agent, team=cast.team, at=_recently(), nps=2)
    few = queries()
    for index in range(6):
        answer(staff=cast.agent, team=cast.team, at=_recently(index), nps=index, comment="Hei")

    assert queries() == few


def test_staff_see_the_feedback_on_their_own_encounters_with_comments(cast: Cast) -> None:
    answer(staff=cast.agent, team=cast.team, at=_recently(), comment="Kiitos, <b>hyvä</b> palvelu!")
    answer(staff=cast.lead, team=cast.team, at=_recently(), comment="Jonotin pitkään.")

    page = _get(cast.agent, FEEDBACK)

    html = page.content.decode()
    assert [r.comment for r in page.context["answers"]] == ["Kiitos, <b>hyvä</b> palvelu!"]
    assert "Kiitos, &lt;b&gt;hyvä&lt;/b&gt; palvelu!" in html


def test_leads_see_their_teams_feedback_and_can_pick_the_unhappy(cast: Cast) -> None:
    answer(staff=cast.agent, team=cast.team, at=_recently(2), nps=10)
    answer(staff=cast.agent, team=cast.team, at=_recently(1), nps=3)
    answer(staff=cast.outsider, team=cast.other_team, at=_recently(1), nps=3)

    everything = _get(cast.lead, FEEDBACK).context["answers"]
    unhappy = _get(cast.lead, FEEDBACK, {"show": "unhappy"}).context["answers"]

    assert [r.nps for r in everything] == [3, 10]
    assert [r.nps for r in unhappy] == [3]


def test_the_feedback_page_refuses_a_bad_filter(cast: Cast) -> None:
    page = _get(cast.lead, FEEDBACK, {"show": "everything", "page": "0"})

    assert page.status_code == 400
    assert list(page.context["answers"]) == []


def test_the_answer_language_filter_shows_the_figures_of_that_language(cast: Cast) -> None:
    # given three Swedish promoters and two Finnish detractors in the agent's team
    answers(scores=[10, 9, 9], staff=cast.agent, team=cast.team, at=_recently(), language="sv")
    answers(scores=[0, 2], staff=cast.agent, team=cast.team, at=_recently())

    page = _get(cast.lead, RESULTS, {"by": "team", "language": "sv"})
    everyone = _get(cast.lead, RESULTS, {"by": "team"})

    assert page.status_code == 200
    [group] = page.context["groups"]
    assert (group.total.nps.n, group.total.nps.score) == (3, 100.0)
    assert '<option value="sv" selected>Swedish</option>' in page.content.decode()
    [all_answers] = everyone.context["groups"]
    assert all_answers.total.nps.n == 5


def test_an_unknown_answer_language_is_a_400(cast: Cast) -> None:
    assert _get(cast.admin, RESULTS, {"language": "de"}).status_code == 400
