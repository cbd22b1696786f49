"""Wow stories, the thanks they earn, and the team's daily line-up (issue 6)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kohtaamo.encounters.models import Customer, Encounter
from kohtaamo.feedback.models import Response
from kohtaamo.org.models import Team

STORY_MAX_LENGTH = 3000
NOTES_MAX_LENGTH = 4000


class TeamLineupSettings(models.Model):
    """A team's choices for its line-up; a team without a row uses the defaults."""

    team = models.OneToOneField(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="lineup_settings"
    )
    auto_approve_stories = models.BooleanField(
        _("approve wow stories automatically"), default=False
    )

    class Meta:
        verbose_name = _("line-up settings")
        verbose_name_plural = _("line-up settings")

    def __str__(self) -> str:
        return str(self.team)


class StoryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved for the line-up")


class StorySource(models.TextChoices):
    COLLEAGUE = "colleague", _("Told by a colleague")
    PROMOTER = "promoter", _("From a promoter's comment")


class WowStory(models.Model):
    """A moment when someone made a customer's day, told for the line-up."""

    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.PROTECT, related_name="wow_stories"
    )
    told_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("told by"),
        on_delete=models.PROTECT,
        related_name="wow_stories_told",
    )
    text = models.TextField(_("what happened"), max_length=STORY_MAX_LENGTH)
    heroes = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who made it happen"),
        through="StoryHero",
        related_name="wow_stories",
    )
    encounter = models.ForeignKey(
        Encounter,
        verbose_name=_("encounter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="wow_stories",
    )
    customer = models.ForeignKey(
        Customer,
        verbose_name=_("customer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="wow_stories",
    )
    # One promoter answer becomes at most one story.
    response = models.OneToOneField(
        Response,
        verbose_name=_("promoter answer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="wow_story",
    )
    # The checklist point the story shows (issue 5's default scorecard).
    criterion = models.ForeignKey(
        "reviews.Criterion",
        verbose_name=_("checklist point"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="wow_stories",
    )
    source = models.CharField(
        _("source"), max_length=16, choices=StorySource.choices, default=StorySource.COLLEAGUE
    )
    status = models.CharField(
        _("status"), max_length=16, choices=StoryStatus.choices, default=StoryStatus.PENDING
    )
    created_at = models.DateTimeField(_("told"), default=timezone.now)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("wow story")
        verbose_name_plural = _("wow stories")
        indexes = [
            # The line-up asks "the team's approved stories since …".
            models.Index(fields=["team", "status", "-approved_at"], name="story_team_approved"),
        ]

    def __str__(self) -> str:
        return self.text[:60]


class StoryHero(models.Model):
    story = models.ForeignKey(WowStory, on_delete=models.CASCADE, related_name="hero_rows")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hero_rows"
    )

    class Meta:
        verbose_name = _("hero")
        verbose_name_plural = _("heroes")
        constraints = [
            models.UniqueConstraint(fields=["story", "person"], name="one_hero_row_per_person"),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.story_id}"


class StoryThanks(models.Model):
    """A colleague's thanks to a story's heroes; one per person and story."""

    story = models.ForeignKey(WowStory, on_delete=models.CASCADE, related_name="thanks")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thanks_given"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("thanks")
        verbose_name_plural = _("thanks")
        constraints = [
            models.UniqueConstraint(fields=["story", "by"], name="one_thanks_per_person"),
        ]

    def __str__(self) -> str:
        return f"{self.by} → {self.story_id}"


class NoticeKind(models.TextChoices):
    THANKED = "thanked", _("A colleague thanked you")
    STORY_APPROVED = "story_approved", _("A story about you goes to the line-up")


class Notice(models.Model):
    """An in-app notice to a hero; read when they open their notices."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lineup_notices"
    )
    kind = models.CharField(max_length=32, choices=NoticeKind.choices)
    story = models.ForeignKey(WowStory, on_delete=models.CASCADE, related_name="notices")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        indexes = [models.Index(fields=["recipient", "read_at"], name="notice_recipient_unread")]

    def __str__(self) -> str:
        return f"{self.recipient}: {self.kind}"


class LineupStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")


class Lineup(models.Model):
    """One team's line-up on one day: the lead's notes and, once held, who came."""

    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="lineups"
    )
    day = models.DateField(_("day"))
    notes = models.TextField(_("notes"), blank=True, max_length=NOTES_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=16, choices=LineupStatus.choices, default=LineupStatus.PLANNED
    )
    held_at = models.DateTimeField(_("held"), null=True, blank=True)
    held_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked held by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("attended"),
        blank=True,
        related_name="lineups_attended",
    )

    class Meta:
        ordering = ["-day"]
        verbose_name = _("line-up")
        verbose_name_plural = _("line-ups")
        constraints = [
            models.UniqueConstraint(fields=["team", "day"], name="one_lineup_per_team_day"),
        ]

    def __str__(self) -> str:
        return f"{self.team} {self.day}"


class WallLink(models.Model):
    """A signed link that opens a team's wall screen without a login. Only the
    SHA-256 of its secret is kept; revoking sets `revoked_at`, and a revoked
    link is refused from then on."""

    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="wall_links"
    )
    secret_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_seen_at = models.DateTimeField(_("last opened"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("wall-screen link")
        verbose_name_plural = _("wall-screen links")

    def __str__(self) -> str:
        return f"{self.team} ({self.created_at:%Y-%m-%d})"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
