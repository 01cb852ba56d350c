"""`haven backup --out FILE`: an encrypted backup of the database (haven/core/backup.py)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from haven.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Write an encrypted backup of the database (HAVEN_BACKUP_KEYS) to FILE."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", type=Path, required=True, help="the backup file to write")

    def handle(self, *args: Any, out: Path, **options: Any) -> None:
        try:
            info = backup(out)
        except BackupError as exc:
            self.stderr.write(f"Backup failed: {exc}")
            sys.exit(2)
        self.stdout.write(
            f"Backed up the {info.vendor} database to {out}: {info.size} bytes before encryption, "
            f"SHA-256 {info.sha256[:16]}…"
        )
