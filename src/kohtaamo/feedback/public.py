"""The public survey behind a unit's QR code: anyone may answer, so answers
are unverified, kept in `PublicResponse` and rate-limited.

Two limits hold within one window (`KOHTAAMO_PUBLIC_SURVEY_WINDOW_MINUTES`):

- a device (the random id the form page keeps in a signed cookie) may send
  `KOHTAAMO_PUBLIC_SURVEY_LIMIT` answers;
- all devices behind one network address together may send
  `KOHTAAMO_PUBLIC_SURVEY_ADDRESS_LIMIT`, so that the guests of a lobby's
  Wi-Fi are not refused but one address still cannot flood the survey.

A post without a valid device cookie (none, forged or altered) is counted as
if its address were one device: it is refused once the address has sent
`KOHTAAMO_PUBLIC_SURVEY_LIMIT` answers in all. So throwing the cookie away or
altering it never earns more answers; a script that fetches a fresh cookie for
every post is still capped by the address limit.

The limits are counted in the database, so they hold across every web
process. They count the answers to every QR survey together, so a post
locks its address and its device, not only its survey, while it counts and
stores: a burst of simultaneous posts cannot all slip under them, not even
one spread over the QR surveys of several units (`_lock_limits`).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kohtaamo.core.hashing import secret_digest
from kohtaamo.feedback.models import (
    CES_RANGE,
    COMMENT_MAX_LENGTH,
    CSAT_RANGE,
    NPS_RANGE,
    PublicResponse,
    PublicSurvey,
    Survey,
)
from kohtaamo.feedback.services import (
    ERROR_ALREADY_ANSWERED,
    ERROR_COMMENT_TOO_LONG,
    _check_answer,
)
from kohtaamo.org.models import Unit

ERROR_PUBLIC_EXISTS = _("This unit already has a public survey.")
ERROR_PUBLIC_CLOSED = _("This survey is not open at the moment.")
ERROR_FORM_EXPIRED = _("This form has expired. Please answer again – thank you!")
ERROR_TOO_MANY = _(
    "We have received several answers from this device in a short time, so "
    "this answer was not saved. Please try again later."
)


def _keyed_digest(value: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


def client_key(*, address: str) -> str:
    """An HMAC of the address with the secret key: stable enough to count, of
    no use for finding the visitor."""
    return _keyed_digest(f"kohtaamo-public:{address}")


def device_id_new() -> str:
    """The random id of one device, for its cookie."""
    return secrets.token_urlsafe(16)


def device_key(*, device_id: str) -> str:
    """An HMAC of the device's id. Keyed rather than `secret_digest`, although
    the id is random: the id also stays on the visitor's phone, and a copy of
    the database alone must not tell which answers that phone gave."""
    return _keyed_digest(f"kohtaamo-public-device:{device_id}")


NONCE_SALT = "kohtaamo.feedback.public-nonce"
NONCE_MAX_AGE = timedelta(days=1)


def form_nonce() -> str:
    """A signed one-time value for one showing of the form."""
    return signing.dumps(secrets.token_urlsafe(16), salt=NONCE_SALT)


def nonce_hash(signed: str) -> str:
    """The hash to store for a nonce this server handed out lately."""
    try:
        value = signing.loads(signed, salt=NONCE_SALT, max_age=NONCE_MAX_AGE)
    except signing.BadSignature as exc:  # forged, altered or too old
        raise ValidationError(ERROR_FORM_EXPIRED, code="form_expired") from exc
    return secret_digest(str(value))


def public_survey_create(*, unit: Unit, survey: Survey, by: Any) -> PublicSurvey:
    try:
        with transaction.atomic():
            return PublicSurvey.objects.create(
                unit=unit, survey=survey, code=secrets.token_urlsafe(12), created_by=by
            )
    except IntegrityError as exc:
        raise ValidationError(ERROR_PUBLIC_EXISTS, code="exists") from exc


def public_survey_update(
    *, public_survey: PublicSurvey, survey: Survey, active: bool
) -> PublicSurvey:
    public_survey.survey = survey
    public_survey.active = active
    public_survey.save(update_fields=["survey", "active"])
    return public_survey


def _lock_limits(*, client: str, device: str) -> None:
    """Make other posts from this address or device wait, until this post's
    transaction ends, before they count their answers. On PostgreSQL with
    transaction-level advisory locks (taken in one order, so that two posts
    never wait for each other); SQLite lets one transaction write at a time
    anyway (`transaction_mode` IMMEDIATE in the settings)."""
    if connection.vendor != "postgresql":
        return
    keys = sorted({f"qr-address:{client}", *([f"qr-device:{device}"] if device else [])})
    with connection.cursor() as cursor:
        for key in keys:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [key])


def _over_limit(*, client: str, device: str, since: datetime) -> bool:
    """Whether the address, or the device, has sent its share since then (see
    the module's docstring; `device` is empty without a valid cookie)."""
    recent = PublicResponse.objects.filter(answered_at__gt=since)
    from_address = recent.filter(client_key=client).count()
    if from_address >= settings.KOHTAAMO_PUBLIC_SURVEY_ADDRESS_LIMIT:
        return True
    if not device:
        return from_address >= settings.KOHTAAMO_PUBLIC_SURVEY_LIMIT
    return recent.filter(device_key=device).count() >= settings.KOHTAAMO_PUBLIC_SURVEY_LIMIT


# How long after a device's answer its going back to the form shows the
# thanks instead: the browser fetches the form anew (the survey pages are not
# kept in its cache), with a fresh one-time value, and would send the answers
# it filled back in once more.
JUST_ANSWERED_MINUTES = 10


def public_answered_just_now(
    *, public_survey: PublicSurvey, device: str, after: datetime | None = None
) -> bool:
    """Whether this device (its `device_key`; "" for none) answered this QR
    survey in the last JUST_ANSWERED_MINUTES, and after `after` when given
    (when it asked for the form to give another answer)."""
    if not device:
        return False
    since = timezone.now() - timedelta(minutes=JUST_ANSWERED_MINUTES)
    if after is not None:
        since = max(since, after)
    return PublicResponse.objects.filter(
        public_survey=public_survey, device_key=device, answered_at__gt=since
    ).exists()


def public_response_submit(
    *,
    public_survey: PublicSurvey,
    client: str,
    device: str,
    nps: int | None,
    csat: int | None,
    ces: int | None,
    comment: str,
    language: str,
    nonce: str,
) -> PublicResponse:
    """Store one unverified answer, unless the address or the device has sent
    its share (code "rate_limited") or this very form was sent before (code
    "replayed"). `client` is the address's `client_key`, `device` the
    device's `device_key` or "" for a post without a valid cookie."""
    survey = public_survey.survey
    hashed_nonce = nonce_hash(nonce)
    _check_answer("NPS", nps, survey.ask_nps, NPS_RANGE)
    _check_answer("CSAT", csat, survey.ask_csat, CSAT_RANGE)
    _check_answer("CES", ces, survey.ask_ces, CES_RANGE)
    comment = comment.strip() if survey.ask_comment else ""
    if len(comment) > COMMENT_MAX_LENGTH:
        raise ValidationError(
            ERROR_COMMENT_TOO_LONG,
            code="comment_too_long",
            params={"limit_value": COMMENT_MAX_LENGTH},
        )
    now = timezone.now()
    window = timedelta(minutes=settings.KOHTAAMO_PUBLIC_SURVEY_WINDOW_MINUTES)
    try:
        with transaction.atomic():
            locked = PublicSurvey.objects.select_for_update().get(pk=public_survey.pk)
            if not locked.active:
                raise ValidationError(ERROR_PUBLIC_CLOSED, code="closed")
            if PublicResponse.objects.filter(nonce_hash=hashed_nonce).exists():
                raise ValidationError(ERROR_ALREADY_ANSWERED, code="replayed")
            _lock_limits(client=client, device=device)
            if _over_limit(client=client, device=device, since=now - window):
                raise ValidationError(ERROR_TOO_MANY, code="rate_limited")
            return PublicResponse.objects.create(
                public_survey=locked,
                nps=nps,
                csat=csat,
                ces=ces,
                comment=comment,
                language=language,
                answered_at=now,
                client_key=client,
                device_key=device,
                nonce_hash=hashed_nonce,
            )
    except IntegrityError as exc:
        # The same form, posted twice at the same moment.
        raise ValidationError(ERROR_ALREADY_ANSWERED, code="replayed") from exc
