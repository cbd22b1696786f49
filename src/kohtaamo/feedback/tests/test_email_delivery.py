"""Survey e-mail: the invitation, its reminder, retries and the opt-out
headers, sent through a real SMTP server on loopback (aiosmtpd) and through
the in-memory backend (issue 4)."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from kohtaamo.feedback.delivery import (
    invitation_email_send,
    optout_customer_id,
    retry_delay,
)
from kohtaamo.feedback.models import Invitation, InvitationStatus, Survey
from kohtaamo.feedback.services import invitation_create
from kohtaamo.feedback.tasks import feedback_tick_run
from kohtaamo.feedback.tests.helpers import answer
from kohtaamo.feedback.tests.smtp import free_port, smtp_mailers, smtp_server

LINK = re.compile(r"http://127\.0\.0\.1:8000(/s/[A-Za-z0-9_-]{43}/\?lang=[a-z]{2})")
OPTOUT = re.compile(r"http://127\.0\.0\.1:8000(/optout/[^/\s\"<>]+/\?lang=[a-z]{2})")


def _invite(encounter: Any, survey: Survey, **kwargs: Any) -> Invitation:
    invitation, _token = invitation_create(
        encounter=encounter, survey=survey, send_email=True, **kwargs
    )
    return invitation


def _later(invitation: Invitation, **delta: float) -> None:
    """Move the invitation's clock back, as if `delta` had passed."""
    shift = timedelta(**delta)
    fields = {}
    for name in ("created_at", "sent_at", "next_email_at"):
        value = getattr(Invitation.objects.get(pk=invitation.pk), name)
        if value is not None:
            fields[name] = value - shift
    Invitation.objects.filter(pk=invitation.pk).update(**fields)


@pytest.mark.slow
def test_invitation_goes_through_a_real_smtp_server_in_swedish(
    survey: Survey, encounter: Any, settings: Any
) -> None:
    # given a Swedish-speaking customer and a real SMTP server on loopback
    customer = encounter.customer
    customer.language = "sv"
    customer.name = "Saga <b>Lindqvist</b>"
    customer.save()
    invitation = _invite(encounter, survey)
    with smtp_server() as (port, server):
        settings.MAILERS = smtp_mailers(port)
        # when the invitation is sent
        assert invitation_email_send(invitation_id=invitation.pk) == "sent"
    # then the server received one message, in Swedish, with both parts
    assert server.envelopes == [("kohtaamo@localhost", [customer.email])]
    message = server.messages[0]
    assert message["Subject"] == f"Hur lyckades vi? – {encounter.team.unit.name}"
    assert message["Content-Language"] == "sv"
    assert message["Auto-Submitted"] == "auto-generated"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert text.startswith("Hej Saga,")
    assert '<html lang="sv">' in html
    # the link works to a moment, which the e-mail gives to the minute
    ends = timezone.localtime(Invitation.objects.get(pk=invitation.pk).expires_at)
    until = f"fungerar till {ends.day}.{ends.month}.{ends.year} {ends:%H}.{ends:%M}."
    assert until in text and until in html
    assert "&lt;b&gt;" not in html and "<b>Lindqvist" not in html  # only the first name
    # the survey link works and opens the survey in Swedish
    path = LINK.search(text).group(1)  # type: ignore[union-attr]
    assert path in html
    page = Client().get(path)
    assert page.status_code == 200
    assert page.headers["Content-Language"] == "sv"
    # and the one-click opt-out of RFC 8058 is in the headers and the text
    # (a long header may be folded before the "<"; mail programs unfold it)
    unsubscribe = message["List-Unsubscribe"].strip()
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    optout_path = OPTOUT.search(text).group(1)  # type: ignore[union-attr]
    assert unsubscribe == f"<http://127.0.0.1:8000{optout_path}>"
    assert optout_customer_id(optout_path.split("/")[2]) == customer.pk
    assert Client().get(optout_path).headers["Content-Language"] == "sv"
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.SENT
    assert invitation.email_attempts == 0


@pytest.mark.slow
def test_html_in_a_customer_name_is_escaped_in_the_email(
    survey: Survey, encounter: Any, settings: Any
) -> None:
    encounter.customer.name = "<script>alert(1)</script>"
    encounter.customer.save()
    invitation = _invite(encounter, survey)
    with smtp_server() as (port, server):
        settings.MAILERS = smtp_mailers(port)
        invitation_email_send(invitation_id=invitation.pk)
    html = server.messages[0].get_body(("html",)).get_content()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_invitation_is_written_in_finnish_by_default(survey: Survey, encounter: Any) -> None:
    encounter.customer.name = "Aino Virtanen"
    encounter.customer.save()
    invitation_email_send(invitation_id=_invite(encounter, survey).pk)
    message = mail.outbox[0]
    assert message.subject == f"Miten onnistuimme? – {encounter.team.unit.name}"
    assert message.body.startswith("Hei Aino,")
    assert message.alternatives[0].mimetype == "text/html"


