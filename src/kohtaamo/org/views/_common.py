"""Small helpers shared by the organisation views."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

from kohtaamo.org import access


def require_viewer(request: HttpRequest) -> None:
    """Leads, managers and admins may look at the organisation; agents not."""
    if not access.can_view_people(request.user):
        raise PermissionDenied


def require_admin(request: HttpRequest) -> None:
    if not access.can_manage_organisation(request.user):
        raise PermissionDenied


def add_service_errors(form: forms.Form, exc: ValidationError) -> None:
    """Show a service's refusal on the form: on the field it names when the
    form has that field, above the form otherwise."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def valid_choice(form: forms.Form, name: str, raw: str | None) -> Any:
    """A GET parameter that pre-fills a form field, or None if it is not one
    of the field's valid values."""
    try:
        return form.fields[name].clean(raw)
    except ValidationError:
        return None


def next_url(request: HttpRequest, default: str) -> str:
    """Where to go after a POST from another page: its own `next`, if it
    points back to this site, else the default."""
    candidate = request.POST.get("next", "")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default
