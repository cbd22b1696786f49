"""End to end: cron runs `kohtaamo manage feedback_tick`, a real worker takes
the tick and its e-mails from the database queue, and the invitation reaches
a real SMTP server (issue 4)."""

from __future__ import annotations

import subprocess
from datetime import timedelta

import pytest
from django.utils import timezone

from kohtaamo.conftest import Cast
from kohtaamo.feedback.models import Invitation, InvitationStatus, Survey
from kohtaamo.feedback.rules import invitation_rule_create
from kohtaamo.feedback.tests.smtp import smtp_server
from kohtaamo.testing.factories import EncounterFactory
from kohtaamo.testing.subprocesses import kohtaamo_command, subprocess_env


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_cron_command_and_worker_send_the_due_invitation(cast: Cast) -> None:
    # given a rule and an encounter that ended three hours ago
    survey = Survey.objects.create(name="Asiakaskysely")
    invitation_rule_create(
        unit=cast.hotel, survey=survey, channels=["phone"], delay_hours=2, sampling_percent=100
    )
    ended = timezone.now() - timedelta(hours=3)
    encounter = EncounterFactory(
        team=cast.team, started_at=ended - timedelta(minutes=9), ended_at=ended
    )
    with smtp_server() as (port, server):
        env = {**subprocess_env(tasks_in_database=True), "KOHTAAMO_TEST_SMTP_PORT": str(port)}
        # when cron runs the command, and the worker what it queued
        tick = subprocess.run(
            kohtaamo_command("manage", "feedback_tick"),
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert tick.returncode == 0, tick.stderr
        assert tick.stdout.startswith("feedback tick enqueued (")
        assert Invitation.objects.count() == 0  # the command only enqueued
        worker = subprocess.run(
            kohtaamo_command("worker", "--batch"),
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert worker.returncode == 0, worker.stderr
    # then the customer was invited and the e-mail reached the server
    invitation = Invitation.objects.get()
    assert invitation.encounter_id == encounter.pk
    assert invitation.status == InvitationStatus.SENT
    assert [rcpt for _sender, rcpt in server.envelopes] == [[encounter.customer.email]]
    assert server.messages[0]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
