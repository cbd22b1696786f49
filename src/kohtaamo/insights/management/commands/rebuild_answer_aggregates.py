"""`kohtaamo manage rebuild_answer_aggregates`: recompute the daily answer
aggregate from the answers, e.g. after restoring a backup or changing
TIME_ZONE."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from kohtaamo.insights.aggregates import answer_days_rebuild


class Command(BaseCommand):
    help = "Recompute the daily answer aggregates from the answers."

    def handle(self, *args: Any, **options: Any) -> None:
        rows = answer_days_rebuild()
        self.stdout.write(_("Answer aggregates rebuilt: %(rows)s rows.") % {"rows": rows})
