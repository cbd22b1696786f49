"""The results page (NPS, CSAT and CES by group and period, with the trend
chart) and the feedback page (the answers themselves, comments included)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from kohtaamo.feedback.models import Response
from kohtaamo.insights.chart import trend_chart
from kohtaamo.insights.forms import FeedbackFilterForm, ResultsFilterForm
from kohtaamo.insights.periods import (
    ReportPeriod,
    period_before,
    period_label,
    period_start,
    periods_between,
)
from kohtaamo.insights.selectors import (
    ReportGroup,
    ReportRow,
    feedback_answers,
    feedback_list,
    few_answers_threshold,
    report_groups,
    report_overall,
    report_rows,
)
from kohtaamo.org import access, access_aggregates
from kohtaamo.org import access_insights as rules

FEEDBACK_PAGE_SIZE = 50
# Without dates the page shows this many periods up to today.
DEFAULT_PERIODS: dict[str, int] = {
    ReportPeriod.WEEK: 13,
    ReportPeriod.MONTH: 12,
    ReportPeriod.QUARTER: 8,
}
POINT_TITLE = _("%(period)s: NPS %(nps)s (95%% interval %(low)s to %(high)s), n = %(n)s")


def _default_from(last: date, period: str) -> date:
    start = period_start(last, period)
    for _step in range(DEFAULT_PERIODS[period] - 1):
        start = period_before(start, period)
    return start


def _trend(rows: list[ReportRow], *, period: str, first: date, last: date) -> dict[str, Any]:
    by_period = {row.period: row for row in rows}
    starts = periods_between(first, last, period)
    labels = [period_label(start, period) for start in starts]
    figures = [by_period[s].figures.nps if s in by_period else None for s in starts]
    titles = []
    for label, nps in zip(labels, figures, strict=True):
        if nps is None or nps.score is None or nps.interval is None:
            titles.append("")
            continue
        titles.append(
            str(POINT_TITLE)
            % {
                "period": label,
                "nps": f"{nps.score:+.0f}",
                "low": f"{nps.interval.low:+.0f}",
                "high": f"{nps.interval.high:+.0f}",
                "n": nps.n,
            }
        )
    table = [
        {"label": label, "row": by_period.get(start)}
        for label, start in zip(labels, starts, strict=True)
    ]
    return {"chart": trend_chart(labels=labels, figures=figures, titles=titles), "table": table}


@login_required
@require_GET
def results(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not rules.can_view_results(user):
        raise PermissionDenied
    form = ResultsFilterForm(
        request.GET or None,
        units=access.visible_units(user).order_by("path"),
        teams=access.visible_teams(user).order_by("name"),
    )
    context: dict[str, Any] = {
        "form": form,
        "section": "results",
        "few_answers_below": few_answers_threshold(),
        "own_answers_only": rules.sees_only_own_answers(user),
    }
    if form.is_bound and not form.is_valid():
        # Bad filters show their errors and no figures, never unfiltered ones.
        return render(request, "insights/results.html", context, status=400)
    data = form.cleaned_data if form.is_bound else {}
    by = data.get("by") or ReportGroup.TEAM
    period = data.get("period") or ReportPeriod.MONTH
    today = timezone.localdate()
    last = data.get("date_to") or today
    first = data.get("date_from") or _default_from(last, period)
    responses = rules.report_responses(user)
    answer_days = access_aggregates.report_answer_days(user)
    team_days = access_aggregates.report_team_days(user)
    if data.get("team"):
        responses = responses.filter(team=data["team"])
        answer_days = answer_days.filter(team=data["team"])
        team_days = team_days.filter(team=data["team"]) if team_days is not None else None
    if data.get("unit"):
        path = data["unit"].path
        responses = responses.filter(team__unit__path__startswith=path)
        answer_days = answer_days.filter(team__unit__path__startswith=path)
        if team_days is not None:
            team_days = team_days.filter(team__unit__path__startswith=path)
    common: dict[str, Any] = {
        "responses": responses,
        "answer_days": answer_days,
        "team_days": team_days,
        "period": period,
        "date_from": first,
        "date_to": last,
        "language": data.get("language") or None,
    }
    rows = report_rows(by=by, units=rules.report_units(user), **common)
    if by == ReportGroup.UNIT:
        # A unit's figures include the units under it, so they do not add up.
        overall = report_rows(by=None, **common)
    else:
        overall = report_overall(rows, period=period)
    context.update(
        {
            "by": by,
            "by_label": ReportGroup(by).label,
            # Units are named only where every answer under them is seen.
            "units_named_partly": by == ReportGroup.UNIT
            and not access.can_manage_organisation(user),
            "period": period,
            "first": first,
            "last": last,
            "trend": _trend(overall, period=period, first=first, last=last),
            "groups": report_groups(rows),
            "overall": report_groups(overall),
        }
    )
    return render(request, "insights/results.html", context)


@login_required
@require_GET
def feedback(request: HttpRequest) -> HttpResponse:
    """The answers to the encounters a person may see, comments included:
    staff see their own, leads their teams', managers their units'."""
    user = request.user
    if not rules.can_view_results(user):
        raise PermissionDenied
    form = FeedbackFilterForm(
        request.GET or None, teams=access.visible_teams(user).order_by("name")
    )
    responses = rules.report_responses(user)
    if form.is_bound and not form.is_valid():
        ids = Response.objects.none().values_list("pk", flat=True)
        page_number = 1
    else:
        data = form.cleaned_data if form.is_bound else {}
        ids = feedback_list(
            responses=responses,
            team_id=data["team"].pk if data.get("team") else None,
            channel=data.get("channel") or None,
            unhappy_only=data.get("show") == FeedbackFilterForm.UNHAPPY,
            with_comment=data.get("show") == FeedbackFilterForm.WITH_COMMENT,
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )
        page_number = data.get("page") or 1
    page = Paginator(ids, FEEDBACK_PAGE_SIZE).get_page(page_number)
    return render(
        request,
        "insights/feedback_list.html",
        {
            "form": form,
            "page": page,
            "answers": feedback_answers(ids=list(page.object_list)),
            "section": "feedback",
        },
        status=400 if form.errors else 200,
    )
