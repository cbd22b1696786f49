"""An import's summary takes the plural form of each count, in every language."""

from __future__ import annotations

import pytest
from django.utils import translation

from kohtaamo.encounters.importing.errors import ImportResult


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "1 row read: 1 new, 0 updated, 0 unchanged.",
                "2 rows read: 1 new, 0 updated, 0 unchanged. 1 row had errors and was left out.",
                "3 rows read: 1 new, 0 updated, 0 unchanged. 2 rows had errors and were left out.",
            ],
        ),
        (
            "fi",
            [
                "1 rivi luettu: uusia 1, päivitettyjä 0, ennallaan 0.",
                "2 riviä luettu: uusia 1, päivitettyjä 0, ennallaan 0. "
                "1 virheellinen rivi jätettiin pois.",
                "3 riviä luettu: uusia 1, päivitettyjä 0, ennallaan 0. "
                "2 virheellistä riviä jätettiin pois.",
            ],
        ),
        (
            "sv",
            [
                "Lästa rader: 1; nya 1, uppdaterade 0, oförändrade 0.",
                "Lästa rader: 2; nya 1, uppdaterade 0, oförändrade 0. 1 rad med fel lämnades bort.",
                "Lästa rader: 3; nya 1, uppdaterade 0, oförändrade 0. "
                "2 rader med fel lämnades bort.",
            ],
        ),
    ],
)
def test_a_summary_says_row_for_one_and_rows_for_more(language: str, expected: list[str]) -> None:
    # One new row each time, with none, one and two rows left out
    results = [
        ImportResult(rows_read=1 + left_out, rows_rejected=left_out, created=1, written=True)
        for left_out in (0, 1, 2)
    ]

    with translation.override(language):
        assert [result.summary() for result in results] == expected


@pytest.mark.parametrize(
    ("language", "valid", "expected"),
    [
        ("en", 1, "Dry run: 1 of 3 rows is valid. Nothing was written."),
        ("en", 2, "Dry run: 2 of 3 rows are valid. Nothing was written."),
        ("sv", 1, "Testkörning: 1 av 3 rader är giltig. Ingenting sparades."),
        ("sv", 2, "Testkörning: 2 av 3 rader är giltiga. Ingenting sparades."),
        ("fi", 1, "Koeajo: 3 rivistä 1 on kunnossa. Mitään ei tallennettu."),
    ],
)
def test_a_dry_run_agrees_with_the_number_of_valid_rows(
    language: str, valid: int, expected: str
) -> None:
    result = ImportResult(rows_read=3, rows_rejected=3 - valid, dry_run=True)

    with translation.override(language):
        assert result.summary() == expected
