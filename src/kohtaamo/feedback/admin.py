from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kohtaamo.feedback.models import (
    FollowUp,
    Invitation,
    InvitationDecision,
    InvitationRule,
    PublicResponse,
    PublicSurvey,
    Response,
    Survey,
)


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["name", "unit", "ask_nps", "ask_csat", "ask_ces", "invitation_expiry_days"]


class _ReadOnlyAdmin(admin.ModelAdmin):
    """Answers and invitations are written by the services only, so that the
    one-answer rule and the follow-ups cannot be bypassed here."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Invitation)
class InvitationAdmin(_ReadOnlyAdmin):
    list_display = [
        "customer",
        "survey",
        "language",
        "status",
        "created_at",
        "sent_at",
        "reminder_sent_at",
        "email_attempts",
    ]
    list_filter = ["status", "language"]
    exclude = ["token_hash", "reminder_token_hash"]


@admin.register(Response)
class ResponseAdmin(_ReadOnlyAdmin):
    list_display = ["invitation", "nps", "csat", "ces", "language", "answered_at", "imported"]
    list_filter = ["imported"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # A deleted answer would stay counted in the daily aggregates
        # (insights.AnswerDay), which only the services keep in step.
        return False


@admin.register(FollowUp)
class FollowUpAdmin(_ReadOnlyAdmin):
    list_display = ["encounter", "team", "assignee", "status", "due_at", "escalated_at", "outcome"]
    list_filter = ["status", "outcome", "root_cause"]


@admin.register(InvitationRule)
class InvitationRuleAdmin(_ReadOnlyAdmin):
    """Rules are managed on the Surveys page, whose services check them."""

    list_display = ["__str__", "survey", "delay_hours", "sampling_percent", "active"]


@admin.register(InvitationDecision)
class InvitationDecisionAdmin(_ReadOnlyAdmin):
    list_display = ["encounter", "rule", "outcome", "decided_at"]
    list_filter = ["outcome"]


@admin.register(PublicSurvey)
class PublicSurveyAdmin(_ReadOnlyAdmin):
    list_display = ["unit", "survey", "active", "created_at"]


@admin.register(PublicResponse)
class PublicResponseAdmin(_ReadOnlyAdmin):
    list_display = ["public_survey", "nps", "csat", "ces", "language", "answered_at"]
    exclude = ["client_key", "device_key"]
