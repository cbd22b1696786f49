"""The streak of working days in a row and yesterday's period (pure functions)."""

from __future__ import annotations

from datetime import date, timedelta

from kohtaamo.lineup.streaks import previous_working_day, streak_length


def _days(start: date, end: date) -> set[date]:
    return {start + timedelta(days=i) for i in range((end - start).days + 1)}


def test_monday_looks_back_to_friday() -> None:
    assert previous_working_day(date(2026, 11, 30)) == date(2026, 11, 27)
    assert previous_working_day(date(2026, 12, 1)) == date(2026, 11, 30)


def test_christmas_and_independence_day_are_skipped() -> None:
    # Mon 7.12.2026 follows Independence Day (Sun 6.12); Mon 28.12 follows
    # Christmas Eve, Christmas Day and Boxing Day (Thu–Sat) and a Sunday.
    assert previous_working_day(date(2026, 12, 28)) == date(2026, 12, 23)


def test_streak_skips_weekends_and_counts_today_only_once_held() -> None:
    # held every working day from Mon 16.11 to Mon 30.11.2026 (11 working days)
    held = {d for d in _days(date(2026, 11, 16), date(2026, 11, 30)) if d.weekday() < 5}
    assert len(held) == 11
    # on Tue 1.12 before today's line-up, the streak is what was held
    assert streak_length(held_days=held, today=date(2026, 12, 1)) == 11
    assert streak_length(held_days=held | {date(2026, 12, 1)}, today=date(2026, 12, 1)) == 12
    # on Wed 2.12 with Tuesday missed, it is broken
    assert streak_length(held_days=held, today=date(2026, 12, 2)) == 0


def test_a_held_weekend_line_up_neither_breaks_nor_counts() -> None:
    held = {date(2026, 11, 27), date(2026, 11, 28), date(2026, 11, 30)}
    assert streak_length(held_days=held, today=date(2026, 11, 30)) == 2


def test_streak_runs_across_the_christmas_holidays() -> None:
    held = {date(2026, 12, 22), date(2026, 12, 23), date(2026, 12, 28)}
    assert streak_length(held_days=held, today=date(2026, 12, 28)) == 3


def test_no_line_ups_no_streak() -> None:
    assert streak_length(held_days=set(), today=date(2026, 12, 1)) == 0
