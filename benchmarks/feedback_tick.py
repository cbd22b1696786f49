"""Benchmark: the feedback tick deciding due encounters and mailing invitations.

    python benchmarks/feedback_tick.py [--encounters 5000] [--database-url URL]

Creates a PostgreSQL database of its own (dropped first; default
kohtaamo_bench_delivery), migrates it, makes one unit rule inviting every
phone encounter, N encounters of N customers that ended three hours ago, and
starts a real SMTP server on loopback (aiosmtpd). Then it runs the tick in
this process (`feedback_tick_run(inline=True)`, as `kohtaamo manage
feedback_tick --now` does) until nothing is due, and prints decisions per
second, e-mails per second through SMTP, and the counts, which must be N
invitations, N e-mails received and nothing twice.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/kohtaamo_bench_delivery"


def _recreate(url: str) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--encounters", type=int, default=5000)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from kohtaamo.feedback.tests.smtp import free_port

    _recreate(args.database_url)
    port = free_port()
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "kohtaamo.settings",
            "KOHTAAMO_DATABASE_URL": args.database_url,
            "KOHTAAMO_SECRET_KEY": "benchmark-only-" + "x" * 40,
            "KOHTAAMO_EMAIL_HOST": "127.0.0.1",
            "KOHTAAMO_EMAIL_PORT": str(port),
            "KOHTAAMO_TASK_BACKEND": "immediate",
        }
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from kohtaamo.encounters.models import Customer, Encounter
    from kohtaamo.feedback.delivery import due_email_ids, invitation_email_send
    from kohtaamo.feedback.models import Invitation, InvitationDecision, Survey
    from kohtaamo.feedback.rules import encounters_invite_due, invitation_rule_create
    from kohtaamo.feedback.tasks import feedback_tick_run
    from kohtaamo.org.models import Team
    from kohtaamo.org.services import unit_create
    from kohtaamo.testing.factories import UserFactory

    call_command("migrate", verbosity=0)
    unit = unit_create(name="Hotelli Penkki", code="penkki", parent=None)
    team = Team.objects.create(name="Vastaanotto", code="penkki-vo", unit=unit)
    staff = UserFactory()
    survey = Survey.objects.create(name="Kysely")
    invitation_rule_create(
        unit=unit, survey=survey, channels=["phone"], delay_hours=2, sampling_percent=100
    )
    n = args.encounters
    customers = Customer.objects.bulk_create(
        Customer(external_id=f"B{i}", name=f"Asiakas {i}", email=f"a{i}@example.com")
        for i in range(n)
    )
    ended = timezone.now() - timedelta(hours=3)
    Encounter.objects.bulk_create(
        Encounter(
            source="bench",
            external_id=str(i),
            channel="phone",
            started_at=ended - timedelta(minutes=5),
            ended_at=ended,
            staff=staff,
            team=team,
            customer=c,
        )
        for i, c in enumerate(customers)
    )
    with SmtpServer(port) as server:
        # The tick's two halves, timed apart: deciding, then mailing.
        started = time.perf_counter()
        while encounters_invite_due(now=timezone.now()):
            pass
        deciding = time.perf_counter() - started
        started = time.perf_counter()
        while ids := due_email_ids(now=timezone.now()):
            for invitation_id in ids:
                invitation_email_send(invitation_id=invitation_id)
        mailing = time.perf_counter() - started
        # and a whole tick with nothing left to do
        started = time.perf_counter()
        idle = feedback_tick_run(inline=True)
        idle_ms = (time.perf_counter() - started) * 1000
        received = len(server.messages)
    recipients = [rcpt for _sender, rcpt in server.envelopes]
    print(f"encounters due: {n}")
    print(f"deciding and inviting: {deciding:.1f} s, {n / deciding:.0f} encounters/s")
    print(f"mailing through SMTP: {mailing:.1f} s, {n / mailing:.0f} e-mails/s")
    print(f"a tick with nothing due: {idle_ms:.0f} ms ({idle})")
    print(
        f"invitations: {Invitation.objects.count()}, decisions: "
        f"{InvitationDecision.objects.count()}, e-mails received: {received}, "
        f"duplicate recipients: {len(recipients) - len({tuple(r) for r in recipients})}"
    )
    return 0


class SmtpServer:
    """The tests' SMTP server on a port chosen before Django reads its settings."""

    def __init__(self, port: int) -> None:
        from aiosmtpd.controller import Controller

        from kohtaamo.feedback.tests.smtp import _Collector

        self.collector = _Collector()
        self.controller = Controller(self.collector, hostname="127.0.0.1", port=port)

    def __enter__(self) -> Any:
        self.controller.start()
        return self.collector

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


if __name__ == "__main__":
    raise SystemExit(main())
