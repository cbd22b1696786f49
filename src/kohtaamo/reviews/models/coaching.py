"""Coaching: a lead and an agent talk about reviews and feedback, agree on
the points to work on and on actions with due dates (issue 5)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kohtaamo.reviews.models.reviews import Review
from kohtaamo.reviews.models.scorecards import Criterion


class CoachingSession(models.Model):
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coach"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coached person"),
        on_delete=models.PROTECT,
        related_name="coaching_sessions",
    )
    team = models.ForeignKey("org.Team", on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField(_("held on"), default=timezone.localdate)
    notes = models.TextField(_("notes"), blank=True)
    reviews = models.ManyToManyField(Review, blank=True, related_name="coaching_sessions")
    focus = models.ManyToManyField(
        Criterion, verbose_name=_("points to focus on"), blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("coaching session")
        verbose_name_plural = _("coaching sessions")

    def __str__(self) -> str:
        return f"{self.agent} {self.held_on}"


class CoachingAction(models.Model):
    session = models.ForeignKey(CoachingSession, on_delete=models.CASCADE, related_name="actions")
    text = models.CharField(_("action"), max_length=300)
    due_on = models.DateField(_("due"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("agreed action")
        verbose_name_plural = _("agreed actions")

    def __str__(self) -> str:
        return self.text

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    @property
    def is_due(self) -> bool:
        return not self.is_done and self.due_on <= timezone.localdate()
