from django.contrib import admin

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


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["original_name", "kind", "status", "rows_done", "error_count", "created_at"]
    readonly_fields = [f.name for f in ImportJob._meta.fields]


@admin.register(WebhookSource)
class WebhookSourceAdmin(admin.ModelAdmin):
    list_display = ["name", "is_active", "created_at"]
