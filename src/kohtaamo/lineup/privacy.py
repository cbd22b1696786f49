"""How customers appear outside their encounter page: by first name or
initials, and never with an e-mail address or phone number (issue 6).

A story's text is the teller's (or the customer's own) words, so it can name
the customer in full or quote contact details; those are shortened here, on
the way to the page, rather than rewritten in the stored story.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# International or Finnish numbers: +358 40 123 4567, 040-1234567, (09) 123 456.
PHONE = re.compile(r"(?<!\w)(\+|00)?\(?\d[\d ()-]{5,}\d(?!\w)")
HIDDEN = "…"


def customer_first_name(name: str) -> str:
    parts = name.split()
    return parts[0] if parts else ""


def customer_initials(name: str) -> str:
    return " ".join(f"{part[0]}." for part in name.split() if part[:1].isalpha())


def redact_contacts(text: str) -> str:
    return PHONE.sub(HIDDEN, EMAIL.sub(HIDDEN, text))


def shorten_customer(text: str, *, name: str, email: str, phone: str, short: str) -> str:
    """The text with the customer's full name shortened and any e-mail or phone removed."""
    if name.strip() and " " in name.strip():
        text = re.sub(re.escape(name.strip()), short, text, flags=re.IGNORECASE)
    for detail in (email, phone):
        if detail.strip():
            text = text.replace(detail.strip(), HIDDEN)
    return redact_contacts(text)
