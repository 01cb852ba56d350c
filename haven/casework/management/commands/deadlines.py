"""`haven deadlines refresh`: mark overdue open tasks breached (run from cron or a systemd timer)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from haven.casework.services import tasks_mark_breached


class Command(BaseCommand):
    help = (
        "deadlines refresh: mark every open task past its due time as breached (audited as system)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["refresh"])

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        count = tasks_mark_breached()
        self.stdout.write(f"{count} task{'s' if count != 1 else ''} marked breached")
