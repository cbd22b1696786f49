"""How invitations reach customers (issue 4, delivery): the rules that pick
encounters, the record of each encounter's decision, and the public QR survey
with its unverified answers.

Imported by `feedback.models`, so Django registers these models with the
feedback app; kept apart only to keep each file readable.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kohtaamo.encounters.models import Channel, Encounter, Language
from kohtaamo.org.models import Team, Unit

SAMPLING_MAX = 100
DELAY_HOURS_MAX = 24 * 14  # after two weeks the customer hardly remembers


class InvitationRule(models.Model):
    """Which encounters of a unit or a team are invited, how soon and how many.

    The nearest rule decides: a team's own rule, else the rule of the nearest
    unit above the team. An inactive nearest rule means "no invitations".
    """

    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitation_rules",
    )
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitation_rules",
    )
    survey = models.ForeignKey(
        "feedback.Survey",
        verbose_name=_("survey"),
        on_delete=models.PROTECT,
        related_name="rules",
    )
    # A list of `encounters.Channel` values; chosen in Python by the tick, so a
    # plain JSON list works the same on SQLite and PostgreSQL.
    channels = models.JSONField(_("channels"), default=list)
    delay_hours = models.PositiveIntegerField(_("delay after the encounter (hours)"), default=2)
    sampling_percent = models.PositiveSmallIntegerField(
        _("share of encounters invited (%)"), default=100
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("invitation rule")
        verbose_name_plural = _("invitation rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(unit__isnull=True, team__isnull=False)
                | Q(unit__isnull=False, team__isnull=True),
                name="invitation_rule_unit_or_team",
            ),
            models.UniqueConstraint(
                fields=["unit"], condition=Q(unit__isnull=False), name="one_rule_per_unit"
            ),
            models.UniqueConstraint(
                fields=["team"], condition=Q(team__isnull=False), name="one_rule_per_team"
            ),
            models.CheckConstraint(
                condition=Q(sampling_percent__lte=SAMPLING_MAX),
                name="invitation_rule_sampling_range",
            ),
            models.CheckConstraint(
                condition=Q(delay_hours__lte=DELAY_HOURS_MAX),
                name="invitation_rule_delay_range",
            ),
        ]

    def __str__(self) -> str:
        return str(self.team or self.unit)

    @property
    def channel_labels(self) -> list[str]:
        return [str(Channel(c).label) for c in self.channels if c in Channel.values]


class DecisionOutcome(models.TextChoices):
    INVITED = "invited", _("Invited")
    SAMPLED_OUT = "sampled_out", _("Not in the sample")
    NO_CUSTOMER = "no_customer", _("No customer")
    NO_EMAIL = "no_email", _("No e-mail address")
    OPTED_OUT = "opted_out", _("Opted out")
    INVITED_RECENTLY = "invited_recently", _("Invited recently")
    ALREADY_INVITED = "already_invited", _("Already invited")


class InvitationDecision(models.Model):
    """What the periodic tick decided for one encounter. Each encounter is
    decided once, so a refused one is not looked at again on every tick and
    an invited one can never be invited twice."""

    encounter = models.OneToOneField(
        Encounter,
        verbose_name=_("encounter"),
        on_delete=models.CASCADE,
        related_name="invitation_decision",
    )
    rule = models.ForeignKey(
        InvitationRule,
        verbose_name=_("invitation rule"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
    )
    outcome = models.CharField(_("outcome"), max_length=32, choices=DecisionOutcome.choices)
    decided_at = models.DateTimeField(_("decided"), default=timezone.now)

    class Meta:
        verbose_name = _("invitation decision")
        verbose_name_plural = _("invitation decisions")

    def __str__(self) -> str:
        return f"{self.encounter_id}: {self.outcome}"


class PublicSurvey(models.Model):
    """A unit's survey behind a printed QR code: anyone may answer it."""

    unit = models.OneToOneField(
        Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="public_survey"
    )
    survey = models.ForeignKey(
        "feedback.Survey",
        verbose_name=_("survey"),
        on_delete=models.PROTECT,
        related_name="public_surveys",
    )
    # Random, not secret: it is printed on paper. Being random only keeps the
    # links of other units from being guessed by counting.
    code = models.CharField(_("code"), max_length=32, unique=True, editable=False)
    active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["unit__name"]
        verbose_name = _("public survey")
        verbose_name_plural = _("public surveys")

    def __str__(self) -> str:
        return str(self.unit)


class PublicResponse(models.Model):
    """An answer through a QR code. Nobody knows who gave it, so it is
    unverified and kept apart from `Response`: it never counts in the NPS of
    invited customers unless a report adds it on purpose, saying so."""

    public_survey = models.ForeignKey(
        PublicSurvey,
        verbose_name=_("public survey"),
        on_delete=models.PROTECT,
        related_name="responses",
    )
    nps = models.PositiveSmallIntegerField(_("NPS"), null=True, blank=True)
    csat = models.PositiveSmallIntegerField(_("CSAT"), null=True, blank=True)
    ces = models.PositiveSmallIntegerField(_("CES"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    answered_at = models.DateTimeField(_("answered"), default=timezone.now)
    # An HMAC of the client's address: enough to count its answers for the
    # rate limit, useless for finding out who the visitor was.
    client_key = models.CharField(max_length=64, editable=False)
    # An HMAC of the random id in the device's cookie, counted for the
    # per-device limit; empty when the post came without a valid cookie.
    device_key = models.CharField(max_length=64, blank=True, default="", editable=False)
    # The hash of the one-time value the page handed out with the form: a
    # replayed post (reload, back button, a script) cannot store it twice.
    nonce_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-answered_at"]
        verbose_name = _("unverified answer")
        verbose_name_plural = _("unverified answers")
        indexes = [
            models.Index(fields=["client_key", "-answered_at"], name="public_response_client"),
            models.Index(fields=["device_key", "-answered_at"], name="public_response_device"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(nps__isnull=True) | Q(nps__gte=0, nps__lte=10),
                name="public_response_nps_range",
            ),
            models.CheckConstraint(
                condition=Q(csat__isnull=True) | Q(csat__gte=1, csat__lte=5),
                name="public_response_csat_range",
            ),
            models.CheckConstraint(
                condition=Q(ces__isnull=True) | Q(ces__gte=1, ces__lte=7),
                name="public_response_ces_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.public_survey}: NPS {self.nps}"
