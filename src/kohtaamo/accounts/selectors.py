from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from kohtaamo.accounts.models import ApiToken


def api_tokens_of(*, user: Any) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)


def get_own_token_or_404(*, user: Any, pk: int) -> ApiToken:
    try:
        return api_tokens_of(user=user).get(pk=pk)
    except ApiToken.DoesNotExist as exc:
        raise Http404 from exc
