"""Signed webhooks: how a helpdesk proves that an encounter it pushes is its own.

The helpdesk signs `<timestamp>.<raw body>` with HMAC-SHA256 and the secret of
its WebhookSource, and sends

    X-Kohtaamo-Timestamp: <unix seconds>
    X-Kohtaamo-Signature: sha256=<hex digest>

A signature is good for KOHTAAMO_WEBHOOK_MAX_AGE_SECONDS (five minutes) either
side of the server's clock, so that a captured request cannot be replayed
later; within that window a replay only repeats the same upsert.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from kohtaamo.encounters.models import WebhookSource

SIGNATURE_HEADER = "X-Kohtaamo-Signature"
TIMESTAMP_HEADER = "X-Kohtaamo-Timestamp"

ERROR_SIGNATURE_MISSING = _(
    "Sign the request: send the X-Kohtaamo-Timestamp and X-Kohtaamo-Signature headers."
)
ERROR_SIGNATURE_EXPIRED = _(
    "The timestamp of the signature is more than five minutes away from now."
)
ERROR_SIGNATURE_INVALID = _("The signature does not match this source's secret.")


class SignatureRefused(Exception):
    def __init__(self, message: object) -> None:
        self.message = message
        super().__init__(str(message))


def webhook_signature(*, secret: str, timestamp: str, body: bytes) -> str:
    """The signature header's value for a body sent at `timestamp`."""
    message = timestamp.encode() + b"." + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def webhook_source_verify(
    *, name: str, timestamp: str | None, signature: str | None, body: bytes, now: float
) -> WebhookSource:
    """The active source whose secret signed this body; SignatureRefused otherwise."""
    if not timestamp or not signature:
        raise SignatureRefused(ERROR_SIGNATURE_MISSING)
    try:
        sent_at = int(timestamp)
    except ValueError as exc:
        raise SignatureRefused(ERROR_SIGNATURE_INVALID) from exc
    if abs(now - sent_at) > settings.KOHTAAMO_WEBHOOK_MAX_AGE_SECONDS:
        raise SignatureRefused(ERROR_SIGNATURE_EXPIRED)
    source = WebhookSource.objects.filter(name=name, is_active=True).first()
    # An unknown source is refused like a bad signature, so that names of
    # sources cannot be probed.
    secret = source.secret if source is not None else ""
    expected = webhook_signature(secret=secret, timestamp=timestamp, body=body)
    if source is None or not hmac.compare_digest(expected.encode(), signature.encode()):
        raise SignatureRefused(ERROR_SIGNATURE_INVALID)
    return source
