"""The helpdesk that pushes encounters to the demo through the signed webhook."""

from __future__ import annotations

import secrets

from kohtaamo.demo.context import DemoContext
from kohtaamo.encounters.models import WebhookSource

LABEL = "Webhook source"
HELPDESK_SOURCE = "helpdesk"


def run(ctx: DemoContext) -> str:
    # The secret is never derived from the seed: anyone could then sign
    # encounters for a demo reachable on a network. An existing secret is
    # kept, so a helpdesk set up against the demo keeps working.
    source, created = WebhookSource.objects.get_or_create(
        name=HELPDESK_SOURCE, defaults={"secret": secrets.token_urlsafe(32)}
    )
    return f"{source.name} ({'created' if created else 'kept'})"
