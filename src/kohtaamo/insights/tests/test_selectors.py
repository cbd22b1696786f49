"""The report selectors: sums in the database, figures from kohtaamo.stats,
periods in the organisation's zone, and only what the reader may see."""

from __future__ import annotations

import math
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from kohtaamo.conftest import Cast
from kohtaamo.feedback.models import Response
from kohtaamo.insights.periods import ReportPeriod
from kohtaamo.insights.selectors import ReportGroup, report_groups, report_overall, report_rows
from kohtaamo.insights.tests.helpers import answer, answers
from kohtaamo.org.access_insights import report_responses, report_units
from kohtaamo.testing.factories import TeamFactory, UnitFactory

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")


def _at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=HELSINKI)


def test_team_month_figures_match_a_hand_computed_nps_and_interval(cast: Cast) -> None:
    # given 5 promoters, 3 passives and 2 detractors in March
    answers(
        scores=[10, 9, 9, 10, 9, 7, 8, 7, 3, 6],
        staff=cast.agent,
        team=cast.team,
        at=_at(date(2026, 3, 10)),
    )

    # when
    rows = report_rows(
        responses=Response.objects.all(), by=ReportGroup.TEAM, period=ReportPeriod.MONTH
    )

    # then NPS = 50 − 20 = 30; Rocks: n' = 13, p+ = 5.75/13, p− = 2.75/13
    assert len(rows) == 1
    nps = rows[0].figures.nps
    assert (rows[0].group, rows[0].group_label, rows[0].period) == (
        "hki-vastaanotto",
        "Vastaanotto",
        date(2026, 3, 1),
    )
    assert (nps.n, nps.promoters, nps.passives, nps.detractors) == (10, 5, 3, 2)
    assert nps.score == pytest.approx(30.0)
    p, d = 5.75 / 13, 2.75 / 13
    half = 1.959964 * math.sqrt((p + d - (p - d) ** 2) / 13)
    assert nps.ci_low == pytest.approx(100 * (p - d - half), abs=1e-3)
    assert nps.ci_high == pytest.approx(100 * (p - d + half), abs=1e-3)
    assert nps.few_answers is True


def test_csat_and_ces_are_summed_in_the_database(cast: Cast) -> None:
    # given CSAT 5, 4, 2 and CES 7, 5, 3 (one answer without CES)
    when = _at(date(2026, 3, 10))
    answer(staff=cast.agent, team=cast.team, at=when, nps=9, csat=5, ces=7)
    answer(staff=cast.agent, team=cast.team, at=when, nps=9, csat=4, ces=5)
    answer(staff=cast.agent, team=cast.team, at=when, nps=2, csat=2, ces=3)
    answer(staff=cast.agent, team=cast.team, at=when, nps=None, csat=None, ces=None)

    figures = report_rows(responses=Response.objects.all(), by=None, period=ReportPeriod.MONTH)[
        0
    ].figures

    assert (figures.csat.n, figures.csat.satisfied) == (3, 2)
    assert figures.csat.score == pytest.approx(200 / 3)
    assert (figures.ces.n, figures.ces.easy) == (3, 2)
    assert figures.ces.mean == pytest.approx(5.0)
    assert figures.nps.n == 3


def test_weeks_start_on_monday_in_helsinki_time(cast: Cast) -> None:
    # given an answer on Monday 9 March 2026 at 00:30 Helsinki time (Sunday in UTC)
    answer(staff=cast.agent, team=cast.team, at=datetime(2026, 3, 9, 0, 30, tzinfo=HELSINKI))
    # and one on Sunday 8 March at 23:30
    answer(staff=cast.agent, team=cast.team, at=datetime(2026, 3, 8, 23, 30, tzinfo=HELSINKI))

    rows = report_rows(responses=Response.objects.all(), by=None, period=ReportPeriod.WEEK)

    assert [(row.period, row.figures.nps.n) for row in rows] == [
        (date(2026, 3, 2), 1),
        (date(2026, 3, 9), 1),
    ]


def test_quarters_and_the_date_range_include_both_ends(cast: Cast) -> None:
    for day in (date(2025, 12, 31), date(2026, 1, 1), date(2026, 3, 31), date(2026, 4, 1)):
        answer(staff=cast.agent, team=cast.team, at=_at(day, 23))

    rows = report_rows(
        responses=Response.objects.all(),
        by=None,
        period=ReportPeriod.QUARTER,
        date_from=date(2026, 1, 1),
        date_to=date(2026, 3, 31),
    )

    assert [(row.period, row.figures.nps.n) for row in rows] == [(date(2026, 1, 1), 2)]


def test_a_unit_includes_its_subtree(cast: Cast) -> None:
    # given an answer in the hotel's team and one in a desk unit under the hotel
    desk = UnitFactory(name="Aula", code="hki-aula", parent=cast.hotel)
    desk_team = TeamFactory(name="Aulapalvelu", code="aula", unit=desk)
    when = _at(date(2026, 3, 10))
    answer(staff=cast.agent, team=cast.team, at=when, nps=10)
    answer(staff=cast.agent, team=desk_team, at=when, nps=0)

    rows = report_rows(
        responses=Response.objects.all(), by=ReportGroup.UNIT, period=ReportPeriod.MONTH
    )

    by_unit = {row.group: row.figures.nps.n for row in rows}
    assert by_unit == {"etela": 2, "hki": 2, "hki-aula": 1}


