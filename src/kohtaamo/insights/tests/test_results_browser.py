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
