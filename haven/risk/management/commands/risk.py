"""`haven risk validate-checklist FILE...` and `haven risk load-checklist FILE...`.

A service holding a licence for the published checklist wording loads it here; the shipped
definition paraphrases it (haven/risk/checklists/dash-ric-24.yaml).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandParser

from haven.risk.engine import ChecklistInvalid, read_checklist


class Command(BaseCommand):
    help = "Validate risk checklist definitions (file:line, field, reason) or load one."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["validate-checklist", "load-checklist"])
        parser.add_argument("paths", nargs="+", type=Path, help="checklist definition files")

    def handle(self, *args: Any, action: str, paths: list[Path], **options: Any) -> None:
        errors = [error for path in paths for error in read_checklist(path)[1]]
        if errors:
            self._fail(errors)
        if action == "validate-checklist":
            self.stdout.write(f"{len(paths)} checklist definition(s) valid")
            return
        from haven.risk.services import risk_checklist_load

        for path in paths:
            try:
                result = risk_checklist_load(path=path, loaded_by=None)
            except ChecklistInvalid as exc:
                self._fail(exc.errors)
            self.stdout.write(f"checklist {result.key}: {result.outcome}")

    def _fail(self, errors: list[Any]) -> NoReturn:
        for error in errors:
            self.stderr.write(str(error))
        self.stderr.write(f"{len(errors)} error(s)")
        sys.exit(2)
