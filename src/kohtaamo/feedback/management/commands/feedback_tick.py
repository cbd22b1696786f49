"""`kohtaamo manage feedback_tick`: the periodic work of the feedback loop.

Meant for cron or a systemd timer, every five minutes or so. It enqueues the
tick for the worker (`kohtaamo worker`); `--now` does the work in this process
instead, for an installation without a worker.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kohtaamo.feedback.tasks import feedback_tick, feedback_tick_run


class Command(BaseCommand):
    help = (
        "Invite due encounters, send due survey e-mails and reminders, escalate overdue "
        "follow-ups, add the survey answers waiting in the inbox to their days."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--now",
            action="store_true",
            help="do the work in this process instead of enqueuing it for the worker",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["now"]:
            report = feedback_tick_run(inline=True)
            self.stdout.write(
                "decided {decided}, invited {invited}, e-mails {emails}, "
                "escalations {escalations}, answers added to their days {folded}".format(**report)
            )
            return
        result = feedback_tick.enqueue()
        self.stdout.write(f"feedback tick enqueued ({result.id})")
