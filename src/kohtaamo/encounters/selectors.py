"""Reads of encounters, always through what the person may see."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import QuerySet

from kohtaamo.core.dates import local_midnight
from kohtaamo.encounters.models import Customer, Encounter, ImportJob, TranscriptTurn
from kohtaamo.org import access


def encounter_list(
    *,
    user: Any,
    team_id: int | None = None,
    staff_id: int | None = None,
    channel: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    has_transcript: bool | None = None,
    customer_id: int | None = None,
    started_after: datetime | None = None,
    started_before: datetime | None = None,
    source: str | None = None,
    external_id: str | None = None,
) -> QuerySet[Encounter]:
    """Dates are whole days in the organisation's zone; `started_after` and
    `started_before` are moments, the first inclusive, the second exclusive."""
    encounters = access.visible_encounters(user).select_related("staff", "team", "customer")
    if team_id is not None:
        encounters = encounters.filter(team_id=team_id)
    if staff_id is not None:
        encounters = encounters.filter(staff_id=staff_id)
    if customer_id is not None:
        encounters = encounters.filter(customer_id=customer_id)
    if channel:
        encounters = encounters.filter(channel=channel)
    if date_from is not None:
        encounters = encounters.filter(started_at__gte=local_midnight(date_from))
    if date_to is not None:
        encounters = encounters.filter(started_at__lt=local_midnight(date_to + timedelta(days=1)))
    if started_after is not None:
        encounters = encounters.filter(started_at__gte=started_after)
    if started_before is not None:
        encounters = encounters.filter(started_at__lt=started_before)
    if has_transcript is not None:
        encounters = encounters.filter(has_transcript=has_transcript)
    if source is not None:
        encounters = encounters.filter(source=source)
    if external_id is not None:
        encounters = encounters.filter(external_id=external_id)
    return encounters.order_by("-started_at", "-id")


def encounter_transcript(*, encounter: Encounter) -> QuerySet[TranscriptTurn]:
    return encounter.turns.order_by("position")


def customer_list(
    *, user: Any, external_id: str | None = None, language: str | None = None
) -> QuerySet[Customer]:
    customers = access.visible_customers(user)
    if external_id is not None:
        customers = customers.filter(external_id=external_id)
    if language is not None:
        customers = customers.filter(language=language)
    return customers.order_by("name", "external_id", "pk")


def import_jobs_recent(*, user: Any, limit: int = 20) -> QuerySet[ImportJob]:
    """The newest imports this person may follow: their own (an admin's: all)."""
    return access.visible_import_jobs(user).order_by("-created_at", "-pk")[:limit]