def test_failed_sending_is_recorded_and_retried_with_back_off(
    survey: Survey, encounter: Any, settings: Any
) -> None:
    # given a mail server that does not answer (nothing listens on the port)
    settings.MAILERS = smtp_mailers(free_port())
    settings.KOHTAAMO_SURVEY_EMAIL_ATTEMPTS = 3
    invitation = _invite(encounter, survey)
    before = timezone.now()
    # when the first attempt fails
    assert invitation_email_send(invitation_id=invitation.pk) == "retry"
    invitation.refresh_from_db()
    # then the failure is on the invitation and a retry is due after the back-off
    assert invitation.status == InvitationStatus.CREATED
    assert invitation.email_attempts == 1
    assert invitation.email_error.startswith("ConnectionRefusedError")
    assert invitation.next_email_at >= before + timedelta(minutes=5)
    assert invitation.next_email_at < before + timedelta(minutes=6)
    # a retry is not sent before it is due
    assert invitation_email_send(invitation_id=invitation.pk) == "skipped"
    assert retry_delay(1) == timedelta(minutes=5)
    assert retry_delay(2) == timedelta(minutes=10)
    assert retry_delay(4) == timedelta(minutes=40)
    # when every attempt fails, the invitation is marked failed and left alone
    for _ in range(2):
        _later(invitation, hours=1)
        invitation_email_send(invitation_id=invitation.pk)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.FAILED
    assert invitation.email_attempts == 3
    assert invitation.next_email_at is None
    assert feedback_tick_run()["emails"] == 0


def test_a_failure_then_success_delivers_one_email(
    survey: Survey, encounter: Any, settings: Any
) -> None:
    settings.MAILERS = smtp_mailers(free_port())
    invitation = _invite(encounter, survey)
    invitation_email_send(invitation_id=invitation.pk)
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    _later(invitation, minutes=6)
    assert feedback_tick_run()["emails"] == 1
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.SENT
    assert (invitation.email_attempts, invitation.email_error) == (0, "")
    assert len(mail.outbox) == 1


def test_one_reminder_after_three_days_with_a_link_of_its_own(
    survey: Survey, encounter: Any
) -> None:
    invitation = _invite(encounter, survey)
    feedback_tick_run()
    first_link = LINK.search(mail.outbox[0].body).group(1)  # type: ignore[union-attr]
    # not yet after two days
    _later(invitation, days=2)
    assert feedback_tick_run()["emails"] == 0
    # after three days, one reminder
    _later(invitation, days=1, minutes=1)
    assert feedback_tick_run()["emails"] == 1
    assert len(mail.outbox) == 2
    reminder = mail.outbox[1]
    assert reminder.subject.startswith("Muistutus: ")
    second_link = LINK.search(reminder.body).group(1)  # type: ignore[union-attr]
    assert second_link != first_link
    # both links lead to the survey, and no third e-mail ever follows
    assert Client().get(first_link).status_code == 200
    assert Client().get(second_link).status_code == 200
    _later(invitation, days=5)
    assert feedback_tick_run()["emails"] == 0
    invitation.refresh_from_db()
    assert invitation.reminder_sent_at is not None


def test_an_expired_link_from_a_swedish_email_says_so_in_swedish(
    survey: Survey, encounter: Any
) -> None:
    # given a Swedish invitation to a customer whose browser asks for Finnish
    invitation = _invite(encounter, survey, language="sv")
    feedback_tick_run()
    link = LINK.search(mail.outbox[0].body).group(1)  # type: ignore[union-attr]
    # when the link is opened after it expired
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    page = Client().get(link, headers={"Accept-Language": "fi"})
    # then the page that reveals nothing is in the e-mail's language
    assert page.status_code == 404
    assert page.headers["Content-Language"] == "sv"


def test_reminder_days_is_a_setting_and_zero_sends_none(
    survey: Survey, encounter: Any, settings: Any
) -> None:
    settings.KOHTAAMO_SURVEY_REMINDER_DAYS = 0
    invitation = _invite(encounter, survey)
    feedback_tick_run()
    _later(invitation, days=10)
    feedback_tick_run()
    assert len(mail.outbox) == 1


def test_answered_invitation_gets_no_reminder(survey: Survey, encounter: Any) -> None:
    invitation = _invite(encounter, survey)
    feedback_tick_run()
    answer(Invitation.objects.get(pk=invitation.pk))
    _later(invitation, days=4)
    assert feedback_tick_run()["emails"] == 0
    assert len(mail.outbox) == 1
    # and the tick ended its wait for an e-mail
    assert Invitation.objects.get(pk=invitation.pk).next_email_at is None


def test_the_same_email_enqueued_twice_is_sent_once(survey: Survey, encounter: Any) -> None:
    invitation = _invite(encounter, survey)
    assert invitation_email_send(invitation_id=invitation.pk) == "sent"
    assert invitation_email_send(invitation_id=invitation.pk) == "skipped"
    assert len(mail.outbox) == 1


def test_customer_who_opted_out_before_sending_gets_nothing(survey: Survey, encounter: Any) -> None:
    invitation = _invite(encounter, survey)
    encounter.customer.consent_surveys = False
    encounter.customer.save()
    assert invitation_email_send(invitation_id=invitation.pk) == "skipped"
    assert mail.outbox == []
    invitation.refresh_from_db()
    assert invitation.next_email_at is None
