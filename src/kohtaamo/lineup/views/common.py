"""What the line-up views share: the refusal page and reading the day."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from kohtaamo.lineup.forms import DayForm


def refused(request: HttpRequest, message: Any, *, status: int = 403) -> HttpResponse:
    """A clear message for a request the rules refuse; nothing was changed."""
    return render(request, "lineup/refused.html", {"message": message}, status=status)


def day_from(data: Any) -> tuple[date, DayForm]:
    form = DayForm(data)
    return form.day_or(timezone.localdate()), form
