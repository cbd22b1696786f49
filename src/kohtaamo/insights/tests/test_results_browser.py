"""The results page in a real headless Chromium on a phone: the chart draws
under the Content Security Policy, from this server only, and greys out the
points from few answers with the stylesheet's classes."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from kohtaamo.conftest import Cast
from kohtaamo.insights.tests.helpers import answers
from kohtaamo.testing.browser import signed_in_context


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_trend_chart_draws_under_the_csp_with_few_answers_greyed(
    live_server: Any, chromium: Any, cast: Cast
) -> None:
    # given 40 answers three weeks ago and 3 this week
    now = timezone.now()
    answers(
        scores=[10] * 30 + [3] * 10, staff=cast.agent, team=cast.team, at=now - timedelta(days=21)
    )
    answers(scores=[9, 9, 2], staff=cast.agent, team=cast.team, at=now - timedelta(minutes=5))
    violations: list[str] = []
    foreign: list[str] = []
    browser = chromium
    context = signed_in_context(
        browser, live_server, cast.lead, viewport={"width": 390, "height": 844}, locale="en-GB"
    )
    page = context.new_page()
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.on(
        "request",
        lambda r: None if r.url.startswith(live_server.url) else foreign.append(r.url),
    )
    # when the lead opens the weekly results
    page.goto(f"{live_server.url}/insights/?by=team&period=week")
    points = page.locator("svg.chart circle.point")
    count = points.count()
    few_fill = page.locator("svg.chart circle.point.few").evaluate("c => getComputedStyle(c).fill")
    solid_fill = page.locator("svg.chart circle.point:not(.few)").evaluate(
        "c => getComputedStyle(c).fill"
    )
    band = page.locator("svg.chart polygon.band").count()
    chart_width = page.locator("svg.chart").bounding_box()
    rows = page.locator("#trend-table tbody tr").count()
    # then two points, the recent one greyed, and nothing broke the page
    assert count == 2
    assert few_fill == "rgb(179, 184, 193)"
    assert solid_fill == "rgb(31, 95, 168)"
    assert band == 0  # the weeks between have no answers, so no band joins them
    assert chart_width is not None and chart_width["width"] <= 390
    assert rows == 13
    assert violations == []
    assert foreign == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("by", ["team", "staff"])
def test_the_group_table_fits_a_laptop_screen_without_sideways_scrolling(
    live_server: Any, chromium: Any, cast: Cast, by: str
) -> None:
    # given a team with a long name and answers this quarter and the one
    # before, so that every figure has its interval, its n and its change
    cast.team.name = "Asiakaspalvelukeskuksen puhelinpalvelu"
    cast.team.save()
    # (and the lead few, so that their figures carry the few-answers flag)
    for days_ago, scores in ((3, [10, 9, 7, 3, 0]), (100, [10, 10, 9, 7, 2])):
        at = timezone.now() - timedelta(days=days_ago)
        answers(scores=scores * 40, staff=cast.agent, team=cast.team, at=at)
        answers(scores=scores, staff=cast.lead, team=cast.team, at=at)
    context = signed_in_context(
        chromium, live_server, cast.admin, viewport={"width": 1280, "height": 800}, locale="fi-FI"
    )
    page = context.new_page()
    # when the admin opens the results in Finnish, the longest headings
    page.goto(f"{live_server.url}/insights/?by={by}&period=quarter")
    wrap = page.locator("#group-table").locator("xpath=..")
    widths = wrap.evaluate("w => [w.scrollWidth, w.clientWidth]")
    # then the whole table shows, the change column included
    assert widths[0] <= widths[1]
