"""Calibration: several reviewers score the same encounters, each without
seeing the others, and then see how well they agree (issue 5)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kohtaamo.reviews.models.scorecards import Criterion, Scorecard


class CalibrationStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", pgettext_lazy("calibration session", "Closed")


class CalibrationSession(models.Model):
    name = models.CharField(_("name"), max_length=200)
    team = models.ForeignKey(
        "org.Team", verbose_name=_("team"), on_delete=models.PROTECT, related_name="+"
    )
    scorecard = models.ForeignKey(Scorecard, on_delete=models.PROTECT, related_name="+")
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitator"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=CalibrationStatus.choices,
        default=CalibrationStatus.OPEN,
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("calibration session")
        verbose_name_plural = _("calibration sessions")

    def __str__(self) -> str:
        return self.name

    @property
    def is_open(self) -> bool:
        return self.status == CalibrationStatus.OPEN


class CalibrationParticipant(models.Model):
    session = models.ForeignKey(
        CalibrationSession, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["session", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="calibration_participant_once")
        ]

    def __str__(self) -> str:
        return f"{self.session_id}/{self.user_id}"


class CalibrationItem(models.Model):
    """One encounter of the session, with the score the group agreed on."""

    session = models.ForeignKey(CalibrationSession, on_delete=models.CASCADE, related_name="items")
    encounter = models.ForeignKey(
        "encounters.Encounter", on_delete=models.CASCADE, related_name="+"
    )
    position = models.PositiveSmallIntegerField()
    agreed_score = models.FloatField(_("agreed score"), null=True, blank=True)
    agreed_note = models.TextField(_("note"), blank=True)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    agreed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["session", "position"]
        constraints = [
            models.UniqueConstraint(fields=["session", "encounter"], name="calibration_item_once"),
            models.CheckConstraint(
                condition=Q(agreed_score__isnull=True)
                | Q(agreed_score__gte=0, agreed_score__lte=100),
                name="calibration_agreed_0_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session_id}#{self.position}"


class CalibrationScore(models.Model):
    """One reviewer's scoring of one item; only they see it until everyone
    has scored."""

    item = models.ForeignKey(CalibrationItem, on_delete=models.CASCADE, related_name="scores")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    score = models.FloatField(null=True, blank=True)
    critical_failed = models.BooleanField(default=False)
    comment = models.TextField(blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["item", "reviewer_id"]
        constraints = [
            models.UniqueConstraint(fields=["item", "reviewer"], name="calibration_score_once"),
        ]

    def __str__(self) -> str:
        return f"{self.item_id}/{self.reviewer_id}"


class CalibrationRating(models.Model):
    scored = models.ForeignKey(CalibrationScore, on_delete=models.CASCADE, related_name="ratings")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    is_na = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scored", "criterion"], name="calibration_rating_once"),
        ]

    def __str__(self) -> str:
        return f"{self.scored_id}/{self.criterion_id}"
