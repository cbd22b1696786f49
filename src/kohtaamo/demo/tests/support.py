"""What the demo tests share: a fixed day, a small scale and a checksum."""

from __future__ import annotations

import hashlib
from datetime import date

from django.contrib.auth import get_user_model

from kohtaamo.demo.context import DEMO_CUSTOMER_PREFIX, DEMO_EMAIL_DOMAIN, DEMO_SOURCE, DemoScale
from kohtaamo.encounters.models import Customer, Encounter, TranscriptTurn
from kohtaamo.org.models import TeamMembership, UnitManager

# A fixed day, so that the tests do not depend on when they run.
TODAY = date(2026, 3, 16)
SMALL = DemoScale(customers=80, encounters=500, transcripts=40, days=21)


def demo_checksum() -> str:
    """A digest of the demo data by natural keys, blind to database ids."""
    digest = hashlib.sha256()
    queries = [
        get_user_model()
        .objects.filter(email__endswith=f"@{DEMO_EMAIL_DOMAIN}", is_active=True)
        .order_by("email")
        .values_list("email", "first_name", "last_name", "is_superuser"),
        TeamMembership.objects.filter(user__email__endswith=f"@{DEMO_EMAIL_DOMAIN}")
        .order_by("user__email", "team__code")
        .values_list("user__email", "team__code", "role"),
        UnitManager.objects.order_by("user__email").values_list("user__email", "unit__code"),
        Customer.objects.filter(external_id__startswith=DEMO_CUSTOMER_PREFIX)
        .order_by("external_id")
        .values_list(
            "external_id",
            "name",
            "email",
            "phone",
            "language",
            "consent_surveys",
            "consent_contact",
        ),
        Encounter.objects.filter(source=DEMO_SOURCE)
        .order_by("external_id")
        .values_list(
            "external_id",
            "channel",
            "started_at",
            "ended_at",
            "staff__email",
            "team__code",
            "customer__external_id",
            "topic",
            "outcome",
            "has_transcript",
        ),
        TranscriptTurn.objects.filter(encounter__source=DEMO_SOURCE)
        .order_by("encounter__external_id", "position")
        .values_list("encounter__external_id", "position", "speaker", "text", "spoken_at"),
    ]
    for query in queries:
        for row in query:
            digest.update(repr(row).encode())
    return digest.hexdigest()
