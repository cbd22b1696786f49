from django.contrib import admin

from kohtaamo.reviews.models import Criterion, CriterionGroup, Scorecard


class CriterionGroupInline(admin.TabularInline):
    model = CriterionGroup
    extra = 0


@admin.register(Scorecard)
class ScorecardAdmin(admin.ModelAdmin):
    list_display = ["name_fi", "code", "version", "is_active", "created_at"]
    list_filter = ["is_active"]
    inlines = [CriterionGroupInline]


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):
    list_display = [
        "name_fi",
        "scorecard",
        "position",
        "weight",
        "scale",
        "allows_na",
        "is_critical",
    ]
    list_filter = ["scorecard", "scale", "is_critical"]
    ordering = ["scorecard", "position"]
