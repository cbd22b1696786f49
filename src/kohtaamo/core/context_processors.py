from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kohtaamo.org import access, access_delivery, access_insights


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url: str
    section: str


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Navigation shows only what the person may use."""
    user = getattr(request, "user", None)
    if not access.is_signed_in(user):
        return {"nav_items": [], "nav_role": None}
    items = [
        NavItem(_("Home"), reverse("core:home"), "home"),
        NavItem(_("Encounters"), reverse("encounters:list"), "encounters"),
        NavItem(_("Checklist"), reverse("reviews:checklist"), "checklist"),
        NavItem(_("Reviews"), reverse("reviews:list"), "reviews"),
    ]
    items.append(NavItem(_("Line-up"), reverse("lineup:teams"), "lineup"))
    items.append(NavItem(_("Wow stories"), reverse("lineup:stories"), "stories"))
    if access_insights.can_view_results(user):
        items.append(NavItem(_("Results"), reverse("insights:results"), "results"))
        items.append(NavItem(_("Feedback"), reverse("insights:feedback"), "feedback"))
    if access.can_import(user):
        items.append(NavItem(_("Import"), reverse("encounters:import_upload"), "import"))
    if access.can_follow_up(user):
        items.append(NavItem(_("Follow-ups"), reverse("feedback:followups"), "followups"))
    if access_delivery.can_manage_delivery(user):
        items.append(NavItem(_("Surveys"), reverse("feedback:rules"), "delivery"))
    if access.can_view_people(user):
        items.append(NavItem(_("Organisation"), reverse("org:overview"), "org"))
        items.append(NavItem(_("People"), reverse("org:people"), "people"))
    if access.can_manage_organisation(user):
        items.append(NavItem(_("Admin"), reverse("admin:index"), "admin"))
    return {"nav_items": items, "nav_role": access.role_of(user)}
