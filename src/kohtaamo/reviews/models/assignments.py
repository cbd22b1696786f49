"""Review assignments: a random sample of each agent's encounters for a reviewer."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReviewerNomination(models.Model):
    """A person a lead has named to review the encounters of a team."""

    team = models.ForeignKey(
        "org.Team", verbose_name=_("team"), on_delete=models.CASCADE, related_name="reviewers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="review_nominations",
    )
    named_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("named reviewer")
        verbose_name_plural = _("named reviewers")
        constraints = [
            models.UniqueConstraint(fields=["team", "user"], name="reviewer_once_per_team"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.team}"


class ReviewAssignment(models.Model):
    """One sampled encounter for one reviewer. An encounter is sampled at
    most once, ever: the database holds that rule."""

    encounter = models.OneToOneField(
        "encounters.Encounter",
        verbose_name=_("encounter"),
        on_delete=models.CASCADE,
        related_name="review_assignment",
    )
    team = models.ForeignKey(
        "org.Team", verbose_name=_("team"), on_delete=models.CASCADE, related_name="+"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="review_assignments",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    week = models.DateField(_("week"))  # the Monday of the week sampled
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["week", "encounter__staff_id", "pk"]
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        indexes = [models.Index(fields=["reviewer", "week"], name="assignment_reviewer_week")]

    def __str__(self) -> str:
        return f"{self.reviewer} → {self.encounter_id}"
