"""`haven workbook INPUT ...`: find repeat victims in a police incident export (seed 000 s5)."""

from __future__ import annotations

import argparse
import sys
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.workbook.cli import workbook_command
from haven.workbook.import_cli import import_command


def _dispatch(words: list[str], stdout: Any, stderr: Any) -> int:
    """`workbook import ...` imports into referrals; `workbook INPUT ...` only reports."""
    if words[:1] == ["import"]:
        return import_command(words[1:], stdout, stderr)
    return workbook_command(words, stdout, stderr)


class Command(BaseCommand):
    help = (
        "workbook INPUT [--out OUT.csv|OUT.xlsx] [--contract SLUG] [--as-of T] [--identity auto|exact|fuzzy] "
        "[--mapping MAP.yaml] [--engine duckdb|spark] [--strict] | "
        "workbook import INPUT --contract SLUG [--as-of T] [--mapping MAP.yaml] [--identity ...]"
    )

    def run_from_argv(self, argv: list[str]) -> NoReturn:
        # argv is [prog, "workbook", ...]; the engine's own parser reads the rest.
        sys.exit(_dispatch(argv[2:], sys.stdout, sys.stderr))

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("words", nargs=argparse.REMAINDER)

    def handle(self, *args: Any, words: list[str], **options: Any) -> None:
        status = _dispatch(list(words), self.stdout, self.stderr)
        if status:
            raise CommandError("workbook failed", returncode=status)
