"""E-mail of the feedback loop: invitations, the reminder, the opt-out link,
and the escalation of overdue follow-ups to managers.

The token of a survey link exists only in memory: the sender makes a fresh
one for each e-mail, stores its hash and puts the token in the message. A
sender first "claims" the e-mail by moving `next_email_at` forward in a short
transaction, then talks to the mail server outside any transaction, then
records the result. Two workers given the same invitation therefore send it
once, and a slow mail server never holds a database lock.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kohtaamo.accounts.selectors import languages_of
from kohtaamo.encounters.models import Customer
from kohtaamo.feedback.models import FollowUp, FollowUpStatus, Invitation, InvitationStatus
from kohtaamo.feedback.services import new_token, token_hash
from kohtaamo.org.models import UnitManager

logger = logging.getLogger("kohtaamo.feedback")

OPTOUT_SALT = "kohtaamo.feedback.optout"
# How long a claimed e-mail is left to its sender before another may try.
CLAIM_LEASE = timedelta(minutes=15)
ERROR_TEXT_MAX = 1000
KIND_INVITATION = "invitation"
KIND_REMINDER = "reminder"
ERROR_NO_MANAGER = _("No manager with an e-mail address above the team.")


def absolute_url(path: str) -> str:
    return f"{settings.KOHTAAMO_BASE_URL}{path}"


def survey_url(token: str, *, language: str) -> str:
    """The survey link in the invitation's language: also an expired or
    mistyped link's page then speaks it (the page reveals nothing else)."""
    path = reverse("feedback:survey", kwargs={"token": token})
    return absolute_url(f"{path}?lang={language}")


def optout_token(customer_id: int) -> str:
    """A signed customer id: the link works without login and cannot be forged
    for another customer without the secret key."""
    return signing.Signer(salt=OPTOUT_SALT).sign(str(customer_id))


def optout_customer_id(token: str) -> int | None:
    try:
        value = signing.Signer(salt=OPTOUT_SALT).unsign(token)
    except signing.BadSignature:
        return None
    return int(value) if value.isdigit() else None


def optout_url(customer_id: int, *, language: str) -> str:
    """The opt-out link, opening in the e-mail's language (which may differ
    from the customer's usual one)."""
    path = reverse("feedback:optout", kwargs={"token": optout_token(customer_id)})
    return absolute_url(f"{path}?lang={language}")


def customer_opt_out(*, customer_id: int) -> Customer:
    """Switch the customer's survey consent off and stop every e-mail still
    waiting for them; answering a survey already received stays possible."""
    with transaction.atomic():
        customer = Customer.objects.select_for_update().get(pk=customer_id)
        if customer.consent_surveys:
            customer.consent_surveys = False
            customer.save(update_fields=["consent_surveys", "updated_at"])
        Invitation.objects.filter(customer=customer, next_email_at__isnull=False).update(
            next_email_at=None
        )
    return customer


def retry_delay(failures: int) -> timedelta:
    """Exponential back-off: the base, then twice as long after each failure."""
    return timedelta(minutes=settings.KOHTAAMO_SURVEY_RETRY_MINUTES * 2 ** (failures - 1))


@dataclass(frozen=True)
class Claim:
    invitation: Invitation
    kind: str
    token: str


def _claim(invitation_id: int, now: datetime) -> Claim | None:
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("customer", "survey", "encounter__team__unit")
            .filter(pk=invitation_id, next_email_at__lte=now)
            .first()
        )
        if invitation is None:
            return None
        if invitation.status == InvitationStatus.CREATED:
            kind = KIND_INVITATION
        elif invitation.status == InvitationStatus.SENT and invitation.reminder_sent_at is None:
            kind = KIND_REMINDER
        else:
            kind = ""
        customer = invitation.customer
        if (
            not kind
            or not customer.consent_surveys
            or not customer.email
            or now >= (invitation.expires_at)
        ):
            # Nothing (more) to send to this customer, ever.
            invitation.next_email_at = None
            invitation.save(update_fields=["next_email_at"])
            return None
        token = new_token()
        if kind == KIND_INVITATION:
            invitation.token_hash = token_hash(token)
        else:
            invitation.reminder_token_hash = token_hash(token)
        invitation.next_email_at = now + CLAIM_LEASE
        invitation.save(update_fields=["token_hash", "reminder_token_hash", "next_email_at"])
    return Claim(invitation, kind, token)


