"""The one way Kohtaamo stores a secret it must recognise later.

Survey link tokens, API keys, line-up wall-screen secrets and form nonces are
long random strings, so a plain SHA-256 of them is as safe as a slow hash and
lets the database find the row by an index. (Passwords are not such secrets:
they go through Django's Argon2 hasher.)
"""

from __future__ import annotations

import hashlib


def secret_digest(secret: str) -> str:
    """The hex SHA-256 of a random secret, as stored in the database."""
    return hashlib.sha256(secret.encode()).hexdigest()
