"""The trend chart's geometry: positions on the −100…100 scale, a band and a
line per run of periods with answers, few answers marked."""

from __future__ import annotations

from kohtaamo.insights.chart import BOTTOM, HEIGHT, TOP, trend_chart
from kohtaamo.stats import nps_from_counts


def test_points_sit_on_the_scale_and_gaps_break_the_line_and_band() -> None:
    # given four periods: +30 from 100 answers, +30 again, none, and +100 from 3
    big = nps_from_counts(promoters=50, passives=30, detractors=20)
    few = nps_from_counts(promoters=3, passives=0, detractors=0)

    chart = trend_chart(
        labels=["1", "2", "3", "4"], figures=[big, big, None, few], titles=["a", "b", "", "d"]
    )

    plot = HEIGHT - TOP - BOTTOM
    assert [p.y for p in chart.points] == [
        round(TOP + 70 / 200 * plot, 1),
        round(TOP + 70 / 200 * plot, 1),
        float(TOP),
    ]
    assert [p.few_answers for p in chart.points] == [False, False, True]
    assert chart.zero_y == round(TOP + plot / 2, 1)
    # one run of two points makes a line and a band; the lone last point neither
    assert len(chart.lines) == 1 and len(chart.bands) == 1
    assert len(chart.bands[0].split()) == 4
    # the interval 14.05 … 44.20 of the first point, as y positions
    assert chart.points[0].high_y == round(TOP + (100 - 44.2) / 200 * plot, 1)
    assert chart.points[0].low_y == round(TOP + (100 - 14.05) / 200 * plot, 1)


def test_a_chart_without_answers_is_empty() -> None:
    chart = trend_chart(labels=["1", "2"], figures=[None, None], titles=["", ""])

    assert chart.is_empty
    assert chart.lines == chart.bands == []
