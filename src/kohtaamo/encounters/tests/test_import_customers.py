"""The import rule for customers (services.customers_import)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kohtaamo.encounters import services
from kohtaamo.encounters.importing import messages
from kohtaamo.encounters.models import Customer, ImportKind
from kohtaamo.encounters.tests.import_support import as_csv_rows, customer_row, write_customers_csv
from kohtaamo.testing.factories import CustomerFactory

pytestmark = pytest.mark.django_db

FIELDS = ("external_id", "name", "email", "phone", "language", "consent_surveys", "consent_contact")


def customers() -> list[tuple[Any, ...]]:
    return list(Customer.objects.order_by("external_id").values_list(*FIELDS))


def test_customers_are_created_then_updated_by_external_id(tmp_path: Path) -> None:
    path = write_customers_csv(
        tmp_path / "c.csv",
        [
            customer_row(),
            customer_row(
                external_id="CRM-2002",
                name="Bengt Lindqvist",
                email="bengt.lindqvist@example.com",
                language="sv",
            ),
        ],
    )
    services.file_import(kind=ImportKind.CUSTOMERS, path=path)

    result = services.customers_import(
        rows=as_csv_rows([customer_row(phone="+358 50 765 4321", consent_contact="kyllä")])
    )

    assert (result.created, result.updated) == (0, 1)
    assert customers() == [
        (
            "CRM-2001",
            "Ritva Rantanen",
            "ritva.rantanen@example.com",
            "+358 50 765 4321",
            "fi",
            True,
            True,
        ),
        (
            "CRM-2002",
            "Bengt Lindqvist",
            "bengt.lindqvist@example.com",
            "+358 40 123 4567",
            "sv",
            True,
            False,
        ),
    ]


def test_an_empty_consent_never_switches_a_withdrawn_one_back_on() -> None:
    # Given a customer who asked not to be sent surveys
    CustomerFactory(external_id="CRM-2001", consent_surveys=False)

    # When the CRM's export, with no consent column filled in, is imported
    result = services.customers_import(
        rows=as_csv_rows([customer_row(consent_surveys="", consent_contact="")])
    )

    # Then the refusal stands
    assert result.updated == 1
    assert Customer.objects.get().consent_surveys is False


def test_a_new_customer_gets_the_defaults_for_empty_values() -> None:
    services.customers_import(
        rows=as_csv_rows([{"external_id": "CRM-9", "language": "", "consent_surveys": ""}])
    )

    assert customers() == [("CRM-9", "", "", "", "fi", True, False)]


@pytest.mark.parametrize(
    ("values", "column", "message"),
    [
        ({"language": "de"}, "language", messages.ERROR_BAD_LANGUAGE),
        ({"email": "ritva(at)example.com"}, "email", messages.ERROR_BAD_EMAIL),
        ({"consent_surveys": "ehkä"}, "consent_surveys", messages.ERROR_BAD_BOOLEAN),
        ({"external_id": ""}, "external_id", messages.ERROR_REQUIRED),
        ({"phone": "0" * 41}, "phone", messages.ERROR_TOO_LONG),
    ],
)
def test_each_bad_customer_value_is_reported(
    values: dict[str, str], column: str, message: Any
) -> None:
    rows = [customer_row(external_id="CRM-1"), customer_row(**{"external_id": "CRM-2", **values})]

    result = services.customers_import(rows=as_csv_rows(rows))

    expected = str(message) % {"max": 40} if "%(max)s" in str(message) else str(message)
    assert [(e.row, e.column, e.message) for e in result.errors] == [(3, column, expected)]
    assert Customer.objects.count() == 0


def test_a_repeated_customer_is_reported_and_partial_keeps_the_first() -> None:
    rows = [customer_row(), customer_row(name="Toinen Ritva")]

    result = services.customers_import(rows=as_csv_rows(rows), partial=True)

    assert [(e.row, e.column, e.code) for e in result.errors] == [
        (3, "external_id", "duplicate_id")
    ]
    assert [c[1] for c in customers()] == ["Ritva Rantanen"]
