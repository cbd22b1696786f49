"""The NPS trend chart as plain geometry for an inline SVG template.

No chart library: the page draws lines, a polygon and circles with classes
from `insights/insights.css` (the Content Security Policy allows no inline
style). The interval band and the line break where a period has no answers;
a point from few answers carries the class that greys it out.
"""

from __future__ import annotations

from dataclasses import dataclass

from kohtaamo.stats import NpsResult

WIDTH = 640
HEIGHT = 260
LEFT = 44
RIGHT = 12
TOP = 12
BOTTOM = 36
Y_TICKS = (-100, -50, 0, 50, 100)
MAX_X_LABELS = 8


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    low_y: float
    high_y: float
    few_answers: bool
    title: str


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class TrendChart:
    width: int
    height: int
    left: int
    right_edge: int
    top: int
    bottom_edge: int
    zero_y: float
    points: list[ChartPoint]
    # One polyline and one band polygon per run of periods with answers.
    lines: list[str]
    bands: list[str]
    y_ticks: list[Tick]
    x_ticks: list[Tick]

    @property
    def is_empty(self) -> bool:
        return not self.points


def _y(value: float) -> float:
    return round(TOP + (100 - value) / 200 * (HEIGHT - TOP - BOTTOM), 1)


def trend_chart(
    *, labels: list[str], figures: list[NpsResult | None], titles: list[str]
) -> TrendChart:
    """A chart of one NPS per period (None for a period without answers)."""
    count = len(labels)
    inner = WIDTH - LEFT - RIGHT
    step = inner / count if count else inner

    def x(index: int) -> float:
        return round(LEFT + step * (index + 0.5), 1)

    points: list[ChartPoint] = []
    runs: list[list[ChartPoint]] = [[]]
    for index, (nps, title) in enumerate(zip(figures, titles, strict=True)):
        if nps is None or nps.score is None or nps.interval is None:
            if runs[-1]:
                runs.append([])
            continue
        point = ChartPoint(
            x=x(index),
            y=_y(nps.score),
            low_y=_y(nps.interval.low),
            high_y=_y(nps.interval.high),
            few_answers=nps.few_answers,
            title=title,
        )
        points.append(point)
        runs[-1].append(point)
    lines = [" ".join(f"{p.x},{p.y}" for p in run) for run in runs if len(run) > 1]
    bands = [
        " ".join([f"{p.x},{p.high_y}" for p in run] + [f"{p.x},{p.low_y}" for p in reversed(run)])
        for run in runs
        if len(run) > 1
    ]
    every = max(1, -(-count // MAX_X_LABELS))
    x_ticks = [Tick(x(i), label) for i, label in enumerate(labels) if i % every == 0]
    return TrendChart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right_edge=WIDTH - RIGHT,
        top=TOP,
        bottom_edge=HEIGHT - BOTTOM,
        zero_y=_y(0),
        points=points,
        lines=lines,
        bands=bands,
        y_ticks=[Tick(_y(v), f"{v:+d}" if v else "0") for v in Y_TICKS],
        x_ticks=x_ticks,
    )
