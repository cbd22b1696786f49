"""Report periods in the organisation's time zone: ISO weeks (Monday first),
calendar months and quarters."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class ReportPeriod(models.TextChoices):
    WEEK = "week", _("Week")
    MONTH = "month", _("Month")
    QUARTER = "quarter", _("Quarter")


def period_start(day: date, period: str) -> date:
    if period == ReportPeriod.WEEK:
        return day - timedelta(days=day.weekday())
    if period == ReportPeriod.MONTH:
        return day.replace(day=1)
    return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)


def period_after(start: date, period: str) -> date:
    """The first day of the period that follows the one starting on `start`."""
    if period == ReportPeriod.WEEK:
        return start + timedelta(days=7)
    months = 1 if period == ReportPeriod.MONTH else 3
    month = start.month - 1 + months
    return date(start.year + month // 12, month % 12 + 1, 1)


def period_before(start: date, period: str) -> date:
    return period_start(start - timedelta(days=1), period)


def periods_between(first: date, last: date, period: str) -> list[date]:
    """Every period start from the period of `first` to that of `last`."""
    starts = []
    current = period_start(first, period)
    while current <= last:
        starts.append(current)
        current = period_after(current, period)
    return starts


QUARTER_LABEL = _("Q%(quarter)s %(year)s")


def period_label(start: date, period: str) -> str:
    """The period's name as the pages show it: a week by its Monday, a month
    by month and year, a quarter as "Q1 2026"."""
    if period == ReportPeriod.WEEK:
        return date_format(start, "SHORT_DATE_FORMAT")
    if period == ReportPeriod.MONTH:
        return date_format(start, "YEAR_MONTH_FORMAT")
    return str(QUARTER_LABEL) % {"quarter": (start.month - 1) // 3 + 1, "year": start.year}
