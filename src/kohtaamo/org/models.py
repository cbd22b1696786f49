from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def path_unit_ids(path: str) -> list[int]:
    """The ids in a materialised path ("/1/4/9/" → [1, 4, 9]), root first."""
    return [int(part) for part in path.strip("/").split("/") if part]


class Unit(models.Model):
    """A node of the organisation tree (region → hotel → front desk).

    `path` is a materialised path of primary keys ("/1/4/9/") so that "this
    unit and everything under it" is one indexed prefix query. It is written
    only by `org.services.unit_create` and `unit_move`.
    """

    name = models.CharField(_("name"), max_length=200)
    code = models.SlugField(_("code"), max_length=64, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["path"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self) -> str:
        return self.name

    @property
    def lineage_ids(self) -> list[int]:
        """This unit's id and those of every unit above it, root first."""
        return path_unit_ids(self.path)


class Team(models.Model):
    name = models.CharField(_("name"), max_length=200)
    code = models.SlugField(_("code"), max_length=64, unique=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="teams"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self) -> str:
        return self.name


class TeamRole(models.TextChoices):
    AGENT = "agent", _("Agent")
    LEAD = "lead", _("Team lead")


class TeamMembership(models.Model):
    """A person in a team, as a frontline agent or as its lead."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_memberships"
    )
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=16, choices=TeamRole.choices)

    class Meta:
        verbose_name = _("team membership")
        verbose_name_plural = _("team memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "team"], name="one_membership_per_team"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.team} ({self.get_role_display()})"


class UnitManager(models.Model):
    """A manager of a unit sees that unit and everything under it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="managed_units"
    )
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="managers")

    class Meta:
        verbose_name = _("unit manager")
        verbose_name_plural = _("unit managers")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit"], name="one_manager_row_per_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.unit}"


class Role(models.TextChoices):
    """The strongest role a person holds, as shown in navigation and tests."""

    ANONYMOUS = "anonymous", _("Anonymous")
    AGENT = "agent", _("Agent")
    LEAD = "lead", _("Team lead")
    MANAGER = "manager", _("Manager")
    ADMIN = "admin", _("Administrator")
