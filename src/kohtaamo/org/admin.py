from django.contrib import admin
from django.http import HttpRequest

from kohtaamo.org.models import Team, TeamMembership, Unit, UnitManager


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    """Units are created and moved on the organisation pages, through
    org.services, which keep every unit's tree path right; here only their
    name and code can change."""

    list_display = ["name", "code", "parent", "depth"]
    search_fields = ["name", "code"]
    readonly_fields = ["parent", "path", "depth"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class MembershipInline(admin.TabularInline):
    model = TeamMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "unit"]
    list_filter = ["unit"]
    search_fields = ["name", "code"]
    inlines = [MembershipInline]


@admin.register(UnitManager)
class UnitManagerAdmin(admin.ModelAdmin):
    list_display = ["user", "unit"]
    autocomplete_fields = ["user", "unit"]
