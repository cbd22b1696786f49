"""Disputes of a review's ratings, and the review's audit trail (issue 5)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kohtaamo.reviews.models.reviews import Review, ReviewRating


class DisputeStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class Dispute(models.Model):
    """The reviewed person disputes one rating. A rating can be disputed once
    (the database holds it); an accepted dispute keeps the old value and the
    old score here, so the history stays readable."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="disputes")
    rating = models.OneToOneField(
        ReviewRating, verbose_name=_("rating"), on_delete=models.CASCADE, related_name="dispute"
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("reason"))
    status = models.CharField(
        _("status"), max_length=16, choices=DisputeStatus.choices, default=DisputeStatus.OPEN
    )
    created_at = models.DateTimeField(_("raised"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    old_value = models.PositiveSmallIntegerField(null=True, blank=True)
    old_is_na = models.BooleanField(default=False)
    new_value = models.PositiveSmallIntegerField(null=True, blank=True)
    new_is_na = models.BooleanField(default=False)
    old_score = models.FloatField(null=True, blank=True)
    new_score = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("dispute")
        verbose_name_plural = _("disputes")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open", decided_at__isnull=True)
                | (~Q(status="open") & Q(decided_at__isnull=False)),
                name="dispute_decided_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.review_id}/{self.rating_id} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status == DisputeStatus.OPEN


class ReviewEventKind(models.TextChoices):
    FINISHED = "finished", _("Review finished")
    DISPUTED = "disputed", _("Rating disputed")
    ACCEPTED = "accepted", _("Dispute accepted")
    REJECTED = "rejected", _("Dispute rejected")


class ReviewEvent(models.Model):
    """The audit trail of a review: written by the services, never edited."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="events")
    dispute = models.ForeignKey(
        Dispute, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("event"), max_length=16, choices=ReviewEventKind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("time"), default=timezone.now)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("review event")
        verbose_name_plural = _("review events")

    def __str__(self) -> str:
        return f"{self.review_id} {self.kind}"
