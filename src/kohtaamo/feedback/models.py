"""Surveys, the invitations sent from encounters, the answers, and the
follow-up that every unhappy answer opens (issue 4)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kohtaamo.encounters.models import Channel, Customer, Encounter, Language
from kohtaamo.org.models import Team, Unit

NPS_RANGE = (0, 10)
CSAT_RANGE = (1, 5)
CES_RANGE = (1, 7)
DETRACTOR_MAX = 6  # NPS 0–6 is a detractor
CSAT_UNHAPPY_MAX = 2  # CSAT 1–2 is an unhappy answer
COMMENT_MAX_LENGTH = 4000
# The organisation-wide survey that `kohtaamo import responses` files an
# answer under when its encounter had no invitation (`insights.services`),
# found again by this name on the next import; nobody is invited to it.
IMPORT_SURVEY_NAME = "Tuodut vastaukset"


class Survey(models.Model):
    """Which questions are asked; a survey without a unit is organisation-wide."""

    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="surveys",
    )
    name = models.CharField(_("name"), max_length=200)
    ask_nps = models.BooleanField(_("ask NPS"), default=True)
    ask_csat = models.BooleanField(_("ask CSAT"), default=True)
    ask_ces = models.BooleanField(_("ask CES"), default=True)
    ask_comment = models.BooleanField(_("ask for a comment"), default=True)
    ask_consent = models.BooleanField(_("ask for consent to contact"), default=True)
    invitation_expiry_days = models.PositiveSmallIntegerField(
        _("invitation valid for (days)"), default=14
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self) -> str:
        return self.name


class InvitationStatus(models.TextChoices):
    CREATED = "created", _("Created")
    SENT = "sent", _("Sent")
    ANSWERED = "answered", _("Answered")
    # Every attempt to e-mail it failed; `email_error` says why.
    FAILED = "failed", _("Sending failed")


class Invitation(models.Model):
    """A single-use link to a survey. Only the SHA-256 of its token is kept,
    so that a leaked database cannot be used to answer in someone's name."""

    survey = models.ForeignKey(
        Survey, verbose_name=_("survey"), on_delete=models.PROTECT, related_name="invitations"
    )
    # No index of its own: `one_invitation_per_encounter` is one.
    encounter = models.ForeignKey(
        Encounter,
        verbose_name=_("encounter"),
        on_delete=models.PROTECT,
        related_name="invitations",
        db_index=False,
    )
    # No index of its own: `invitation_customer_time` begins with it.
    customer = models.ForeignKey(
        Customer,
        verbose_name=_("customer"),
        on_delete=models.PROTECT,
        related_name="invitations",
        db_index=False,
    )
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    # Unique by the constraints below, not `unique=True`: on PostgreSQL that
    # would add a second index for LIKE searches, which a hash never gets.
    token_hash = models.CharField(max_length=64, editable=False)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=InvitationStatus.choices,
        default=InvitationStatus.CREATED,
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    rule = models.ForeignKey(
        "feedback.InvitationRule",
        verbose_name=_("invitation rule"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitations",
    )
    # Delivery by e-mail (see feedback/delivery.py). `next_email_at` is when
    # the next e-mail (the first, a retry or the reminder) may be tried; a
    # sender moves it forward before it sends, so that two workers never
    # send the same e-mail.
    next_email_at = models.DateTimeField(_("next e-mail"), null=True, blank=True)
    email_attempts = models.PositiveSmallIntegerField(_("failed e-mail attempts"), default=0)
    email_error = models.TextField(_("last e-mail error"), blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    # The reminder carries a link of its own (the first one's token is known
    # only to the first e-mail); both links lead to this invitation.
    # NULL, not "", until it is sent: the unique constraint lets many be NULL.
    reminder_token_hash = models.CharField(  # noqa: DJ001
        max_length=64, null=True, blank=True, editable=False
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        indexes = [
            # The fatigue rule asks "was this customer invited lately?".
            models.Index(fields=["customer", "-created_at"], name="invitation_customer_time"),
            # The tick asks "which e-mails are due?". Only the invitations
            # that wait for an e-mail, and not by status: with no index on
            # the status, an answer's update of its invitation writes no
            # index entry at all (a HOT update), 1.2 KB of WAL where it wrote
            # 6.5 KB. The tick clears the wait of an invitation answered in
            # the meantime (`delivery.email_waits_end`).
            models.Index(
                fields=["next_email_at"],
                name="invitation_email_wait",
                condition=Q(next_email_at__isnull=False),
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["encounter"], name="one_invitation_per_encounter"),
            models.UniqueConstraint(fields=["token_hash"], name="invitation_token_hash_key"),
            models.UniqueConstraint(
                fields=["reminder_token_hash"], name="invitation_reminder_token_hash_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey} → {self.customer}"

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at


def is_unhappy(*, nps: int | None, csat: int | None) -> bool:
    """A detractor or a CSAT of 1–2: someone should call back."""
    return (nps is not None and nps <= DETRACTOR_MAX) or (
        csat is not None and csat <= CSAT_UNHAPPY_MAX
    )


class Response(models.Model):
    """One customer's answer. One per invitation, enforced by the database."""

    invitation = models.OneToOneField(
        Invitation, verbose_name=_("invitation"), on_delete=models.PROTECT, related_name="response"
    )
    nps = models.PositiveSmallIntegerField(_("NPS"), null=True, blank=True)
    csat = models.PositiveSmallIntegerField(_("CSAT"), null=True, blank=True)
    ces = models.PositiveSmallIntegerField(_("CES"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    consent_contact = models.BooleanField(_("may be contacted"), default=False)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    answered_at = models.DateTimeField(_("answered"), default=timezone.now)
    # Written by `kohtaamo import responses`, not given by the customer
    # through a survey link: an import may correct only answers it wrote.
    imported = models.BooleanField(_("imported"), default=False)
    # Copies of the encounter's team, staff member and channel, and the local
    # day (TIME_ZONE) of `answered_at`, written with the answer and kept in
    # step by every writer (`feedback.services.response_copies`), so that a
    # report over the raw answers reads this one table: joining it with the
    # invitations and encounters made a report over 10M answers take 14 s
    # instead of about one (issue 4, speed of reports).
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.PROTECT, related_name="+", db_index=False
    )
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    answered_on = models.DateField(_("answered on"))

    class Meta:
        ordering = ["-answered_at"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        indexes = [
            # The feedback page lists the latest answers first, and a report
            # over a few days of raw answers finds them by time. Ascending,
            # read backwards for the latest first: answers arrive in time
            # order, and a descending index took each at its start, splitting
            # pages half-empty (as encounters.0004 measured for encounters).
            models.Index(fields=["answered_at"], name="response_answered_at"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(nps__isnull=True) | Q(nps__gte=NPS_RANGE[0], nps__lte=NPS_RANGE[1]),
                name="response_nps_range",
            ),
            models.CheckConstraint(
                condition=Q(csat__isnull=True)
                | Q(csat__gte=CSAT_RANGE[0], csat__lte=CSAT_RANGE[1]),
                name="response_csat_range",
            ),
            models.CheckConstraint(
                condition=Q(ces__isnull=True) | Q(ces__gte=CES_RANGE[0], ces__lte=CES_RANGE[1]),
                name="response_ces_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.invitation_id}: NPS {self.nps}"

    @property
    def is_unhappy(self) -> bool:
        """A detractor or a CSAT of 1–2: someone should call back."""
        return is_unhappy(nps=self.nps, csat=self.csat)


class FollowUpStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class FollowUpOutcome(models.TextChoices):
    RESOLVED = "resolved", _("Resolved")
    NOT_REACHED = "not_reached", _("Customer not reached")
    CUSTOMER_DECLINED = "customer_declined", _("Customer declined")
    OTHER = "other", _("Other")


class RootCause(models.TextChoices):
    WAITING_TIME = "waiting_time", _("Waiting time")
    STAFF_CONDUCT = "staff_conduct", _("Staff conduct")
    ADVICE = "advice", _("Wrong or unclear advice")
    PROCESS = "process", _("Process or rules")
    PRODUCT = "product", _("Product or price")
    TECHNICAL = "technical", _("Technical problem")
    OTHER = "other", _("Other")


class FollowUp(models.Model):
    """The call-back an unhappy answer deserves, owned by one person."""

    response = models.OneToOneField(
        Response, verbose_name=_("response"), on_delete=models.CASCADE, related_name="followup"
    )
    encounter = models.ForeignKey(
        Encounter, verbose_name=_("encounter"), on_delete=models.PROTECT, related_name="followups"
    )
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.PROTECT, related_name="followups"
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="followups",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN
    )
    created_at = models.DateTimeField(_("opened"), default=timezone.now)
    due_at = models.DateTimeField(_("due"))
    contacted_at = models.DateTimeField(_("contacted"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=32, choices=FollowUpOutcome.choices, blank=True
    )
    root_cause = models.CharField(
        _("root cause"), max_length=32, choices=RootCause.choices, blank=True
    )
    note = models.TextField(_("note"), blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # Set when the tick e-mails the manager about an overdue follow-up; once.
    escalated_at = models.DateTimeField(_("escalated"), null=True, blank=True)
    escalation_error = models.TextField(_("last escalation error"), blank=True)
    # The languages whose escalation e-mail went out ("fi,sv"): a retry after
    # the second of two e-mails failed sends only the second.
    escalated_languages = models.CharField(max_length=32, blank=True, editable=False)

    class Meta:
        ordering = ["due_at"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        indexes = [
            models.Index(fields=["status", "due_at"], name="followup_status_due"),
        ]

    def __str__(self) -> str:
        return f"{self.encounter} ({self.get_status_display()})"

    @property
    def is_overdue(self) -> bool:
        return self.status == FollowUpStatus.OPEN and timezone.now() > self.due_at


# The delivery models live in a module of their own; importing them here
# registers them with the feedback app.
from kohtaamo.feedback.models_delivery import (  # noqa: E402
    DecisionOutcome,
    InvitationDecision,
    InvitationRule,
    PublicResponse,
    PublicSurvey,
)

__all__ = [
    "DecisionOutcome",
    "FollowUp",
    "FollowUpOutcome",
    "FollowUpStatus",
    "Invitation",
    "InvitationDecision",
    "InvitationRule",
    "InvitationStatus",
    "PublicResponse",
    "PublicSurvey",
    "Response",
    "RootCause",
    "Survey",
]
