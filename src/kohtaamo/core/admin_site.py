from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest


class KohtaamoAdminSite(admin.AdminSite):
    """The Django admin is for Kohtaamo's administrators (superusers) only.

    Django lets any `is_staff` user in; here a ticked `is_staff` alone must not
    open the admin, because access rules elsewhere know only superusers.
    """

    site_header = "Kohtaamo"
    site_title = "Kohtaamo"

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(user.is_active and user.is_superuser)


class KohtaamoAdminConfig(AdminConfig):
    default_site = "kohtaamo.core.admin_site.KohtaamoAdminSite"
