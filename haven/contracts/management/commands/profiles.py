"""`haven profiles validate [PATH...]` and `haven profiles load [PATH...]`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from haven.contracts.profiles.validate import ProfileInvalid, profile_paths, validate_paths


class Command(BaseCommand):
    help = "Validate contract profiles (file:line, field, reason) or load them into the database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["validate", "load"])
        parser.add_argument(
            "paths", nargs="*", type=Path, help="profile files (default: every shipped profile)"
        )

    def handle(self, *args: Any, action: str, paths: list[Path], **options: Any) -> None:
        chosen = paths or profile_paths()
        errors = validate_paths(chosen)
        if errors:
            for error in errors:
                self.stderr.write(str(error))
            self.stderr.write(
                f"{len(errors)} error(s) in {len({e.path for e in errors})} profile(s)"
            )
            sys.exit(2)
        if action == "validate":
            self.stdout.write(f"{len(chosen)} profile(s) valid")
            return
        from haven.contracts.services import contract_profiles_load

        try:
            report = contract_profiles_load(paths=chosen, loaded_by=None)
        except ProfileInvalid as exc:  # a file changed between validation and load
            self.stderr.write(str(exc))
            sys.exit(2)
        self.stdout.write(
            f"profiles loaded: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged"
        )
