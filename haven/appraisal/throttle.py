"""A rate limit for the appraisal's public link page (like the portal's public forms: a few
tries an hour from one client), kept in Django's cache under an HMAC of the client address
(the address itself is never stored). In production the cache is Redis (settings), so the
limit holds across the server's workers."""

from __future__ import annotations

from django.core.cache import cache
from django.utils.crypto import salted_hmac

TRIES_AN_HOUR = 20
WINDOW_SECONDS = 3600


def try_allowed(address: str) -> bool:
    """Count one try from this client; False once it has used its tries this hour."""
    key = (
        "appraisal-tries:"
        + salted_hmac("haven.appraisal.tries", address or "unknown", algorithm="sha256").hexdigest()
    )
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        tries = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        tries = 1
    return tries <= TRIES_AN_HOUR
