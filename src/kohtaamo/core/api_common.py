"""Pieces every router of the REST API shares: input types that refuse what
the database cannot store, the page size rules, the error bodies and their
messages.

The exception handlers that turn errors into these bodies live with the API
object in `kohtaamo/api.py`. Every body parameter of an operation is named
`payload`, so that a field error of a service reads `["body", "payload",
<field>]`, the same path ninja gives a field that fails the schema.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Annotated, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination
from pydantic import AfterValidator, BeforeValidator, Strict
from pydantic_core import PydanticCustomError

# --- Messages -------------------------------------------------------------------

ERROR_NOT_FOUND = _("Not found.")
ERROR_UNAUTHORIZED = _("Sign in, or send a valid API token as “Authorization: Bearer <token>”.")
ERROR_FORBIDDEN = _("You do not have permission to do this.")
ERROR_CSRF = _("The CSRF check failed. Reload the page and try again.")
ERROR_CONFLICT = _("This conflicts with data that already exists. Nothing was saved.")
ERROR_BAD_JSON = _("The request body is not valid JSON.")
ERROR_BAD_REQUEST = _("The request could not be understood.")
ERROR_TOO_LARGE = _("The request is too large.")
ERROR_SERVER = _("Something went wrong on our side. The error has been logged.")
ERROR_NUL_CHARACTER = _("Text may not contain NUL characters.")
ERROR_SLUG = _("Use only letters, numbers, hyphens and underscores.")
ERROR_DATETIME_RANGE = _("This date and time is out of range.")
ERROR_UNKNOWN_UNIT = _("There is no such unit.")
ERROR_UNKNOWN_TEAM = _("There is no such team.")

# --- Input types ------------------------------------------------------------------

# The largest primary key a 64-bit integer column holds; a larger id cannot
# name a row, and SQLite refuses to even compare with it.
MAX_ID = 2**63 - 1
# An offset past a billion rows means a client is lost, not paging.
MAX_OFFSET = 1_000_000_000
DEFAULT_PAGE_SIZE = 50


def _no_nul(value: str) -> str:
    # PostgreSQL cannot store NUL in text; refuse it here with a message
    # rather than let the database fail the request.
    if "\x00" in value:
        raise PydanticCustomError("nul_character", str(ERROR_NUL_CHARACTER))
    return value


def _slug(value: str) -> str:
    value = _no_nul(value)
    if not value or not all(c.isascii() and (c.isalnum() or c in "-_") for c in value):
        raise PydanticCustomError("slug", str(ERROR_SLUG))
    return value


def _aware_in_range(value: datetime) -> datetime:
    """Read a time without a zone in the organisation's zone, and refuse one
    that cannot be expressed in UTC (the year 1 east of Greenwich)."""
    try:
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        value.astimezone(UTC)
    except (OverflowError, ValueError) as exc:
        raise PydanticCustomError("datetime_range", str(ERROR_DATETIME_RANGE)) from exc
    return value


Text = Annotated[str, AfterValidator(_no_nul)]
"""Text that the database can store; use with Field(max_length=...)."""

Slug = Annotated[str, AfterValidator(_slug)]
"""A code like "hki-vastaanotto"; use with Field(max_length=...)."""

ObjectId = Annotated[int, Field(ge=1, le=MAX_ID)]
"""An id in the address or the query string, where every value is text."""

BodyId = Annotated[int, Strict(), Field(ge=1, le=MAX_ID)]
"""An id in a JSON body: a JSON number only. Lax, `true` would be id 1 and
"19766" a number, so a client's mistake could act on the wrong row."""


def _iso_day(value: Any) -> Any:
    if not (isinstance(value, str) and _ISO_DAY.fullmatch(value)):
        raise PydanticCustomError("date_format", "Enter a date as YYYY-MM-DD.")
    return value


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

Day = Annotated[date, BeforeValidator(_iso_day)]
"""A day as YYYY-MM-DD and nothing else: pydantic alone also reads a number
as seconds since 1970 (`to=0` was 1 January 1970) and takes a date and time."""

BodyBool = Annotated[bool, Strict()]
"""true or false in a JSON body, not "off", 0 or "yes"."""

