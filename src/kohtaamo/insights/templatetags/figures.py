"""The figure cells of the results page: every figure with its interval, its
n and, under the few-answers line, the flag; never a bare number.

Tags written in Python rather than a template included per cell: the page
has a few hundred cells, and rendering an include for each took most of its
time (`benchmarks/nps_report_10m.py`). Numbers go through the same
`floatformat` the templates use, so they read the same in every language.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template.defaultfilters import floatformat
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from kohtaamo.insights.periods import period_label
from kohtaamo.stats import CesResult, Change, CsatResult, NpsResult

register = template.Library()

NO_FIGURE = format_html('<span class="muted">{}</span>', "–")


def _cell(
    *, strong: str, low: Any = None, high: Any = None, decimals: str, n: int, few: bool
) -> SafeString:
    interval = ""
    if low is not None or high is not None:
        interval = format_html(
            '<span class="interval">({} … {})</span> ',
            floatformat(low, decimals),
            floatformat(high, decimals),
        )
    flag = format_html(' <span class="few-flag">{}</span>', _("few answers")) if few else ""
    return format_html(
        '<span class="figure-cell{}"><strong>{}</strong> {}<span class="n">n = {}</span>{}</span>',
        " few" if few else "",
        strong,
        interval,
        localize(n),
        flag,
    )


@register.simple_tag
def nps_figure(nps: NpsResult | None) -> SafeString:
    """NPS (−100 to +100) with its interval and n."""
    if not nps or not nps.n:
        return NO_FIGURE
    return _cell(
        strong=floatformat(nps.score, "0"),
        low=nps.ci_low,
        high=nps.ci_high,
        decimals="0",
        n=nps.n,
        few=nps.few_answers,
    )


@register.simple_tag
def csat_figure(csat: CsatResult | None) -> SafeString:
    """CSAT, the percentage of satisfied answers, with its interval and n."""
    if not csat or not csat.n:
        return NO_FIGURE
    return _cell(
        strong=format_html("{} %", floatformat(csat.score, "0")),
        low=csat.ci_low,
        high=csat.ci_high,
        decimals="0",
        n=csat.n,
        few=csat.few_answers,
    )


@register.simple_tag
def ces_figure(ces: CesResult | None) -> SafeString:
    """CES, the mean ease (1–7), with its interval (from two answers) and n."""
    if not ces or not ces.n:
        return NO_FIGURE
    interval = ces.mean_interval
    return _cell(
        strong=floatformat(ces.mean, "1"),
        low=interval.low if interval else None,
        high=interval.high if interval else None,
        decimals="1",
        n=ces.n,
        few=ces.few_answers,
    )


@register.simple_tag
def change_figure(change: Change | None) -> SafeString:
    """The NPS change since the period before, its interval and whether it
    is more than chance."""
    if not change or change.difference is None:
        return NO_FIGURE
    interval = change.interval
    badge = (
        format_html('<span class="badge significant">{}</span>', _("significant"))
        if change.significant
        else format_html('<span class="badge">{}</span>', _("within chance"))
    )
    return format_html(
        '<span class="figure-cell{}"><strong>{}{}</strong> '
        '<span class="interval">({} … {})</span> {}</span>',
        " few" if change.few_answers else "",
        "+" if change.difference > 0 else "",
        floatformat(change.difference, "0"),
        floatformat(interval.low if interval else None, "0"),
        floatformat(interval.high if interval else None, "0"),
        badge,
    )


# `{{ row.period|period_name:period }}`: the name the trend table gives it.
register.filter("period_name", period_label)