def invitation_message(*, invitation: Invitation, kind: str, token: str) -> EmailMultiAlternatives:
    """The e-mail in the invitation's language, plain text and HTML, with
    the one-click opt-out of RFC 8058 in its headers and in its text."""
    customer = invitation.customer
    unsubscribe = optout_url(customer.pk, language=invitation.language)
    unit_name = invitation.encounter.team.unit.name
    with translation.override(invitation.language):
        if kind == KIND_REMINDER:
            subject = gettext("Reminder: how did we do? – %(unit)s") % {"unit": unit_name}
        else:
            subject = gettext("How did we do? – %(unit)s") % {"unit": unit_name}
    return _two_part_email(
        template="feedback/email/invitation",
        context={
            "kind": kind,
            "customer_name": customer.name.split(" ")[0] if customer.name else "",
            "unit_name": unit_name,
            "survey_url": survey_url(token, language=invitation.language),
            "optout_url": unsubscribe,
            "expires_at": invitation.expires_at,
            "language": invitation.language,
        },
        subject=subject,
        to=[customer.email],
        language=invitation.language,
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def _two_part_email(
    *,
    template: str,
    context: dict[str, Any],
    subject: str,
    to: list[str],
    language: str,
    headers: dict[str, str] | None = None,
) -> EmailMultiAlternatives:
    """An e-mail of `template`.txt and `template`.html rendered in `language`,
    marked as sent by a machine (RFC 3834) and in that language."""
    with translation.override(language):
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        settings.DEFAULT_FROM_EMAIL,
        to,
        headers={
            **(headers or {}),
            "Auto-Submitted": "auto-generated",
            "Content-Language": language,
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def invitation_email_send(*, invitation_id: int) -> str:
    """Send the invitation's next e-mail if it is due; say what happened."""
    now = timezone.now()
    claim = _claim(invitation_id, now)
    if claim is None:
        return "skipped"
    invitation = claim.invitation
    try:
        invitation_message(invitation=invitation, kind=claim.kind, token=claim.token).send()
    except Exception as exc:  # any failure of the mail server or the network
        return _record_failure(invitation, claim.kind, exc)
    sent_at = timezone.now()
    fields: dict[str, Any] = {"email_attempts": 0, "email_error": ""}
    if claim.kind == KIND_INVITATION:
        days = settings.KOHTAAMO_SURVEY_REMINDER_DAYS
        fields |= {
            "status": InvitationStatus.SENT,
            "sent_at": sent_at,
            "next_email_at": sent_at + timedelta(days=days) if days > 0 else None,
        }
    else:
        fields |= {"reminder_sent_at": sent_at, "next_email_at": None}
    # The customer may have answered meanwhile: never turn "answered" back.
    # One transaction, so one commit for both.
    with transaction.atomic():
        Invitation.objects.filter(pk=invitation.pk).exclude(
            status=InvitationStatus.ANSWERED
        ).update(**fields)
        Invitation.objects.filter(pk=invitation.pk, status=InvitationStatus.ANSWERED).update(
            next_email_at=None
        )
    return "sent"


def _record_failure(invitation: Invitation, kind: str, exc: Exception) -> str:
    logger.warning("Survey e-mail for invitation %s failed: %s", invitation.pk, exc)
    failures = invitation.email_attempts + 1
    fields: dict[str, Any] = {
        "email_attempts": failures,
        "email_error": f"{type(exc).__name__}: {exc}"[:ERROR_TEXT_MAX],
    }
    if failures >= settings.KOHTAAMO_SURVEY_EMAIL_ATTEMPTS:
        fields["next_email_at"] = None
        if kind == KIND_INVITATION:
            fields["status"] = InvitationStatus.FAILED
        outcome = "failed"
    else:
        fields["next_email_at"] = timezone.now() + retry_delay(failures)
        outcome = "retry"
    Invitation.objects.filter(pk=invitation.pk).update(**fields)
    return outcome


def email_waits_end(*, now: datetime) -> int:
    """The invitations whose e-mail came due but that wait for none any more
    (answered, or failed): their wait is cleared, so that they leave the
    index of waiting invitations. An answer leaves the wait as it is, so that
    its own update of the invitation touches no index (`Invitation.Meta`).
    Returns how many were cleared."""
    return (
        Invitation.objects.filter(next_email_at__lte=now)
        .exclude(status__in=[InvitationStatus.CREATED, InvitationStatus.SENT])
        .update(next_email_at=None)
    )


def due_email_ids(*, now: datetime, limit: int = 1000) -> list[int]:
    """Invitations whose first e-mail, retry or reminder is due."""
    return list(
        Invitation.objects.filter(
            status__in=[InvitationStatus.CREATED, InvitationStatus.SENT],
            next_email_at__lte=now,
        )
        .order_by("next_email_at")
        .values_list("pk", flat=True)[:limit]
    )


# --- Escalation -------------------------------------------------------------------


def escalation_recipients(*, followup: FollowUp) -> list[Any]:
    """The managers of the nearest unit above the team that has any."""
    unit_ids = followup.team.unit.lineage_ids
    managers = UnitManager.objects.filter(
        unit_id__in=unit_ids, user__is_active=True
    ).select_related("user")
    by_unit: dict[int, list[Any]] = {}
    for manager in managers.order_by("pk"):
        if manager.user.email:
            by_unit.setdefault(manager.unit_id, []).append(manager.user)
    for unit_id in reversed(unit_ids):
        if unit_id in by_unit:
            return by_unit[unit_id]
    return []


def overdue_followup_ids(*, now: datetime, limit: int = 1000) -> list[int]:
    return list(
        FollowUp.objects.filter(
            status=FollowUpStatus.OPEN, due_at__lt=now, escalated_at__isnull=True
        )
        .order_by("due_at")
        .values_list("pk", flat=True)[:limit]
    )


def escalation_messages(
    *, followup: FollowUp, recipients: list[Any]
) -> list[EmailMultiAlternatives]:
    """One e-mail per language among the recipients, each in the language
    the manager chose for themselves (`accounts.Preference`)."""
    by_language: dict[str, list[Any]] = {}
    languages = languages_of(users=recipients)
    for person in recipients:
        by_language.setdefault(languages[person.pk], []).append(person)
    url = absolute_url(reverse("feedback:followup_detail", args=[followup.pk]))
    context = {"followup": followup, "response": followup.response, "url": url}
    messages = []
    for language, people in sorted(by_language.items()):
        with translation.override(language):
            subject = gettext("Overdue follow-up: %(team)s") % {"team": followup.team.name}
        messages.append(
            _two_part_email(
                template="feedback/email/escalation",
                context=context,
                subject=subject,
                to=[person.email for person in people],
                language=language,
            )
        )
    return messages


def followup_escalate(*, followup_id: int) -> str:
    """E-mail the managers about one overdue follow-up, once."""
    now = timezone.now()
    with transaction.atomic():
        followup = (
            FollowUp.objects.select_for_update(of=("self",))
            .select_related("team__unit", "response", "assignee", "encounter")
            .filter(
                pk=followup_id,
                status=FollowUpStatus.OPEN,
                due_at__lt=now,
                escalated_at__isnull=True,
            )
            .first()
        )
        if followup is None:
            return "skipped"
        recipients = escalation_recipients(followup=followup)
        if not recipients:
            FollowUp.objects.filter(pk=followup.pk).update(escalation_error=str(ERROR_NO_MANAGER))
            return "no_manager"
        # Claimed before sending: a second worker finds it escalated.
        FollowUp.objects.filter(pk=followup.pk).update(escalated_at=now, escalation_error="")
    # Managers of two languages get two e-mails; each language is noted as its
    # e-mail goes, so that a retry after a failure sends only what did not go.
    sent = [code for code in followup.escalated_languages.split(",") if code]
    try:
        for message in escalation_messages(followup=followup, recipients=recipients):
            language = message.extra_headers["Content-Language"]
            if language in sent:
                continue
            message.send()
            sent.append(language)
            FollowUp.objects.filter(pk=followup.pk).update(escalated_languages=",".join(sent))
    except Exception as exc:  # any failure of the mail server or the network
        logger.warning("Escalation of follow-up %s failed: %s", followup.pk, exc)
        # Not escalated after all: the next tick tries again.
        FollowUp.objects.filter(pk=followup.pk).update(
            escalated_at=None, escalation_error=f"{type(exc).__name__}: {exc}"[:ERROR_TEXT_MAX]
        )
        return "failed"
    return "sent"