Moment = Annotated[datetime, AfterValidator(_aware_in_range)]
"""A date and time; without a zone it is read in the organisation's zone."""


# --- Pagination -------------------------------------------------------------------


class Page(LimitOffsetPagination):
    """`limit` and `offset` query parameters; a limit above the maximum is an
    error rather than silently fewer rows than asked for."""

    class Input(Schema):
        limit: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=settings.KOHTAAMO_API_PAGE_SIZE_MAX)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=settings.KOHTAAMO_API_PAGE_SIZE_MAX, **kwargs)


# --- Access -----------------------------------------------------------------------


def require(allowed: bool) -> None:
    """Refuse with 403 unless the access module allowed the action."""
    if not allowed:
        raise PermissionDenied


# --- Error bodies -----------------------------------------------------------------


class ErrorOut(Schema):
    detail: str


class FieldErrorOut(Schema):
    loc: list[str | int] = Field(
        description='Where the error is, e.g. ["body", "payload", "name"].'
    )
    msg: str
    type: str


class FieldErrorsOut(Schema):
    detail: list[FieldErrorOut]


# The error answers documented for every read and every write operation.
READ_ERRORS: dict[int, Any] = {401: ErrorOut, 404: ErrorOut, 422: FieldErrorsOut}
WRITE_ERRORS: dict[int, Any] = {
    400: FieldErrorsOut,
    401: ErrorOut,
    403: ErrorOut,
    409: ErrorOut,
    422: FieldErrorsOut,
}


# The schema errors a client meets most, in the client's language. Others keep
# pydantic's English message.
_MESSAGES: dict[str, Any] = {
    "missing": _("This field is required."),
    "string_type": _("Enter text."),
    # Every text field of the API that has a minimum length has 1.
    "string_too_short": _("This field may not be empty."),
    "string_too_long": _("Use at most %(max_length)s characters."),
    "int_type": _("Enter a whole number."),
    "int_parsing": _("Enter a whole number."),
    "int_from_float": _("Enter a whole number."),
    "greater_than_equal": _("Enter a number of at least %(ge)s."),
    "less_than_equal": _("Enter a number of at most %(le)s."),
    "bool_type": _("Enter true or false."),
    "bool_parsing": _("Enter true or false."),
    "datetime_type": _("Enter a date and time, e.g. 2025-03-14T09:30:00+02:00."),
    "datetime_parsing": _("Enter a date and time, e.g. 2025-03-14T09:30:00+02:00."),
    "datetime_from_date_parsing": _("Enter a date and time, e.g. 2025-03-14T09:30:00+02:00."),
    # Every way a day can fail, pydantic's and `Day`'s own.
    **dict.fromkeys(
        (
            "date_type",
            "date_parsing",
            "date_from_datetime_parsing",
            "date_from_datetime_inexact",
            "date_format",
        ),
        _("Enter a date as YYYY-MM-DD, e.g. 2025-03-14."),
    ),
    "enum": _("Choose one of: %(expected)s."),
    "literal_error": _("Choose one of: %(expected)s."),
    "model_type": _("Send a JSON object here."),
    "model_attributes_type": _("Send a JSON object here."),
    "dict_type": _("Send a JSON object here."),
    "list_type": _("Send a JSON list here."),
    "too_long": _("Send at most %(max_length)s items."),
    "extra_forbidden": _("This field is not known."),
}


def field_error(error: dict[str, Any]) -> dict[str, Any]:
    """One error of ninja or pydantic as loc, msg and type, and nothing else:
    the input and context that pydantic keeps may hold anything."""
    kind = str(error.get("type", "value_error"))
    context = error.get("ctx") or {}
    template = _MESSAGES.get(kind)
    message: Any = error.get("msg", "")
    if kind in ("enum", "literal_error") and "expected" in context:
        # pydantic lists the choices in English: "'a', 'b' or 'c'".
        context = {**context, "expected": str(context["expected"]).replace(" or ", ", ")}
    if template is not None:
        try:
            message = str(template) % {k: str(v) for k, v in context.items()}
        except (KeyError, TypeError, ValueError):
            message = template
    loc = [part if isinstance(part, int) else str(part) for part in error.get("loc", ())]
    return {"loc": loc, "msg": str(message), "type": kind}
