# ruff: noqa: N999 - the command is `haven outbox-status`, as the issue names it
"""`haven outbox-status`: ask GOV.UK Notify what became of every email and text still going
(run from cron, like `haven deadlines refresh`). Delivered or failed lands on the case timeline."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from haven.outbox.notify import NotifyNotConfiguredError
from haven.outbox.services import delivery_status_refresh


class Command(BaseCommand):
    help = "Refresh the delivery status of sent emails and texts from GOV.UK Notify"

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            changed = delivery_status_refresh()
        except NotifyNotConfiguredError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{changed} message(s) with a new delivery status")
