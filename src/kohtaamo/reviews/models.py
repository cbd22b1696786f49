"""Scorecards, and the reviews of encounters made with them (issue 5).

A scorecard's texts are data that an organisation edits, so each text is kept
in Finnish, Swedish and English side by side rather than in the gettext
catalogues; `localized()` picks the reader's language.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

TEXT_LANGUAGES = ("fi", "sv", "en")
# A text missing in the reader's language falls back to Finnish, the
# language every scorecard is written in first, then English.
FALLBACK_LANGUAGES = ("fi", "en")


class LocalizedText(models.Model):
    """Text fields kept as `<field>_fi`, `<field>_sv`, `<field>_en`."""

    class Meta:
        abstract = True

    def localized(self, field: str, language: str | None = None) -> str:
        wanted = (language or get_language() or "fi")[:2]
        for code in (wanted, *FALLBACK_LANGUAGES):
            if code in TEXT_LANGUAGES:
                value: str = getattr(self, f"{field}_{code}")
                if value:
                    return value
        return ""


class Scale(models.TextChoices):
    YES_NO = "yes_no", _("Yes / no")
    ONE_TO_THREE = "1_3", _("1–3")
    ONE_TO_FIVE = "1_5", _("1–5")


# The highest value of each scale; the lowest is always 1 (for yes/no, 1 = no
# and 2 = yes), so a rating r on a scale with top t scores (r - 1) / (t - 1).
SCALE_TOP = {Scale.YES_NO: 2, Scale.ONE_TO_THREE: 3, Scale.ONE_TO_FIVE: 5}


class Scorecard(LocalizedText):
    """One version of a scorecard. Versions of the same scorecard share a
    code; only one of them is active, and reviews keep the version they used."""

    code = models.SlugField(_("code"), max_length=50)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    name_fi = models.CharField(_("name (Finnish)"), max_length=200)
    name_sv = models.CharField(_("name (Swedish)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["code", "-version"]
        verbose_name = _("scorecard")
        verbose_name_plural = _("scorecards")
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="scorecard_code_version"),
            models.UniqueConstraint(
                fields=["code"], condition=Q(is_active=True), name="scorecard_one_active_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.localized('name')} (v{self.version})"

    @property
    def name(self) -> str:
        return self.localized("name")


class CriterionGroup(LocalizedText):
    scorecard = models.ForeignKey(
        Scorecard, verbose_name=_("scorecard"), on_delete=models.CASCADE, related_name="groups"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    name_fi = models.CharField(_("name (Finnish)"), max_length=200)
    name_sv = models.CharField(_("name (Swedish)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)

    class Meta:
        ordering = ["scorecard", "position"]
        verbose_name = _("criterion group")
        verbose_name_plural = _("criterion groups")
        constraints = [
            models.UniqueConstraint(
                fields=["scorecard", "position"], name="criterion_group_position"
            ),
        ]

    def __str__(self) -> str:
        return self.localized("name")

    @property
    def name(self) -> str:
        return self.localized("name")


class Criterion(LocalizedText):
    """One point of the checklist. `scorecard` repeats the group's scorecard so
    that the database can keep codes and positions unique per scorecard."""

    scorecard = models.ForeignKey(
        Scorecard, verbose_name=_("scorecard"), on_delete=models.CASCADE, related_name="criteria"
    )
    group = models.ForeignKey(
        CriterionGroup, verbose_name=_("group"), on_delete=models.CASCADE, related_name="criteria"
    )
    code = models.SlugField(_("code"), max_length=50)
    position = models.PositiveSmallIntegerField(_("position"))
    name_fi = models.CharField(_("name (Finnish)"), max_length=200)
    name_sv = models.CharField(_("name (Swedish)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    guidance_fi = models.TextField(_("guidance (Finnish)"))
    guidance_sv = models.TextField(_("guidance (Swedish)"), blank=True)
    guidance_en = models.TextField(_("guidance (English)"), blank=True)
    question_fi = models.TextField(_("question to discuss (Finnish)"), blank=True)
    question_sv = models.TextField(_("question to discuss (Swedish)"), blank=True)
    question_en = models.TextField(_("question to discuss (English)"), blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    scale = models.CharField(
        _("scale"), max_length=8, choices=Scale.choices, default=Scale.ONE_TO_FIVE
    )
    allows_na = models.BooleanField(_("N/A allowed"), default=False)
    is_critical = models.BooleanField(_("critical"), default=False)

    class Meta:
        ordering = ["scorecard", "position"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.UniqueConstraint(fields=["scorecard", "code"], name="criterion_code"),
            models.UniqueConstraint(fields=["scorecard", "position"], name="criterion_position"),
            models.CheckConstraint(condition=Q(weight__gte=1), name="criterion_weight_positive"),
        ]

    def __str__(self) -> str:
        return self.localized("name")

    @property
    def name(self) -> str:
        return self.localized("name")

    @property
    def guidance(self) -> str:
        return self.localized("guidance")

    @property
    def question(self) -> str:
        return self.localized("question")

    @property
    def scale_top(self) -> int:
        return SCALE_TOP[Scale(self.scale)]


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
