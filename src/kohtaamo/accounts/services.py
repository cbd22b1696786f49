"""Personal API tokens: created once, shown once, stored as a hash."""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.utils import timezone

from kohtaamo.accounts.models import ApiToken, Preference
from kohtaamo.core.hashing import secret_digest

TOKEN_PREFIX = "kht_"


_hash = secret_digest


def api_token_create(*, user: Any, name: str) -> tuple[ApiToken, str]:
    """Return the token row and its secret; the secret is not kept anywhere."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name.strip() or "API", prefix=secret[:10], key_hash=_hash(secret)
    )
    return token, secret


def api_token_revoke(*, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_authenticate(*, secret: str) -> Any | None:
    """The active user behind a token secret, or None."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=_hash(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # Touch at most once a minute so that a busy client does not write per call.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def language_remember(*, user: Any, language: str) -> None:
    """Keep the language a person chose, for what is sent to them."""
    if language in dict(settings.LANGUAGES):
        Preference.objects.update_or_create(user=user, defaults={"language": language})
