"""Public (QR) surveys: the staff pages that make and print them, and the
page anyone may answer. The answering page is like `/s/<token>/`: no login,
no JavaScript, the same small stylesheet."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from kohtaamo.feedback.delivery import absolute_url
from kohtaamo.feedback.forms import SurveyForm
from kohtaamo.feedback.forms_delivery import PublicSurveyForm
from kohtaamo.feedback.models import PublicSurvey
from kohtaamo.feedback.public import (
    client_key,
    device_id_new,
    device_key,
    form_nonce,
    public_answered_just_now,
    public_response_submit,
    public_survey_create,
    public_survey_update,
)
from kohtaamo.feedback.views.survey import _render, _visitor_language
from kohtaamo.org import access_delivery

MESSAGE_PUBLIC_SAVED = _("The public survey is saved.")
DONE_PARAMETER = "kiitos"
# The form for another answer from a device that has just answered (a
# desk's tablet), with the time the thanks page offered it (milliseconds
# since 1970: the answer before it may have come in the same second).
ANOTHER_PARAMETER = "uusi"


def _require_manager(request: HttpRequest) -> None:
    if not access_delivery.can_manage_delivery(request.user):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def public_list(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    form = PublicSurveyForm(
        request.POST if request.method == "POST" else None, user=request.user, new=True
    )
    if form.is_bound and form.is_valid():
        try:
            created = public_survey_create(
                unit=form.cleaned_data["unit"], survey=form.cleaned_data["survey"], by=request.user
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, MESSAGE_PUBLIC_SAVED)
            return redirect("feedback:public_detail", pk=created.pk)
    return render(
        request,
        "feedback/public_list.html",
        {
            "public_surveys": list(access_delivery.visible_public_surveys(request.user)),
            "form": form,
            "section": "delivery",
        },
        status=400 if form.errors else 200,
    )


def public_link(public_survey: PublicSurvey) -> str:
    return absolute_url(reverse("feedback:public_survey", kwargs={"code": public_survey.code}))


@login_required
@require_http_methods(["GET", "POST"])
def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The printable QR code (an inline SVG made here, nothing from elsewhere)."""
    _require_manager(request)
    public_survey = access_delivery.get_public_survey_or_404(request.user, pk)
    form = PublicSurveyForm(
        request.POST if request.method == "POST" else None,
        initial={"survey": public_survey.survey_id, "active": public_survey.active},
        user=request.user,
        new=False,
    )
    if form.is_bound and form.is_valid():
        public_survey_update(public_survey=public_survey, **form.cleaned_data)
        messages.success(request, MESSAGE_PUBLIC_SAVED)
        return redirect("feedback:public_detail", pk=public_survey.pk)
    link = public_link(public_survey)
    qr_svg = segno.make(link, error="m").svg_inline(
        scale=8, title=gettext("QR code of the survey of %(unit)s") % {"unit": public_survey.unit}
    )
    return render(
        request,
        "feedback/public_detail.html",
        {
            "public_survey": public_survey,
            "link": link,
            "qr_svg": qr_svg,
            "form": form,
            "section": "delivery",
        },
        status=400 if form.errors else 200,
    )


