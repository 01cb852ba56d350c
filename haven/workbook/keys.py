"""The pseudonym key the workbook engine keys victims with, from Django's settings."""

from __future__ import annotations

from django.conf import settings

from haven.workbook.engine.settings import DEMO_PSEUDONYM_KEY


def workbook_pseudonym_key() -> bytes:
    """`HAVEN_WORKBOOK_KEY` (or `_FILE`, read by haven/settings.py); the demo key otherwise.

    Production does not start without a real key (haven/settings.py).
    """
    key = str(getattr(settings, "HAVEN_WORKBOOK_KEY", "") or "")
    return key.encode("utf-8") if key else DEMO_PSEUDONYM_KEY
