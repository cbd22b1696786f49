"""The REST API: every app's ninja router mounted under /api/v1/.

Every answer is JSON, errors included: a field error names its path
(`{"detail": [{"loc": ["body", "payload", "name"], "msg": ..., "type": ...}]}`,
422 when the input does not fit the schema, 400 when a service refuses it),
and any other error is `{"detail": "<message>"}` with 401, 403, 404, 409 or
413. Nothing a client sends may end as a 500; one that still happens is logged
and answered without internals.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaValidationError
from ninja.security import APIKeyCookie, HttpBearer

from kohtaamo.accounts.services import api_token_authenticate
from kohtaamo.core import api_common as common

logger = logging.getLogger("kohtaamo.api")


class TokenAuth(HttpBearer):
    """A personal API token, acting with its owner's permissions: the handlers
    read the person from `request.user`, whichever way they signed in."""

    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        user = api_token_authenticate(secret=token)
        if user is not None:
            request.user = user
        return user


class SessionAuth(APIKeyCookie):
    """The browser session of a signed-in person (for the interactive docs).

    A request without a session cookie is simply not signed in: it gets 401,
    not the 403 of a failed CSRF check that would follow otherwise."""

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest) -> str | None:
        if self.param_name not in request.COOKIES:
            return None
        return super()._get_key(request)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any | None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_active:
            return user
        return None


api = NinjaAPI(
    title="Kohtaamo API",
    version="1.0.0",
    description=(
        "Units, teams, people, customers and encounters of a Kohtaamo installation. "
        "Send a personal API token as `Authorization: Bearer <token>`; every answer "
        "shows only what the token's owner may see."
    ),
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api-1.0.0",
    # Swagger UI from the files ninja ships ("ninja" is an installed app), and
    # no badge from the public validator: nothing is loaded from another host.
    docs=Swagger(settings={"validatorUrl": None}),
)


def _error(request: HttpRequest, status: int, detail: Any) -> HttpResponse:
    return api.create_response(request, {"detail": detail}, status=status)


@api.exception_handler(SchemaValidationError)
def on_schema_error(request: HttpRequest, exc: SchemaValidationError) -> HttpResponse:
    return _error(request, 422, [common.field_error(error) for error in exc.errors])


@api.exception_handler(DjangoValidationError)
def on_service_refusal(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    """A service's ValidationError: a field name becomes a path under the
    payload ("memberships.0.team" → ["body", "payload", "memberships", 0, "team"])."""
    errors = []
    fields = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    for field, messages in fields.items():
        loc: list[str | int] = ["body"]
        if field != "__all__":
            loc += ["payload", *(int(p) if p.isdigit() else p for p in field.split("."))]
        errors += [{"loc": loc, "msg": str(m), "type": "invalid"} for m in messages]
    return _error(request, 400, errors)


@api.exception_handler(IntegrityError)
def on_conflict(request: HttpRequest, exc: IntegrityError) -> HttpResponse:
    # The database's own rule caught what the services' checks did not (a
    # race between two requests); its message names tables, so keep it out.
    logger.info("API write refused by a database constraint: %s", exc)
    return _error(request, 409, str(common.ERROR_CONFLICT))


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, 404, str(common.ERROR_NOT_FOUND))


@api.exception_handler(PermissionDenied)
def on_forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return _error(request, 403, str(common.ERROR_FORBIDDEN))


@api.exception_handler(AuthenticationError)
def on_unauthorized(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = _error(request, 401, str(common.ERROR_UNAUTHORIZED))
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    # Ninja's own refusals carry English texts; say them in the client's language.
    if exc.status_code == 400 and exc.message.startswith("Cannot parse request body"):
        return _error(request, 400, str(common.ERROR_BAD_JSON))
    if exc.status_code == 403 and "CSRF" in exc.message:
        return _error(request, 403, str(common.ERROR_CSRF))
    return _error(request, exc.status_code, exc.message)


@api.exception_handler(SuspiciousOperation)
def on_suspicious(request: HttpRequest, exc: SuspiciousOperation) -> HttpResponse:
    if isinstance(exc, RequestDataTooBig):
        return _error(request, 413, str(common.ERROR_TOO_LARGE))
    return _error(request, 400, str(common.ERROR_BAD_REQUEST))


@api.exception_handler(Exception)
def on_unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.error("API error on %s %s", request.method, request.path, exc_info=exc)
    return _error(request, 500, str(common.ERROR_SERVER))


def not_found(request: HttpRequest, rest: str) -> JsonResponse:
    """Any other address under /api/v1/ (e.g. a non-numeric id) is a JSON 404."""
    return JsonResponse({"detail": str(common.ERROR_NOT_FOUND)}, status=404)


from kohtaamo.encounters.api import router as encounters_router  # noqa: E402
from kohtaamo.feedback.api import router as feedback_router  # noqa: E402
from kohtaamo.insights.api import router as insights_router  # noqa: E402
from kohtaamo.org.api import router as org_router  # noqa: E402
from kohtaamo.reviews.api import router as reviews_router  # noqa: E402

api.add_router("/", org_router)
api.add_router("/", encounters_router)
api.add_router("/", insights_router)
api.add_router("/", feedback_router)
api.add_router("/", reviews_router)
