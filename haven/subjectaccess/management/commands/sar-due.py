# ruff: noqa: N999 - the command is `haven sar-due`, as the brief names it
"""`haven sar-due`: open subject access requests that are overdue or due soon, for the data
protection officer (reference.md s7). Only request ids and reference codes are printed, never
a name."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from haven.subjectaccess.selectors import all_due


class Command(BaseCommand):
    help = "List subject access requests that are overdue or due within 7 days"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--all", action="store_true", help="list every open request")

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        dues = [d for d in all_due(today) if options["all"] or d.overdue or d.due_soon]
        if not dues:
            self.stdout.write("No subject access requests overdue or due within 7 days.")
            return
        for due in dues:
            status = (
                f"OVERDUE by {-due.days_left} days"
                if due.overdue
                else f"due in {due.days_left} days"
            )
            stopped = " (clock stopped)" if due.clock_stopped else ""
            self.stdout.write(
                f"{due.sar.pk}  {due.sar.person.reference_code}  due {due.due_on.isoformat()}  "
                f"{status}{stopped}  {due.sar.get_state_display()}"
            )
        overdue = sum(1 for due in dues if due.overdue)
        self.stdout.write(f"{len(dues)} listed, {overdue} overdue.")
