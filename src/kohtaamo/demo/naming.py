"""Names, e-mail addresses and phone numbers for demo people."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

from kohtaamo.demo.vocabulary import names


@dataclass(frozen=True)
class PersonName:
    first: str
    last: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


def person_name(rng: random.Random, *, kind: str) -> PersonName:
    """A name of the given kind: "fi" (Finnish), "sv" (Finland-Swedish) or "en"."""
    if kind == "sv":
        first = rng.choice(rng.choice((names.SWEDISH_WOMEN, names.SWEDISH_MEN)))
        # Many Swedish-speaking Finns carry a Finnish first name, and vice versa.
        if rng.random() < 0.2:
            first = rng.choice(rng.choice((names.FINNISH_WOMEN, names.FINNISH_MEN)))
        return PersonName(first, rng.choice(names.SWEDISH_SURNAMES))
    if kind == "en":
        return PersonName(
            rng.choice(names.INTERNATIONAL_FIRST), rng.choice(names.INTERNATIONAL_SURNAMES)
        )
    first = rng.choice(rng.choice((names.FINNISH_WOMEN, names.FINNISH_MEN)))
    return PersonName(first, rng.choice(names.FINNISH_SURNAMES))


def email_local_part(name: PersonName) -> str:
    """ "Anna-Liisa Mäkelä" → "anna-liisa.makela"; "de Vries" → "devries"."""

    def ascii_slug(text: str) -> str:
        plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        return re.sub(r"[^a-z0-9-]", "", plain.lower())

    return f"{ascii_slug(name.first)}.{ascii_slug(name.last)}"


def unique_email(local: str, domain: str, taken: set[str]) -> str:
    """The address, with a number added when a namesake already has it."""
    email = f"{local}@{domain}"
    number = 2
    while email in taken:
        email = f"{local}{number}@{domain}"
        number += 1
    taken.add(email)
    return email


def finnish_mobile(rng: random.Random) -> str:
    prefix = rng.choice(names.FINNISH_MOBILE_PREFIXES)
    digits = f"{rng.randrange(10_000_000):07d}"
    return f"+358 {prefix} {digits[:3]} {digits[3:]}"


def foreign_mobile(rng: random.Random) -> str:
    # Ofcom keeps 07700 900000–900999 for drama: no real phone rings.
    return f"+44 7700 900{rng.randrange(1000):03d}"
