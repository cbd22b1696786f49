"""`kohtaamo import responses FILE`: the summary on stdout, the errors on
stderr, and the exit status of the other imports (0 done, 1 nothing written,
2 --partial left rows out)."""

from __future__ import annotations

from pathlib import Path

from kohtaamo.encounters.importing.cli import run_file_import
from kohtaamo.insights.services import responses_import


def run_responses_import(*, path: Path, dry_run: bool, partial: bool) -> int:
    return run_file_import(responses_import, path=path, dry_run=dry_run, partial=partial)
