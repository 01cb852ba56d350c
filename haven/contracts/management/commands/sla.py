"""`haven sla explain CONTRACT ...`: every deadline that applies, with its rule and reason."""

from __future__ import annotations

import argparse
import sys
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.contracts.sla import explain_command


class Command(BaseCommand):
    help = (
        "sla explain CONTRACT [--method M] [--risk R] [--priority P] [--received T] [--incident T] "
        "[--accepted T] [--entered T]: print each deadline that applies, its due time, rule and citation."
    )

    def run_from_argv(self, argv: list[str]) -> NoReturn:
        # argv is [prog, "sla", ...]; the pure command parses the rest itself.
        sys.exit(explain_command(argv[2:], sys.stdout, sys.stderr))

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("words", nargs=argparse.REMAINDER)

    def handle(self, *args: Any, words: list[str], **options: Any) -> None:
        """For call_command(): same behaviour as the console."""
        status = explain_command(list(words), self.stdout, self.stderr)
        if status:
            raise CommandError("sla explain failed", returncode=status)
