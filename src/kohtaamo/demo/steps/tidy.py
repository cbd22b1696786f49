"""Remove what an earlier demo made and this one did not: customers beyond
this run's number and the staff of another seed.

Only rows carrying the demo markers are touched, and a row that something
else still refers to is kept (a person is then only deactivated).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import ProtectedError, Q

from kohtaamo.demo.context import DEMO_CUSTOMER_PREFIX, DEMO_EMAIL_DOMAIN, DemoContext
from kohtaamo.demo.steps.customers import CUSTOMER_NUMBER_DIGITS, customer_external_id
from kohtaamo.encounters.models import Customer
from kohtaamo.org.models import TeamMembership, UnitManager

LABEL = "Leftovers of earlier runs"


def run(ctx: DemoContext) -> str:
    customers = _customers_tidy(last_external_id=customer_external_id(ctx.scale.customers))
    people = _people_tidy(current_ids=set(ctx.staff))
    return f"{customers} customers, {people} people removed"


def _customers_tidy(*, last_external_id: str) -> int:
    leftovers = Customer.objects.filter(external_id__startswith=DEMO_CUSTOMER_PREFIX).filter(
        Q(external_id__gt=last_external_id)
        | ~Q(external_id__regex=rf"^{DEMO_CUSTOMER_PREFIX}[0-9]{{{CUSTOMER_NUMBER_DIGITS}}}$")
    )
    deleted, _ = leftovers.filter(encounters__isnull=True).delete()
    return deleted


def _people_tidy(*, current_ids: set[int]) -> int:
    removed = 0
    stale = (
        get_user_model()
        .objects.filter(email__endswith=f"@{DEMO_EMAIL_DOMAIN}")
        .exclude(pk__in=current_ids)
    )
    for person in stale:
        try:
            with transaction.atomic():
                person.delete()
            removed += 1
        except ProtectedError:
            # Someone else's data (an import, an encounter) still names them.
            TeamMembership.objects.filter(user=person).delete()
            UnitManager.objects.filter(user=person).delete()
            person.is_active = False
            person.save(update_fields=["is_active"])
    return removed
