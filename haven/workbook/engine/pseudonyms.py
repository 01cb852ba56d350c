"""Victim keys: a keyed SHA-256 of the resolved identity, truncated; never the name itself.

The key is SHA-256(secret || '|' || identity) cut to 80 bits, where the secret is 128 bits of
SHA-256(key) written as 32 hex digits. Cutting the digest removes the length-extension weakness
of a plain secret-prefix hash, and a message under 56 bytes is one hash block per row, a quarter
of HMAC's four, which matters at 10 million rows.
"""

from __future__ import annotations

import hashlib

from .sql_text import literal

KEY_HEX_CHARS = 20  # 80 bits: collisions are negligible at national scale
SECRET_HEX_CHARS = 32  # 128 bits: leaves 22 bytes of identity within one SHA-256 block


def _secret_text(secret: bytes) -> str:
    return hashlib.sha256(secret).hexdigest()[:SECRET_HEX_CHARS]


def victim_key(secret: bytes, identity: str) -> str:
    """The pseudonymous key for one identity (the SQL below gives the same value)."""
    message = f"{_secret_text(secret)}|{identity}".encode()
    return hashlib.sha256(message).hexdigest()[:KEY_HEX_CHARS]


def victim_key_sql(secret: bytes, identity_expression: str) -> str:
    """The same key computed by DuckDB, where the rows are."""
    prefix = literal(_secret_text(secret) + "|")
    return f"left(sha256({prefix} || {identity_expression}), {KEY_HEX_CHARS})"
