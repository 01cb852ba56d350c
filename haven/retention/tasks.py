"""The scheduled retention job (Django's built-in ``django.tasks``; django-tasks-db in production).

``haven retention-due`` (a systemd timer) enqueues it; with the ImmediateBackend (development,
tests) it runs at once, in production the ``db_worker`` runs it.
"""

from __future__ import annotations

from django.tasks import task

from haven.retention.services import retention_scan


@task()
def retention_due() -> dict[str, int]:
    """List what the retention schedule makes due into the review queue (idempotent)."""
    result = retention_scan()
    return {
        "added": result.added,
        "back_from_deferral": result.back_from_deferral,
        "held": result.held,
    }
