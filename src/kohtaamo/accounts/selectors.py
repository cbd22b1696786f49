from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404

from kohtaamo.accounts.models import ApiToken, Preference


def api_tokens_of(*, user: Any) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)


def get_own_token_or_404(*, user: Any, pk: int) -> ApiToken:
    try:
        return api_tokens_of(user=user).get(pk=pk)
    except ApiToken.DoesNotExist as exc:
        raise Http404 from exc


def languages_of(*, users: Iterable[Any]) -> dict[int, str]:
    """Each person's own language: the one they chose, else the organisation's."""
    users = list(users)
    chosen = dict(Preference.objects.filter(user__in=users).values_list("user_id", "language"))
    return {user.pk: chosen.get(user.pk, settings.LANGUAGE_CODE) for user in users}