def client_address(request: HttpRequest) -> str:
    """The client's address; behind a proxy, the one the proxy saw (the last
    X-Forwarded-For entry), since anything before it the client can forge."""
    if settings.KOHTAAMO_BEHIND_PROXY:
        forwarded = request.headers.get("X-Forwarded-For", "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


# The device's random id for the per-device limit (see feedback.public).
DEVICE_COOKIE = "kohtaamo_device"
DEVICE_COOKIE_SALT = "kohtaamo.feedback.public-device"
DEVICE_COOKIE_MAX_AGE = timedelta(days=365)


def device_from_cookie(request: HttpRequest) -> str:
    """The `device_key` of the id in the request's device cookie, or "" when
    it has none this server signed (missing, forged, altered or too old)."""
    device_id = request.get_signed_cookie(
        DEVICE_COOKIE, default=None, salt=DEVICE_COOKIE_SALT, max_age=DEVICE_COOKIE_MAX_AGE
    )
    return device_key(device_id=device_id) if device_id else ""


def _give_device_cookie(request: HttpRequest, response: HttpResponse) -> None:
    response.set_signed_cookie(
        DEVICE_COOKIE,
        device_id_new(),
        salt=DEVICE_COOKIE_SALT,
        max_age=DEVICE_COOKIE_MAX_AGE,
        # Sent back only to this survey's page, the one place that reads it.
        path=request.path,
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )


def is_public_survey_path(path: str) -> bool:
    try:
        return resolve(path).view_name == "feedback:public_survey"
    except Resolver404:
        return False


def public_csrf_failure(request: HttpRequest) -> HttpResponse:
    """The page a QR survey's post gets when it fails Django's CSRF check
    (its browser keeps no cookies, say), in the survey's language and look."""
    return _render(
        request,
        "feedback/public_csrf.html",
        _visitor_language(request),
        {"form_url": request.get_full_path()},
        status=403,
    )


def _another_since(request: HttpRequest) -> datetime | None:
    """When the thanks page offered the form for another answer: answers from
    the device before then do not turn the form into the thanks again, later
    ones (going back after that answer) do."""
    try:
        return datetime.fromtimestamp(int(request.GET[ANOTHER_PARAMETER]) / 1000, tz=UTC)
    except (KeyError, ValueError, OverflowError, OSError):
        return None


@never_cache
@require_http_methods(["GET", "POST"])
def public_survey(request: HttpRequest, code: str) -> HttpResponse:
    found = (
        PublicSurvey.objects.select_related("unit", "survey")
        .filter(code=code[:32], active=True)
        .first()
    )
    language = _visitor_language(request)
    if found is None:
        return _render(request, "feedback/survey_unavailable.html", language, {}, status=404)
    unit_name = found.unit.name
    device = device_from_cookie(request)
    if request.method == "GET" and (
        DONE_PARAMETER in request.GET
        or public_answered_just_now(
            public_survey=found, device=device, after=_another_since(request)
        )
    ):
        # Also when the customer goes back to the form just after answering.
        another = f"{ANOTHER_PARAMETER}={int(timezone.now().timestamp() * 1000)}"
        return _render(
            request,
            "feedback/survey_thanks.html",
            language,
            {
                "unit_name": unit_name,
                "language_query": f"&{DONE_PARAMETER}=1",
                "another_url": f"{request.path}?lang={language}&{another}",
            },
        )
    with translation.override(language):
        form = SurveyForm(
            request.POST if request.method == "POST" else None,
            survey=found.survey,
            unit_name=unit_name,
            anonymous=True,
        )
        if form.is_bound and form.is_valid():
            answer = form.answer()
            answer.pop("consent_contact")
            try:
                public_response_submit(
                    public_survey=found,
                    client=client_key(address=client_address(request)),
                    device=device,
                    language=language,
                    nonce=request.POST.get("nonce", "")[:200],
                    **answer,
                )
            except ValidationError as exc:
                if exc.code == "replayed":
                    return redirect(f"{request.path}?lang={language}&{DONE_PARAMETER}=1")
                if exc.code == "rate_limited":
                    return _render(
                        request,
                        "feedback/public_limited.html",
                        language,
                        {"unit_name": unit_name, "message": exc.messages[0]},
                        status=429,
                    )
                form.add_error(None, exc)
            else:
                return redirect(f"{request.path}?lang={language}&{DONE_PARAMETER}=1")
    response = _render(
        request,
        "feedback/survey.html",
        language,
        # A fresh one-time value with every showing of the form.
        {"form": form, "unit_name": unit_name, "nonce": form_nonce()},
        status=400 if form.errors else 200,
    )
    if not device:
        _give_device_cookie(request, response)
    return response
