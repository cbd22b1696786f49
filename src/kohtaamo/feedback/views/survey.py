"""The public survey page a customer opens from the invitation link.

No login, no JavaScript, no cookies: a plain form in the invitation's
language. The link's token (128 random bits, one answer) is the visitor's
only credential, so Django's CSRF check has nothing to protect here: a page
elsewhere cannot post for a customer without knowing the link, and whoever
knows it can post anyway. The check would only refuse customers whose
browser keeps no cookies, and cost every answer a cookie round. The QR
survey (`views/public.py`), which anyone may answer, keeps the check.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from kohtaamo.core.statements import once_more_if_disconnected, prepared
from kohtaamo.feedback.forms import SurveyForm
from kohtaamo.feedback.link_answer import answer_by_link, posted_answer
from kohtaamo.feedback.models import Invitation, InvitationStatus
from kohtaamo.feedback.selectors import invitation_by_token
from kohtaamo.feedback.services import response_submit

# Each language named in itself, so that a customer finds their own.
LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}


def _requested_language(request: HttpRequest) -> str | None:
    lang = request.GET.get("lang", "")
    return lang if lang in dict(settings.LANGUAGES) else None


def _visitor_language(request: HttpRequest) -> str:
    """For a page with no invitation behind it: the language asked for with
    `?lang=`, else the browser's (as the locale middleware chose it), else
    Finnish."""
    language = _requested_language(request) or translation.get_language() or "fi"
    return language if language in dict(settings.LANGUAGES) else "fi"


def _render(
    request: HttpRequest,
    template: str,
    language: str,
    context: dict[str, Any],
    status: int = 200,
) -> HttpResponse:
    with translation.override(language):
        response = render(
            request,
            template,
            {
                **context,
                "languages": [
                    (code, LANGUAGE_NAMES[code], code == language) for code in LANGUAGE_NAMES
                ],
            },
            status=status,
        )
    response.headers["Content-Language"] = language
    # Each page is this link's and this moment's: no cache may keep it. (The
    # redirect after a post needs no such headers: nothing caches it.)
    add_never_cache_headers(response)
    return response


def _answered_at_once(request: HttpRequest, token: str) -> bool:
    """True when one statement on PostgreSQL (`feedback.link_answer`) stored
    the posted answer or found the link answered before; False leaves the
    post to the full path."""
    if connection.vendor != "postgresql":
        return False
    answer = posted_answer(request.POST)
    if answer is None:
        return False
    outcome = answer_by_link(token=token, answer=answer, language=_requested_language(request))
    return outcome is not None


def _back_to_the_page(request: HttpRequest) -> HttpResponse:
    # After a POST, a GET: reloading the thank-you page posts nothing. (The
    # path as it is: `redirect()` would first try it as a URL name.)
    return HttpResponseRedirect(request.get_full_path())


def _thanks(request: HttpRequest, invitation: Invitation, language: str) -> HttpResponse:
    return _render(
        request,
        "feedback/survey_thanks.html",
        language,
        {"unit_name": invitation.encounter.team.unit.name},
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def survey(request: HttpRequest, token: str) -> HttpResponse:
    # Both the page and an answer may run twice (`once_more_if_disconnected`):
    # a second answer to a link stores nothing and leads to the thank-you page.
    return once_more_if_disconnected(lambda: _prepared_survey(request, token))


def _prepared_survey(request: HttpRequest, token: str) -> HttpResponse:
    # Every answer sends the same few statements: PostgreSQL plans them once.
    with prepared():
        return _survey(request, token)


def _survey(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST" and _answered_at_once(request, token):
        return _back_to_the_page(request)
    invitation = invitation_by_token(token=token)
    if invitation is None:
        # Unknown and expired links get the same page, in the visitor's language.
        return _render(
            request, "feedback/survey_unavailable.html", _visitor_language(request), {}, status=404
        )
    language = _requested_language(request) or invitation.language
    if invitation.status == InvitationStatus.ANSWERED:
        # A post to an answered link stores nothing and, as an answer does,
        # leads to the page, which thanks.
        if request.method == "POST":
            return _back_to_the_page(request)
        return _thanks(request, invitation, language)
    unit_name = invitation.encounter.team.unit.name
    with translation.override(language):
        form = SurveyForm(
            request.POST if request.method == "POST" else None,
            survey=invitation.survey,
            unit_name=unit_name,
        )
        if form.is_bound and form.is_valid():
            try:
                response_submit(invitation=invitation, language=language, **form.answer())
            except ValidationError as exc:
                if exc.code != "already_answered":
                    form.add_error(None, exc)
            if not form.errors:
                return _back_to_the_page(request)
    return _render(
        request,
        "feedback/survey.html",
        language,
        {"form": form, "unit_name": unit_name},
        status=400 if form.errors else 200,
    )