def test_change_since_the_previous_period_comes_with_its_significance(cast: Cast) -> None:
    # given 40 detractors in February and 40 promoters in March
    answers(scores=[2] * 40, staff=cast.agent, team=cast.team, at=_at(date(2026, 2, 10)))
    answers(scores=[10] * 40, staff=cast.agent, team=cast.team, at=_at(date(2026, 3, 10)))

    rows = report_rows(
        responses=Response.objects.all(), by=ReportGroup.STAFF, period=ReportPeriod.MONTH
    )

    assert rows[0].change is None
    change = rows[1].change
    assert change is not None
    assert change.difference == pytest.approx(200.0)
    assert change.significant is True
    assert rows[1].group == "aino@example.fi"


def test_groups_sum_their_periods(cast: Cast) -> None:
    answers(scores=[10, 0], staff=cast.agent, team=cast.team, at=_at(date(2026, 2, 10)))
    answers(scores=[10], staff=cast.agent, team=cast.team, at=_at(date(2026, 3, 10)))

    with translation.override("en"):
        rows = report_rows(
            responses=Response.objects.all(), by=ReportGroup.CHANNEL, period=ReportPeriod.MONTH
        )
    [summary] = report_groups(rows)

    assert (summary.group, summary.group_label) == ("phone", "Phone")
    assert (summary.total.nps.n, summary.total.nps.promoters) == (3, 2)
    assert summary.latest.period == date(2026, 3, 1)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("agent", {"hki-vastaanotto": 1}),
        ("lead", {"hki-vastaanotto": 2}),
        ("manager", {"hki-vastaanotto": 2}),
        ("admin", {"hki-vastaanotto": 2, "oulu-vastaanotto": 1}),
        ("outsider", {"oulu-vastaanotto": 1}),
    ],
)
def test_each_role_sums_only_the_answers_it_may_see(
    cast: Cast, role: str, expected: dict[str, int]
) -> None:
    # given an answer to the agent, one to the lead and one in Oulu
    when = _at(date(2026, 3, 10))
    answer(staff=cast.agent, team=cast.team, at=when)
    answer(staff=cast.lead, team=cast.team, at=when)
    answer(staff=cast.outsider, team=cast.other_team, at=when)
    user = getattr(cast, role)

    rows = report_rows(
        responses=report_responses(user), by=ReportGroup.TEAM, period=ReportPeriod.MONTH
    )

    assert {row.group: row.figures.nps.n for row in rows} == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("agent", []),
        ("lead", []),
        ("manager", [("etela", 2), ("hki", 2)]),
        ("admin", [("etela", 2), ("hki", 2), ("oulu", 1)]),
    ],
)
def test_a_unit_is_named_only_to_those_who_see_every_answer_under_it(
    cast: Cast, role: str, expected: list[tuple[str, int]]
) -> None:
    # given the Helsinki hotel with a second team, which the lead does not lead
    restaurant = TeamFactory(name="Ravintola", code="hki-ravintola", unit=cast.hotel)
    when = _at(date(2026, 3, 10))
    answer(staff=cast.agent, team=cast.team, at=when)
    answer(staff=cast.outsider, team=restaurant, at=when)
    answer(staff=cast.outsider, team=cast.other_team, at=when)
    user = getattr(cast, role)

    rows = report_rows(
        responses=report_responses(user),
        by=ReportGroup.UNIT,
        period=ReportPeriod.MONTH,
        units=report_units(user),
    )

    # then the lead's one team is not shown as the hotel's figure
    assert [(row.group, row.figures.nps.n) for row in rows] == expected


def test_the_raw_report_takes_a_query_for_the_chunks_one_for_the_other_days_and_one_for_labels(
    cast: Cast, django_assert_num_queries: object
) -> None:
    for day in (3, 10, 17):
        answers(scores=[9, 7, 3], staff=cast.agent, team=cast.team, at=_at(date(2026, 3, day)))

    with django_assert_num_queries(3):  # type: ignore[operator]
        report_rows(responses=Response.objects.all(), by=ReportGroup.TEAM, period=ReportPeriod.WEEK)


@pytest.mark.parametrize("by", [ReportGroup.TEAM, ReportGroup.STAFF, ReportGroup.CHANNEL])
def test_the_overall_figures_summed_from_groups_equal_those_of_all_answers(
    cast: Cast, by: str
) -> None:
    answers(scores=[10, 2, 8], staff=cast.agent, team=cast.team, at=_at(date(2026, 2, 10)))
    answers(
        scores=[9, 9], staff=cast.lead, team=cast.team, at=_at(date(2026, 3, 10)), channel="chat"
    )
    answers(scores=[0], staff=cast.outsider, team=cast.other_team, at=_at(date(2026, 3, 11)))
    everything = Response.objects.all()

    summed = report_overall(
        report_rows(responses=everything, by=by, period=ReportPeriod.MONTH),
        period=ReportPeriod.MONTH,
    )
    direct = report_rows(responses=everything, by=None, period=ReportPeriod.MONTH)

    assert [(r.period, r.figures, r.change) for r in summed] == [
        (r.period, r.figures, r.change) for r in direct
    ]
