from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kohtaamo.reviews.models import (
    Criterion,
    CriterionGroup,
    Dispute,
    Review,
    ReviewEvent,
    ReviewRating,
    Scorecard,
)
from kohtaamo.reviews.services import CRITERION_EDITABLE, criterion_update


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

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        # An edit goes through the service, which makes a new scorecard version
        # when the old one has been used, so old reviews keep theirs.
        if not change:
            super().save_model(request, obj, form, change)
            return
        changes = {f: form.cleaned_data[f] for f in form.changed_data if f in CRITERION_EDITABLE}
        original = Criterion.objects.get(pk=obj.pk)
        saved = criterion_update(criterion=original, changes=changes)
        obj.pk, obj.scorecard_id = saved.pk, saved.scorecard_id


class ReviewRatingInline(admin.TabularInline):
    model = ReviewRating
    extra = 0
    can_delete = False
    readonly_fields = ["criterion", "value", "is_na", "comment"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    """Read-only: reviews change through the review pages and disputes only."""

    list_display = ["encounter", "kind", "reviewee", "reviewer", "status", "score", "finished_at"]
    list_filter = ["kind", "status", "critical_failed"]
    inlines = [ReviewRatingInline]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class _ReadOnlyAdmin(admin.ModelAdmin):
    """The audit trail and disputes change only through their services."""

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Dispute)
class DisputeAdmin(_ReadOnlyAdmin):
    list_display = ["review", "rating", "raised_by", "status", "created_at", "decided_by"]
    list_filter = ["status"]


@admin.register(ReviewEvent)
class ReviewEventAdmin(_ReadOnlyAdmin):
    list_display = ["review", "kind", "actor", "at"]
    list_filter = ["kind"]
