"""`haven keys generate` and `haven keys rotate` (ADR 0019, docs/deploy.md "Keys").

generate prints new keys (nothing is stored: put them in files readable only by Haven);
rotate re-encrypts every encrypted field with the newest of HAVEN_FIELD_KEYS, in batches, and
recomputes the blind indexes with HAVEN_BLIND_INDEX_KEY; it reports counts, is idempotent and
can be rerun after an interruption.
"""

from __future__ import annotations

import secrets
import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from haven.core.encryption import generate_key, key_fingerprint
from haven.core.key_rotation import RotationCount, RotationError, rotate_all

KINDS = ("field", "blind-index", "backup")


class Command(BaseCommand):
    help = "Generate encryption keys, or re-encrypt every encrypted field with the newest key."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["generate", "rotate"])
        parser.add_argument(
            "--kind", choices=KINDS, help="generate: only this kind of key (default: all three)"
        )
        parser.add_argument("--batch-size", type=int, default=500, help="rotate: rows per batch")
        parser.add_argument(
            "--dry-run", action="store_true", help="rotate: count what would change, write nothing"
        )

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        if action == "generate":
            self._generate(options["kind"])
        else:
            self._rotate(options["batch_size"], options["dry_run"])

    def _generate(self, kind: str | None) -> None:
        keys = {
            "field": ("HAVEN_FIELD_KEYS", generate_key()),
            "blind-index": ("HAVEN_BLIND_INDEX_KEY", secrets.token_urlsafe(32)),
            "backup": ("HAVEN_BACKUP_KEYS", generate_key()),
        }
        for name in [kind] if kind else KINDS:
            setting, key = keys[name]
            self.stdout.write(f"{setting}={key}")
        self.stderr.write(
            "Store each key in its own file readable only by Haven (HAVEN_FIELD_KEYS_FILE, ...), "
            "and keep a copy apart from the database backups: without the field keys the "
            "encrypted fields cannot be read, with them a stolen backup can."
        )

    def _rotate(self, batch_size: int, dry_run: bool) -> None:
        if batch_size < 1:
            self.stderr.write("--batch-size must be at least 1")
            sys.exit(2)
        newest = key_fingerprint(settings.HAVEN_FIELD_KEYS[0])
        self.stdout.write(
            f"{'Checking' if dry_run else 'Re-encrypting'} with the newest field key ({newest}; "
            f"{len(settings.HAVEN_FIELD_KEYS)} key(s) configured)"
        )

        def progress(count: RotationCount) -> None:
            self.stdout.write(
                f"  {count.model}: {count.rows} row(s), {count.reencrypted} value(s) "
                f"{'to re-encrypt' if dry_run else 're-encrypted'}, {count.current} already "
                f"current, {count.reindexed} blind index(es) {'to update' if dry_run else 'updated'}"
            )

        try:
            report = rotate_all(batch_size=batch_size, dry_run=dry_run, progress=progress)
        except RotationError as exc:
            self.stderr.write(f"Stopped: {exc}. Batches before it are done; rerun to carry on.")
            sys.exit(2)
        self.stdout.write(
            f"{report.reencrypted} value(s) {'to re-encrypt' if dry_run else 're-encrypted'}, "
            f"{report.reindexed} blind index(es) {'to update' if dry_run else 'updated'}"
        )
        if not dry_run and report.reencrypted == 0:
            self.stdout.write(
                "Every value uses the newest key: older keys may now be removed from "
                "HAVEN_FIELD_KEYS (keep them with old backups)."
            )
