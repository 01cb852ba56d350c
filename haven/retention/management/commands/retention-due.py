# ruff: noqa: N999 - `haven retention-due` (the command name is the file name)
"""`haven retention-due`: enqueue the retention job that lists what is due for review (a systemd
timer runs it daily; running it twice adds nothing new)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from haven.retention.tasks import retention_due


class Command(BaseCommand):
    help = "List the records the retention schedule makes due into the data protection officer's review queue"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--now",
            action="store_true",
            help="run the job in this process instead of enqueueing it for the task worker",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["now"]:
            outcome = retention_due.call()
            self.stdout.write(_summary(outcome))
            return
        result = retention_due.enqueue()
        if result.is_finished and result.return_value is not None:  # ImmediateBackend
            self.stdout.write(_summary(result.return_value))
        else:
            self.stdout.write(f"retention job enqueued ({result.id})")


def _summary(outcome: dict[str, int]) -> str:
    return (
        f"{outcome['added']} new item(s) due for review, {outcome['back_from_deferral']} back "
        f"from deferral, {outcome['held']} held by a legal hold"
    )
