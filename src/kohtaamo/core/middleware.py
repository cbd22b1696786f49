"""Middleware of Kohtaamo's own."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

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


class MethodNotAllowedPageMiddleware:
    """A browser that opens a form's address with the wrong method (a typed
    or bookmarked sign-out address, a delete address opened as a link) gets
    a page that says what to do, not the empty 405 of Django's
    `require_POST`. Other clients keep the empty answer and its `Allow`.
    Just before django-axes in `MIDDLEWARE`, so that the page has its reader
    and language and the middleware above it add their headers."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code == 405
            and not response.content
            and "text/html" in request.headers.get("Accept", "")
        ):
            page = render(request, "405.html", status=405)
            if response.has_header("Allow"):
                page["Allow"] = response["Allow"]
            return page
        return response
