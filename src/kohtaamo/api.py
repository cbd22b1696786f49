"""The REST API: every app's ninja router mounted under /api/v1/."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.security import APIKeyCookie, HttpBearer

from kohtaamo.accounts.services import api_token_authenticate


class TokenAuth(HttpBearer):
    """A personal API token, acting with its owner's permissions."""

    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        user = api_token_authenticate(secret=token)
        if user is not None:
            request.user = user
        return user


class SessionAuth(APIKeyCookie):
    """The browser session of a signed-in person (for the interactive docs)."""

    param_name = "sessionid"

    def authenticate(self, request: HttpRequest, key: str | None) -> Any | None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_active:
            return user
        return None


api = NinjaAPI(
    title="Kohtaamo API",
    version="1.0.0",
    description="Units, teams, people, customers and encounters of a Kohtaamo installation.",
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api-1.0.0",
)

from kohtaamo.encounters.api import router as encounters_router  # noqa: E402
from kohtaamo.org.api import router as org_router  # noqa: E402

api.add_router("/", org_router)
api.add_router("/", encounters_router)
