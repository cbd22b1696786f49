"""The opt-out link of every survey e-mail: no login, no JavaScript.

A GET only shows the button, because mail scanners and link previews open
links on their own; the POST, from the button or straight from the mail
program (RFC 8058 one-click: "List-Unsubscribe=One-Click"), switches the
customer's survey consent off. The signed link itself is the credential, so
the POST needs no CSRF token: a mail program has none to send.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from kohtaamo.encounters.models import Customer
from kohtaamo.feedback.delivery import customer_opt_out, optout_customer_id
from kohtaamo.feedback.views.survey import _render, _requested_language


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def optout(request: HttpRequest, token: str) -> HttpResponse:
    customer_id = optout_customer_id(token)
    customer = Customer.objects.filter(pk=customer_id).first() if customer_id else None
    language = _requested_language(request) or (
        customer.language if customer else translation.get_language() or "fi"
    )
    if customer is None:
        return _render(request, "feedback/optout_unavailable.html", language, {}, status=404)
    if request.method == "POST":
        customer_opt_out(customer_id=customer.pk)
        return _render(request, "feedback/optout_done.html", language, {})
    return _render(
        request,
        "feedback/optout.html",
        language,
        {"already": not customer.consent_surveys},
    )
