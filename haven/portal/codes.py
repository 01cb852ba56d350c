"""One-time codes a person without an account uses: to join a booked web chat, to collect the
answer to a quick question. Shown once; only an HMAC of the code is stored (a database copy
gives nobody a way in), and comparison is by that hash."""

from __future__ import annotations

import secrets

from django.utils.crypto import salted_hmac

# Crockford's base32 without I, L, O, U: nothing to misread when copied from a screen.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10  # 50 bits: with rate-limited tries, not guessable
_SALT = "haven.portal.codes"


def new_code() -> str:
    """A fresh code for the person to keep, grouped for reading: ``7KQ2M-XW9PD``."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def normalise(code: str) -> str:
    """What the person typed, as stored: capitals, no spaces or dashes, O read as 0, I/L as 1."""
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    return cleaned.translate(str.maketrans("OIL", "011"))


def code_hash(code: str) -> str:
    """The stored form of a code (hex HMAC-SHA256 keyed by SECRET_KEY)."""
    return salted_hmac(_SALT, normalise(code), algorithm="sha256").hexdigest()
