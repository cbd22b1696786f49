from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import formats, translation

MOMENT = datetime(2026, 11, 23, 14, 5, tzinfo=ZoneInfo("Europe/Helsinki"))


def test_swedish_dates_are_written_the_finland_swedish_way() -> None:
    with translation.override("sv"):
        assert formats.date_format(MOMENT, "SHORT_DATE_FORMAT") == "23.11.2026"
        assert formats.date_format(MOMENT, "SHORT_DATETIME_FORMAT") == "23.11.2026 14.05"


def test_finnish_and_english_dates_read_day_first() -> None:
    with translation.override("fi"):
        assert formats.date_format(MOMENT, "SHORT_DATE_FORMAT") == "23.11.2026"
    with translation.override("en"):
        assert formats.date_format(MOMENT, "SHORT_DATE_FORMAT") == "23 Nov 2026"
