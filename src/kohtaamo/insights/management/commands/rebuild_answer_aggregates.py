"""`kohtaamo manage rebuild_answer_aggregates`: recompute the daily answer
aggregate from the answers, e.g. after restoring a backup or changing
TIME_ZONE. The answers' copies of their encounter and local day are put
right first, since both the aggregate and the raw reports read them. Then
the closed days' column-wise copies for the raw reports are built again,
with a progress bar on a terminal (the tick would build them too, a few
dozen days at a time)."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kohtaamo.feedback.selectors import responses_with_stale_copies
from kohtaamo.feedback.services import response_copies_refresh
from kohtaamo.insights.aggregates import answer_days_rebuild
from kohtaamo.insights.chunks import answer_chunks_build, chunks_missing

COPIES_CORRECTED = _("Answers whose copy of their encounter or day was corrected: %(count)s.")
REBUILT = _("Answer aggregates rebuilt: %(rows)s rows.")
CHUNKS_BUILT = _("Days copied column by column for the raw reports: %(count)s.")
CHUNKS_PROGRESS = _("Copying days")
CHUNKS_UNIT = _("days")


class Command(BaseCommand):
    help = "Recompute the daily answer aggregates from the answers."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            corrected = response_copies_refresh(responses=responses_with_stale_copies())
            rows = answer_days_rebuild()
        self.stdout.write(str(COPIES_CORRECTED) % {"count": corrected})
        self.stdout.write(str(REBUILT) % {"rows": rows})
        from tqdm import tqdm

        missing = chunks_missing()
        with tqdm(
            total=len(missing),
            desc=str(CHUNKS_PROGRESS),
            unit=f" {CHUNKS_UNIT}",
            file=sys.stderr,
            disable=not sys.stderr.isatty(),
        ) as bar:
            built = answer_chunks_build(days=missing, progress=bar.update)
        self.stdout.write(str(CHUNKS_BUILT) % {"count": built})
