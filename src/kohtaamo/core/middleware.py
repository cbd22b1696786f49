"""Middleware of Kohtaamo's own."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from kohtaamo.core import views

HEALTH_PATH = "/healthz"


class HealthCheckMiddleware:
    """Answers `/healthz` before any other middleware looks at the request.

    A load balancer checks each server straight over plain HTTP, by its
    address: the host is then not one of `ALLOWED_HOSTS`, and the HTTPS
    redirect would send it elsewhere, so it would find a healthy server down.
    The answer says only whether the database answers, so it may go to any
    host and over HTTP. First in `MIDDLEWARE`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info == HEALTH_PATH:
            return views.healthz(request)
        return self.get_response(request)
