"""Formatting filters shared by the pages."""

from __future__ import annotations

from datetime import datetime

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def duration(seconds: int | None) -> str:
    """A length of time for people: "45 s", "7 min 5 s", "1 h 12 min"."""
    if seconds is None or seconds < 0:
        return "–"
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return _("%(h)d h %(min)d min") % {"h": hours, "min": minutes}
    if minutes:
        return _("%(min)d min %(s)d s") % {"min": minutes, "s": secs}
    return _("%(s)d s") % {"s": secs}


@register.filter
def elapsed(moment: datetime | None, start: datetime | None) -> str:
    """How far into the encounter a moment is, as a clock: "+02:05", "+1:02:05"."""
    if moment is None or start is None:
        return ""
    seconds = int((moment - start).total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"
