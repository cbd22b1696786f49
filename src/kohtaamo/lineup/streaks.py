"""Working-day arithmetic for line-ups: the streak and yesterday's period.

The streak counts Finnish working days (`feedback.workdays`) in a row with a
held line-up. A day off neither breaks nor adds to it, and today counts only
once it is held, so the streak does not drop to nothing every morning.
"""

from __future__ import annotations

from collections.abc import Set
from datetime import date, timedelta

from kohtaamo.feedback.workdays import is_working_day

STREAK_LOOKBACK_DAYS = 400


def previous_working_day(day: date) -> date:
    current = day - timedelta(days=1)
    while not is_working_day(current):
        current -= timedelta(days=1)
    return current


def streak_length(*, held_days: Set[date], today: date) -> int:
    # Today not held yet: the streak so far ends yesterday.
    current = today if today in held_days else today - timedelta(days=1)
    streak = 0
    earliest = today - timedelta(days=STREAK_LOOKBACK_DAYS)
    while current >= earliest:
        if is_working_day(current):
            if current not in held_days:
                break
            streak += 1
        current -= timedelta(days=1)
    return streak
