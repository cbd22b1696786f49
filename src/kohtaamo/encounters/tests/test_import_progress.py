"""The terminal's progress bar of `kohtaamo import`."""

from __future__ import annotations

from pathlib import Path

import pytest

from kohtaamo.encounters.importing.cli import TerminalProgress
from kohtaamo.encounters.importing.runner import Progress


def test_a_file_read_again_from_the_start_gets_a_new_bar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a bar that has counted 10,000 rows of a file
    path = tmp_path / "e.csv"
    path.write_bytes(b"x" * 1000)
    bar = TerminalProgress(path)
    bar(Progress("reading", 5_000, 400))
    bar(Progress("reading", 10_000, 800))
    first = bar.bar

    # When the import starts reading the file again (the direct way refused)
    bar(Progress("reading", 5_000, 400))

    # Then a new bar counts from there, not backwards from 10,000
    assert bar.bar is not first
    assert bar.bar.n == 5_000
    bar(Progress("reading", 12_000, 960))
    assert bar.bar.n == 12_000
    bar.close()
