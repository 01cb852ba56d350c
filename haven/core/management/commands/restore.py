"""`haven restore FILE`: replace the database with an encrypted backup (haven/core/backup.py).

Everything is checked before the database is touched; the restore is all or nothing."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from haven.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Replace the database with the content of an encrypted backup FILE (all or nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="a file written by `haven backup`")

    def handle(self, *args: Any, file: Path, **options: Any) -> None:
        try:
            header = restore(file)
        except BackupError as exc:
            self.stderr.write(f"Restore refused: {exc}")
            sys.exit(2)
        self.stdout.write(
            f"Restored the {header['vendor']} backup made at {header['created_at']}. "
            "Run `haven migrate` if this Haven is newer than the backup."
        )
