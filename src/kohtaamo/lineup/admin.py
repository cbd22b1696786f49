"""Admins can read and remove stories and line-ups (a story that should not
have been told, say); writing them goes through the pages and their services."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kohtaamo.lineup.models import Lineup, TeamLineupSettings, WallLink, WowStory


class _ReadAndDeleteAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(WowStory)
class WowStoryAdmin(_ReadAndDeleteAdmin):
    list_display = ["created_at", "team", "told_by", "status", "source"]
    list_filter = ["status", "source"]
    search_fields = ["text"]


@admin.register(Lineup)
class LineupAdmin(_ReadAndDeleteAdmin):
    list_display = ["day", "team", "status", "held_by"]
    list_filter = ["status"]


@admin.register(WallLink)
class WallLinkAdmin(_ReadAndDeleteAdmin):
    list_display = ["team", "created_by", "created_at", "revoked_at", "last_seen_at"]
    exclude = ["secret_hash"]


@admin.register(TeamLineupSettings)
class TeamLineupSettingsAdmin(admin.ModelAdmin):
    list_display = ["team", "auto_approve_stories"]
