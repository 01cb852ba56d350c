"""Field-level encryption at rest: MultiFernet ciphers and HMAC blind indexes
(docs/adr/0019-field-encryption.md).

A stored value is ``hv1:`` followed by a Fernet token (AES-128-CBC with HMAC-SHA256, a timestamp
and the key's own integrity check). The prefix names the scheme so that a later one can be told
apart. Keys come from settings, newest first: the newest encrypts, every listed key decrypts,
and `haven keys rotate` re-encrypts old tokens with the newest. An empty value is stored empty
(so "has a phone number" still works in SQL); nothing else about the plaintext is visible but
its approximate length.

A blind index is an HMAC-SHA256 of a normalised value under a separate key: equal values give
equal indexes, so an exact lookup works in SQL without the plaintext or the field keys.
"""

from __future__ import annotations

import binascii
import hashlib
import hmac
from dataclasses import dataclass
from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver

PREFIX = "hv1:"


class DecryptionError(Exception):
    """A stored token that none of the configured keys opens (wrong keys, or a damaged value).

    The message never contains the token or any plaintext."""


@dataclass(frozen=True)
class AsIs:
    """A value an encrypted field stores as it is: a token already made (rotation), or the
    plaintext when a migration is reversed."""

    value: Any


def fernet_of(key: str, setting: str) -> Fernet:
    try:
        return Fernet(key.encode("ascii"))
    except (ValueError, binascii.Error, UnicodeEncodeError) as exc:
        raise ImproperlyConfigured(
            f"{setting}: a key is not a Fernet key (32 url-safe base64-encoded bytes); "
            "make one with `haven keys generate`"
        ) from exc


def multi_fernet(keys: list[str], setting: str) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured(f"{setting}: no keys")
    return MultiFernet([fernet_of(key, setting) for key in keys])


def generate_key() -> str:
    return Fernet.generate_key().decode("ascii")


class FieldCipher:
    """Encrypts with the newest key, decrypts with any."""

    def __init__(self, keys: list[str], setting: str = "HAVEN_FIELD_KEYS") -> None:
        self.multi = multi_fernet(keys, setting)
        self.newest = fernet_of(keys[0], setting)

    def encrypt(self, plaintext: str) -> str:
        return PREFIX + self.multi.encrypt(plaintext.encode("utf-8")).decode("ascii")

    def decrypt(self, stored: str) -> str:
        if not is_token(stored):
            return stored  # not yet encrypted (a row older than its migration): as it is
        try:
            return self.multi.decrypt(stored[len(PREFIX) :].encode("ascii")).decode("utf-8")
        except (InvalidToken, UnicodeError) as exc:
            raise DecryptionError(
                "a stored value cannot be decrypted with HAVEN_FIELD_KEYS: is a key missing?"
            ) from exc

    def is_current(self, stored: str) -> bool:
        """True when the newest key alone opens the token (nothing for rotation to do)."""
        if not is_token(stored):
            return False
        try:
            self.newest.decrypt(stored[len(PREFIX) :].encode("ascii"))
        except InvalidToken:
            return False
        return True

    def rotate(self, stored: str) -> AsIs:
        """The value re-encrypted with the newest key (a plaintext value encrypted)."""
        return AsIs(self.encrypt(self.decrypt(stored)))


def is_token(stored: str) -> bool:
    return stored.startswith(PREFIX)


@cache
def field_cipher() -> FieldCipher:
    return FieldCipher(list(settings.HAVEN_FIELD_KEYS))


def encrypt(plaintext: str) -> str:
    return field_cipher().encrypt(plaintext)


def decrypt(stored: str) -> str:
    return field_cipher().decrypt(stored)


def blind_index(value: str, *, purpose: str) -> str:
    """HMAC-SHA256 (hex) of the value under the blind-index key, per purpose (so the same phone
    number in two different fields gives unrelated indexes); "" for an empty value."""
    if not value:
        return ""
    key = settings.HAVEN_BLIND_INDEX_KEY.encode("utf-8")
    message = f"{purpose}\x00{value}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def normalise_phone(phone: str) -> str:
    """Digits only, a UK +44 number as its national 0 form: the form a blind index is made of,
    so "+44 7700 900123" and "07700900123" are the same number."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if digits.startswith("44") and phone.strip().startswith(("+", "00")):
        digits = "0" + digits[2:]
    elif digits.startswith("0044"):
        digits = "0" + digits[4:]
    return digits


def phone_index(phone: str) -> str:
    return blind_index(normalise_phone(phone), purpose="phone")


def key_fingerprint(key: str) -> str:
    """A short, non-secret name for a key (the first 8 hex digits of its SHA-256)."""
    return hashlib.sha256(key.encode("ascii")).hexdigest()[:8]


@receiver(setting_changed)
def _reset(*, setting: str, **kwargs: object) -> None:
    if setting == "HAVEN_FIELD_KEYS":
        field_cipher.cache_clear()
