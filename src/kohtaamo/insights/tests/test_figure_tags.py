"""The results page's figure cells (`insights/templatetags/figures.py`): each
figure with its interval and n, the few-answers flag when it is under the
line, a dash when there is nothing, numbers written the reader's way."""

from __future__ import annotations

from typing import Any

import pytest
from django.template import Context, Template
from django.utils import translation

from kohtaamo.stats import CesResult, Change, CsatResult, NpsResult
from kohtaamo.stats.estimate import Interval

DASH = '<span class="muted">–</span>'


def _render(tag: str, value: Any, language: str = "en") -> str:
    with translation.override(language):
        return Template("{% load figures %}{% " + tag + " value %}").render(
            Context({"value": value})
        )


def _nps(n: int, score: float | None, low: float, high: float, *, few: bool) -> NpsResult:
    return NpsResult(
        n=n,
        promoters=0,
        passives=0,
        detractors=0,
        score=score,
        adjusted_score=score,
        interval=Interval(low, high) if n else None,
        confidence=0.95,
        few_answers=few,
    )


def _ces(n: int, mean: float, interval: Interval | None, *, few: bool) -> CesResult:
    return CesResult(
        n=n,
        mean=mean,
        mean_interval=interval,
        easy=0,
        easy_percent=0.0,
        easy_interval=None,
        confidence=0.95,
        few_answers=few,
    )


def _change(difference: float, low: float, high: float, *, significant: bool) -> Change:
    return Change(
        difference=difference,
        interval=Interval(low, high),
        significant=significant,
        confidence=0.95,
        few_answers=False,
    )


def test_an_nps_from_enough_answers_has_its_interval_and_n_and_no_flag() -> None:
    html = _render("nps_figure", _nps(120, 33.4, 21.6, 44.5, few=False))
    assert html == (
        '<span class="figure-cell"><strong>33</strong> '
        '<span class="interval">(22 … 45)</span> <span class="n">n = 120</span></span>'
    )


def test_an_nps_from_few_answers_is_greyed_and_flagged_in_the_readers_language() -> None:
    html = _render("nps_figure", _nps(7, -14.3, -61.0, 38.2, few=True), "fi")
    assert html == (
        '<span class="figure-cell few"><strong>-14</strong> '
        '<span class="interval">(-61 … 38)</span> <span class="n">n = 7</span> '
        '<span class="few-flag">vähän vastauksia</span></span>'
    )


@pytest.mark.parametrize("tag", ["nps_figure", "csat_figure", "ces_figure", "change_figure"])
def test_no_figure_is_a_dash(tag: str) -> None:
    assert _render(tag, None) == DASH
    assert _render(tag, "") == DASH


def test_an_nps_of_no_answers_is_a_dash() -> None:
    assert _render("nps_figure", _nps(0, None, 0, 0, few=True)) == DASH


def test_csat_is_a_percentage() -> None:
    csat = CsatResult(
        n=40,
        satisfied=31,
        score=77.5,
        interval=Interval(62.5, 87.7),
        confidence=0.95,
        few_answers=False,
    )
    assert _render("csat_figure", csat) == (
        '<span class="figure-cell"><strong>78 %</strong> '
        '<span class="interval">(63 … 88)</span> <span class="n">n = 40</span></span>'
    )


def test_ces_has_one_decimal_written_with_a_comma_in_finnish() -> None:
    html = _render("ces_figure", _ces(12, 5.25, Interval(4.61, 5.89), few=True), "fi")
    assert '<strong>5,3</strong> <span class="interval">(4,6 … 5,9)</span>' in html


def test_ces_of_one_answer_has_no_interval() -> None:
    html = _render("ces_figure", _ces(1, 6.0, None, few=True))
    assert html == (
        '<span class="figure-cell few"><strong>6.0</strong> <span class="n">n = 1</span> '
        '<span class="few-flag">few answers</span></span>'
    )


def test_a_rise_carries_its_plus_sign_and_a_fall_its_minus() -> None:
    rise = _render("change_figure", _change(12.2, 3.9, 20.1, significant=True))
    fall = _render("change_figure", _change(-4.6, -15.0, 6.1, significant=False), "sv")
    assert rise == (
        '<span class="figure-cell"><strong>+12</strong> <span class="interval">(4 … 20)</span> '
        '<span class="badge significant">significant</span></span>'
    )
    assert fall.startswith('<span class="figure-cell"><strong>-5</strong>')
    assert '<span class="badge">' in fall and "significant" not in fall
