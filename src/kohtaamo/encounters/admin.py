from django.contrib import admin
from django.http import HttpRequest

from kohtaamo.encounters.models import Customer, Encounter, ImportJob, WebhookSource


@admin.register(Customer)
class CustomerAdmin(admin.ModelAdmin):
    list_display = ["external_id", "name", "email", "language"]
    search_fields = ["external_id", "name", "email"]


@admin.register(Encounter)
class EncounterAdmin(admin.ModelAdmin):
    list_display = ["source", "external_id", "channel", "started_at", "staff", "team"]
    list_filter = ["channel", "source"]
    search_fields = ["external_id", "topic"]
    raw_id_fields = ["staff", "team", "customer"]
    date_hierarchy = "started_at"

    def get_readonly_fields(self, request: HttpRequest, obj: Encounter | None = None) -> list[str]:
        # An encounter's team, staff member and channel are counted into its
        # answers' copies and the daily aggregates; the import of the
        # encounter keeps those in step when they change, a form here would not.
        return ["team", "staff", "channel"] if obj is not None else []


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["original_name", "kind", "status", "rows_done", "error_count", "created_at"]
    readonly_fields = [f.name for f in ImportJob._meta.fields]


@admin.register(WebhookSource)
class WebhookSourceAdmin(admin.ModelAdmin):
    list_display = ["name", "is_active", "created_at"]
