from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kohtaamo.core.selectors import home_summary


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"summary": home_summary(user=request.user)})


@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers: answers 200 when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
