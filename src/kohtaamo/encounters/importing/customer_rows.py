"""Checking customer rows and turning them into records for the staging table."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from kohtaamo.encounters.importing import messages
from kohtaamo.encounters.importing.errors import ErrorCollector
from kohtaamo.encounters.importing.formats import Columns, RawRow
from kohtaamo.encounters.importing.validation import (
    Problems,
    add,
    add_format_problems,
    boolean,
    report,
    text,
)
from kohtaamo.encounters.models import Language

CUSTOMER_COLUMNS = Columns(
    in_csv=(
        "external_id",
        "name",
        "email",
        "phone",
        "language",
        "consent_surveys",
        "consent_contact",
    ),
    required=("external_id",),
)
LANGUAGES = frozenset(Language.values)


class CustomerRows:
    """Checks rows one by one; `flush()` hands over the good ones as records:

    rn, external_id, name, email, phone, language, consent_surveys, consent_contact

    None means "not given": an update keeps the stored value (a consent that a
    customer withdrew is never switched back on by an empty cell), a new
    customer gets the default."""

    columns = CUSTOMER_COLUMNS

    def __init__(self, *, errors: ErrorCollector) -> None:
        self.errors = errors
        self.rows_rejected = 0
        self._records: list[list[Any]] = []

    @property
    def pending_turns(self) -> int:
        return 0

    def check(self, raw: RawRow) -> None:
        number, values, format_problems = raw
        problems: Problems = []
        if format_problems:
            add_format_problems(problems, format_problems)
            if not values:  # not a row at all: nothing more to say about it
                report(problems, number, self.errors)
                self.rows_rejected += 1
                return
        get = values.get
        external_id = text(get("external_id"), "external_id", 128, problems, required=True)
        name = text(get("name"), "name", 200, problems)
        email = self._email(get("email"), problems)
        phone = text(get("phone"), "phone", 40, problems)
        language = self._language(get("language"), problems)
        consent_surveys = boolean(get("consent_surveys"), "consent_surveys", problems)
        consent_contact = boolean(get("consent_contact"), "consent_contact", problems)
        if problems:
            report(problems, number, self.errors)
            self.rows_rejected += 1
            return
        self._records.append(
            [
                number,
                external_id,
                name or None,
                email or None,
                phone or None,
                language or None,
                consent_surveys,
                consent_contact,
            ]
        )

    def flush(self) -> tuple[list[list[Any]], list[tuple[Any, ...]]]:
        records, self._records = self._records, []
        return records, []

    def _email(self, value: Any, problems: Problems) -> Any:
        email = text(value, "email", 254, problems)
        if not isinstance(email, str) or not email:
            return email
        try:
            validate_email(email)
        except ValidationError:
            return add(problems, "email", messages.ERROR_BAD_EMAIL, "bad_email")
        return email

    def _language(self, value: Any, problems: Problems) -> Any:
        language = text(value, "language", 8, problems)
        if not isinstance(language, str) or not language:
            return language
        language = language.lower()
        if language not in LANGUAGES:
            return add(problems, "language", messages.ERROR_BAD_LANGUAGE, "bad_language")
        return language
