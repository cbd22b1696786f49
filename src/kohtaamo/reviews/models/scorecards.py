"""Scorecards: the checklist that encounters are reviewed against (issue 5).

A scorecard's texts are data that an organisation edits, so each text is kept
in Finnish, Swedish and English side by side rather than in the gettext
catalogues; `localized()` picks the reader's language.
"""

from __future__ import annotations

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
