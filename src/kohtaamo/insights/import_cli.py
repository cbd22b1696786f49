"""`kohtaamo import responses FILE`: the summary on stdout, the errors on
stderr, and the exit status of the other imports (0 done, 1 nothing written,
2 --partial left rows out)."""

from __future__ import annotations

from pathlib import Path

from django.utils import translation

from kohtaamo.encounters.importing.cli import print_result, terminal_language
from kohtaamo.insights.services import responses_import


def run_responses_import(*, path: Path, dry_run: bool, partial: bool) -> int:
    with translation.override(terminal_language()):
        result = responses_import(path=path, dry_run=dry_run, partial=partial)
        print_result(result)
    if result.file_error or (not result.written and result.error_count):
        return 1
    if result.error_count:
        return 2
    return 0
