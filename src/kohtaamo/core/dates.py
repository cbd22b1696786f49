"""Local days in the organisation's time zone (`KOHTAAMO_TIME_ZONE`)."""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone


def local_midnight(day: date) -> datetime:
    """The start of a local day as an aware time (midnight exists in every
    zone Kohtaamo is used in; DST changes happen at night, not at 0:00)."""
    return timezone.make_aware(datetime.combine(day, time.min))


def local_date(moment: datetime) -> date:
    return timezone.localtime(moment).date()
