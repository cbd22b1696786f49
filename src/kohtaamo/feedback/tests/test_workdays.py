from datetime import date

import pytest

from kohtaamo.feedback.workdays import add_working_days, is_working_day


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (date(2026, 11, 23), date(2026, 11, 25)),  # Monday → Wednesday
        (date(2026, 11, 27), date(2026, 12, 1)),  # Friday → Tuesday
        (date(2026, 11, 28), date(2026, 12, 1)),  # Saturday → Tuesday
        # Midsummer Eve and Day (19–20 June 2026): Thursday → Tuesday
        (date(2026, 6, 18), date(2026, 6, 23)),
        # Christmas Eve, Christmas Day, Boxing Day (24–26 Dec 2025, Wed–Fri)
        (date(2025, 12, 23), date(2025, 12, 30)),
        # Good Friday 3 April 2026 and Easter Monday 6 April 2026
        (date(2026, 4, 2), date(2026, 4, 8)),
        # Independence Day 6 December 2027 is a Monday
        (date(2027, 12, 3), date(2027, 12, 8)),
        # New Year's Eve 2026 (Thursday) → 1 Jan is a holiday, then the weekend
        (date(2026, 12, 31), date(2027, 1, 5)),
    ],
)
def test_two_working_days_skip_weekends_and_finnish_holidays(start: date, expected: date) -> None:
    assert add_working_days(start, 2) == expected


def test_zero_working_days_is_the_same_day() -> None:
    assert add_working_days(date(2026, 6, 20), 0) == date(2026, 6, 20)


def test_negative_days_are_refused() -> None:
    with pytest.raises(ValueError):
        add_working_days(date(2026, 6, 20), -1)


def test_may_day_and_ascension_are_not_working_days() -> None:
    assert is_working_day(date(2026, 5, 1)) is False  # Friday
    assert is_working_day(date(2026, 5, 14)) is False  # Ascension Thursday
    assert is_working_day(date(2026, 5, 13)) is True
