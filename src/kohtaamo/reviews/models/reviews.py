"""Reviews of encounters, made with one version of a scorecard (issue 5)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kohtaamo.reviews.models.scorecards import Criterion, Scorecard


class ReviewKind(models.TextChoices):
    LEAD = "lead", _("Lead review")
    SELF = "self", _("Self-review")


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    FINISHED = "finished", _("Finished")


class Review(models.Model):
    """A review of one encounter with one scorecard version.

    An encounter has at most one lead review and one self-review; leads of the
    team share the lead review, so two of them saving it at once is caught by
    `version` (an optimistic lock: a save names the version it started from).
    `reviewee` and `team` repeat the encounter's, so that lists and IQS need
    no join through encounters.
    """

    encounter = models.ForeignKey(
        "encounters.Encounter",
        verbose_name=_("encounter"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    reviewee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed person"),
        on_delete=models.PROTECT,
        related_name="reviews_received",
    )
    team = models.ForeignKey(
        "org.Team", verbose_name=_("team"), on_delete=models.PROTECT, related_name="reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="reviews_given",
    )
    scorecard = models.ForeignKey(
        Scorecard, verbose_name=_("scorecard"), on_delete=models.PROTECT, related_name="reviews"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ReviewKind.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT
    )
    overall_comment = models.TextField(_("overall comment"), blank=True)
    score = models.FloatField(_("score"), null=True, blank=True)
    critical_failed = models.BooleanField(_("critical fail"), default=False)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("saved"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    seen_by_reviewee_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(fields=["encounter", "kind"], name="review_one_per_kind"),
            models.CheckConstraint(
                condition=Q(status="draft", finished_at__isnull=True)
                | Q(status="finished", finished_at__isnull=False),
                name="review_finished_has_time",
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
                name="review_score_0_100",
            ),
        ]
        indexes = [
            models.Index(fields=["reviewee", "-finished_at"], name="review_reviewee_time"),
            models.Index(fields=["team", "-finished_at"], name="review_team_time"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.encounter_id}"

    @property
    def is_finished(self) -> bool:
        return self.status == ReviewStatus.FINISHED


class ReviewRating(models.Model):
    """One criterion of a review: a value on its scale, N/A, or (in a draft)
    not rated yet."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="ratings")
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("criterion"), on_delete=models.PROTECT, related_name="ratings"
    )
    value = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    is_na = models.BooleanField(_("N/A"), default=False)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["review", "criterion__position"]
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["review", "criterion"], name="rating_one_per_criterion"
            ),
            models.CheckConstraint(
                condition=Q(is_na=False) | Q(value__isnull=True), name="rating_na_has_no_value"
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=1, value__lte=5),
                name="rating_value_1_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.review_id}/{self.criterion_id}"

    @property
    def is_rated(self) -> bool:
        return self.is_na or self.value is not None
