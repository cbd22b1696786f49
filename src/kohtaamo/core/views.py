from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_safe

from kohtaamo.core.selectors import home_summary


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"summary": home_summary(user=request.user)})


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers: 200 when the database answers, 503 when it does
    not (`core.middleware.HealthCheckMiddleware` answers it first)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "database unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Django's CSRF_FAILURE_VIEW: a page in the site's own look and the
    reader's language instead of Django's technical one. A QR survey's
    customer gets it in the survey's look (`feedback.views.public`)."""
    from kohtaamo.feedback.views.public import is_public_survey_path, public_csrf_failure

    if is_public_survey_path(request.path_info):
        return public_csrf_failure(request)
    return render(request, "403_csrf.html", status=403)
