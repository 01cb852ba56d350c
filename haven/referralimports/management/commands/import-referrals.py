# ruff: noqa: N999 - the command is named as the issue asks: haven import-referrals
"""`haven import-referrals --contract SLUG --source SOURCE FILE`: see haven/referralimports/cli.py."""

from __future__ import annotations

import argparse
import sys
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.referralimports.cli import import_referrals_command


class Command(BaseCommand):
    help = "import-referrals --contract SLUG --source police-daily|sentinel-asb FILE [--team NAME]"

    def run_from_argv(self, argv: list[str]) -> NoReturn:
        # argv is [prog, "import-referrals", ...]; the command's own parser reads the rest.
        sys.exit(import_referrals_command(argv[2:], sys.stdout, sys.stderr))

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("words", nargs=argparse.REMAINDER)

    def handle(self, *args: Any, words: list[str], **options: Any) -> None:
        status = import_referrals_command(list(words), self.stdout, self.stderr)
        if status:
            raise CommandError("import-referrals refused rows", returncode=status)
