"""Writes of customers recorded one at a time (the REST API)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from kohtaamo.encounters.models import Customer, Language

ERROR_CUSTOMER_EXISTS = _("A customer with this external id already exists.")


@transaction.atomic
def customer_create(
    *,
    external_id: str,
    name: str = "",
    email: str = "",
    phone: str = "",
    language: Language = Language.FI,
    consent_surveys: bool = True,
    consent_contact: bool = False,
) -> Customer:
    external_id = external_id.strip()
    if Customer.objects.filter(external_id=external_id).exists():
        raise ValidationError({"external_id": ERROR_CUSTOMER_EXISTS})
    customer = Customer(
        external_id=external_id,
        name=name.strip(),
        email=email.strip(),
        phone=phone.strip(),
        language=language,
        consent_surveys=consent_surveys,
        consent_contact=consent_contact,
    )
    # Checks the e-mail address and the lengths; uniqueness was checked above
    # with a message of our own.
    customer.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            customer.save()
    except IntegrityError as exc:
        # Another request recorded the same customer in between.
        raise ValidationError({"external_id": ERROR_CUSTOMER_EXISTS}) from exc
    return customer
