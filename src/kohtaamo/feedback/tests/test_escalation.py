"""Overdue follow-ups are escalated to the unit's manager by e-mail, once,
and shown as escalated (issue 4)."""

from __future__ import annotations

import smtplib
from datetime import timedelta
from typing import Any

from django.core import mail
from django.core.mail.backends import locmem
from django.urls import reverse
from django.utils import timezone

from kohtaamo.conftest import Cast
from kohtaamo.core.tests.pages import page_client
from kohtaamo.feedback.delivery import ERROR_NO_MANAGER, followup_escalate
from kohtaamo.feedback.models import FollowUp, Survey
from kohtaamo.feedback.services import invitation_create
from kohtaamo.feedback.tasks import feedback_tick_run
from kohtaamo.feedback.tests.helpers import answer
from kohtaamo.feedback.tests.smtp import free_port, smtp_mailers
from kohtaamo.testing.factories import EncounterFactory, UnitManagerFactory, UserFactory


def _followup(survey: Survey, team: Any, comment: str = "Jonotin tunnin.") -> FollowUp:
    invitation, _token = invitation_create(encounter=EncounterFactory(team=team), survey=survey)
    response = answer(invitation, nps=2, comment=comment)
    return response.followup  # type: ignore[no-any-return]


def _overdue(followup: FollowUp) -> None:
    FollowUp.objects.filter(pk=followup.pk).update(due_at=timezone.now() - timedelta(hours=1))


def test_overdue_followup_is_escalated_to_the_manager_once(cast: Cast, survey: Survey) -> None:
    followup = _followup(survey, cast.team)
    assert feedback_tick_run()["escalations"] == 0
    _overdue(followup)
    assert feedback_tick_run()["escalations"] == 1
    assert feedback_tick_run()["escalations"] == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [cast.manager.email]
    assert message.subject == "Myöhässä oleva jatkotoimi: Vastaanotto"
    assert f"http://127.0.0.1:8000/feedback/followups/{followup.pk}/" in message.body
    assert "Jonotin tunnin." in message.body
    assert FollowUp.objects.get(pk=followup.pk).escalated_at is not None


def test_the_escalation_asks_for_a_call_only_when_the_customer_allowed_contact(
    cast: Cast, survey: Survey
) -> None:
    # given two overdue follow-ups: one customer allowed contact, one did not
    for consent in (True, False):
        invitation, _token = invitation_create(
            encounter=EncounterFactory(team=cast.team), survey=survey
        )
        _overdue(answer(invitation, nps=1, consent_contact=consent).followup)
    # when they are escalated
    feedback_tick_run()
    # then only the first e-mail asks for a call, and each says whether one may call
    by_consent = {}
    for message in mail.outbox:
        allowed = "Saa ottaa yhteyttä: kyllä" in message.body
        assert allowed or "Saa ottaa yhteyttä: ei" in message.body
        by_consent[allowed] = message
    calls = {allowed: "soitetaan" in m.body for allowed, m in by_consent.items()}
    assert calls == {True: True, False: False}
    html = by_consent[False].alternatives[0].content
    assert "ei antanut lupaa ottaa häneen yhteyttä" in html and "soitetaan" not in html


def test_manager_sees_the_followup_marked_escalated(cast: Cast, survey: Survey) -> None:
    followup = _followup(survey, cast.team)
    _overdue(followup)
    feedback_tick_run()
    page = page_client(cast.manager).get(reverse("feedback:followups"))
    assert "Escalated to the manager" in page.text
    detail = page_client(cast.manager).get(reverse("feedback:followup_detail", args=[followup.pk]))
    assert "Escalated to the manager" in detail.text


def test_closed_followup_is_not_escalated(cast: Cast, survey: Survey) -> None:
    from kohtaamo.feedback.services import followup_close

    followup = _followup(survey, cast.team)
    _overdue(followup)
    followup_close(
        followup=followup, outcome="resolved", root_cause="advice", note="", by=cast.lead
    )
    assert followup_escalate(followup_id=followup.pk) == "skipped"
    assert mail.outbox == []


