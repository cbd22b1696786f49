"""`kohtaamo manage rebuild_answer_aggregates`: recompute the daily answer
aggregate from the answers, e.g. after restoring a backup or changing
TIME_ZONE. The answers' copies of their encounter and local day are put
right first, since both the aggregate and the raw reports read them."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kohtaamo.feedback.selectors import responses_with_stale_copies
from kohtaamo.feedback.services import response_copies_refresh
from kohtaamo.insights.aggregates import answer_days_rebuild

COPIES_CORRECTED = _("Answers whose copy of their encounter or day was corrected: %(count)s.")
REBUILT = _("Answer aggregates rebuilt: %(rows)s rows.")


class Command(BaseCommand):
    help = "Recompute the daily answer aggregates from the answers."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            corrected = response_copies_refresh(responses=responses_with_stale_copies())
            rows = answer_days_rebuild()
        self.stdout.write(str(COPIES_CORRECTED) % {"count": corrected})
        self.stdout.write(str(REBUILT) % {"rows": rows})
