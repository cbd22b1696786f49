from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.utils import timezone

from kohtaamo.org import access
from kohtaamo.org.models import Role


@dataclass(frozen=True)
class HomeSummary:
    role: Role
    encounters_last_7_days: int
    encounters_with_transcript_last_7_days: int
    teams: list[Any]


def home_summary(*, user: Any) -> HomeSummary:
    since = timezone.now() - timedelta(days=7)
    recent = access.visible_encounters(user).filter(started_at__gte=since)
    return HomeSummary(
        role=access.role_of(user),
        encounters_last_7_days=recent.count(),
        encounters_with_transcript_last_7_days=recent.filter(has_transcript=True).count(),
        teams=list(access.visible_teams(user)[:50]),
    )