def test_html_in_the_comment_is_escaped_in_the_escalation_email(cast: Cast, survey: Survey) -> None:
    followup = _followup(survey, cast.team, comment='<img src=x onerror="alert(1)">')
    _overdue(followup)
    feedback_tick_run()
    html = mail.outbox[0].alternatives[0].content
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


def test_failed_escalation_is_recorded_and_tried_again(
    cast: Cast, survey: Survey, settings: Any
) -> None:
    followup = _followup(survey, cast.team)
    _overdue(followup)
    settings.MAILERS = smtp_mailers(free_port())
    assert followup_escalate(followup_id=followup.pk) == "failed"
    stored = FollowUp.objects.get(pk=followup.pk)
    assert stored.escalated_at is None
    assert stored.escalation_error.startswith("ConnectionRefusedError")
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    assert feedback_tick_run()["escalations"] == 1
    assert len(mail.outbox) == 1


def test_without_a_manager_the_reason_is_recorded(cast: Cast, survey: Survey) -> None:
    followup = _followup(survey, cast.other_team)
    _overdue(followup)
    assert followup_escalate(followup_id=followup.pk) == "no_manager"
    assert FollowUp.objects.get(pk=followup.pk).escalation_error == str(ERROR_NO_MANAGER)
    assert mail.outbox == []


def test_each_manager_gets_the_escalation_in_the_language_they_chose(
    cast: Cast, survey: Survey
) -> None:
    # Given two managers of the region: one chose Swedish on the pages, one never chose
    colleague = UserFactory(first_name="Kaj", last_name="Lindqvist", email="kaj@example.fi")
    UnitManagerFactory(user=colleague, unit=cast.region)
    client = page_client(colleague)
    client.post(reverse("set_language"), {"language": "sv", "next": "/"})
    followup = _followup(survey, cast.team)
    _overdue(followup)
    # When the follow-up is escalated
    assert followup_escalate(followup_id=followup.pk) == "sent"
    # Then each gets one e-mail in their own language
    by_recipient = {tuple(m.to): m for m in mail.outbox}
    assert set(by_recipient) == {(cast.manager.email,), (colleague.email,)}
    swedish, finnish = by_recipient[(colleague.email,)], by_recipient[(cast.manager.email,)]
    assert swedish.subject == "Försenad uppföljning: Vastaanotto"
    assert swedish.extra_headers["Content-Language"] == "sv"
    assert finnish.subject == "Myöhässä oleva jatkotoimi: Vastaanotto"
    assert "Jonotin tunnin." in swedish.body


class SwedishFailsOnce(locmem.EmailBackend):
    """The in-memory outbox, but the first Swedish e-mail meets a mail server error."""

    failed = False

    def send_messages(self, email_messages: Any) -> int:
        for message in email_messages:
            if message.extra_headers.get("Content-Language") == "sv" and not self.failed:
                SwedishFailsOnce.failed = True
                raise smtplib.SMTPServerDisconnected("the server closed the connection")
        return super().send_messages(email_messages)


def test_after_the_second_of_two_emails_failed_the_retry_sends_only_that_one(
    cast: Cast, survey: Survey, settings: Any
) -> None:
    # Given a Finnish and a Swedish manager, and a mail server that drops the Swedish e-mail once
    colleague = UserFactory(first_name="Kaj", last_name="Lindqvist", email="kaj@example.fi")
    UnitManagerFactory(user=colleague, unit=cast.region)
    page_client(colleague).post(reverse("set_language"), {"language": "sv", "next": "/"})
    followup = _followup(survey, cast.team)
    _overdue(followup)
    SwedishFailsOnce.failed = False
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.SwedishFailsOnce"}}
    # When the escalation fails half-way and the next tick tries again
    assert followup_escalate(followup_id=followup.pk) == "failed"
    assert [m.to for m in mail.outbox] == [[cast.manager.email]]
    assert feedback_tick_run()["escalations"] == 1
    # Then each manager got exactly one e-mail
    assert sorted(m.to[0] for m in mail.outbox) == sorted([cast.manager.email, colleague.email])
    stored = FollowUp.objects.get(pk=followup.pk)
    assert stored.escalated_at is not None
    assert stored.escalated_languages == "fi,sv"
