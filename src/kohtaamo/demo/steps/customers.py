"""Two thousand customers: mostly Finnish speakers, some Swedish, some
foreign guests who prefer English."""

from __future__ import annotations

from kohtaamo.demo.context import DEMO_CUSTOMER_PREFIX, CustomerRef, DemoContext
from kohtaamo.demo.naming import (
    email_local_part,
    finnish_mobile,
    foreign_mobile,
    person_name,
    unique_email,
)
from kohtaamo.demo.vocabulary.names import CUSTOMER_EMAIL_DOMAINS
from kohtaamo.encounters.models import Customer, Language

LABEL = "Customers"

LANGUAGE_SHARE = ((Language.FI, 0.80), (Language.SV, 0.10), (Language.EN, 0.10))
BATCH_SIZE = 500
CUSTOMER_NUMBER_DIGITS = 5


def customer_external_id(number: int) -> str:
    return f"{DEMO_CUSTOMER_PREFIX}{number:0{CUSTOMER_NUMBER_DIGITS}d}"


def run(ctx: DemoContext) -> str:
    rng = ctx.rng("customers")
    taken_emails: set[str] = set()
    rows: list[Customer] = []
    for number in range(1, ctx.scale.customers + 1):
        roll = rng.random()
        language = Language.EN
        for code, share in LANGUAGE_SHARE:
            if roll < share:
                language = code
                break
            roll -= share
        # A Finnish-speaking customer may well carry a Swedish name.
        kind = "sv" if language == Language.FI and rng.random() < 0.08 else str(language)
        name = person_name(rng, kind=kind)
        email = ""
        if rng.random() < 0.92:
            email = unique_email(
                email_local_part(name), rng.choice(CUSTOMER_EMAIL_DOMAINS), taken_emails
            )
        phone = ""
        if rng.random() < 0.85:
            foreign = language == Language.EN and rng.random() < 0.6
            phone = foreign_mobile(rng) if foreign else finnish_mobile(rng)
        rows.append(
            Customer(
                external_id=customer_external_id(number),
                name=name.full,
                email=email,
                phone=phone,
                language=language,
                consent_surveys=rng.random() < 0.86,
                consent_contact=rng.random() < 0.42,
            )
        )
    # Upsert by external id: a re-run keeps each customer's id.
    saved = Customer.objects.bulk_create(
        rows,
        batch_size=BATCH_SIZE,
        update_conflicts=True,
        unique_fields=["external_id"],
        update_fields=[
            "name",
            "email",
            "phone",
            "language",
            "consent_surveys",
            "consent_contact",
            "updated_at",
        ],
    )
    ctx.customers = [
        CustomerRef(customer_id=c.pk, first_name=c.name.split(" ")[0], language=c.language)
        for c in saved
    ]
    ctx.counts["customers"] = len(saved)
    return str(len(saved))
