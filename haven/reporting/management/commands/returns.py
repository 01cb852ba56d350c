"""`haven returns CONTRACT (--period P | --from DATE --to DATE) [--format json|csv|xlsx|pdf] [--out FILE]`."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.contracts.models import Contract
from haven.contracts.profiles.stored import profile_of
from haven.reporting.exports import FORMATS, render
from haven.reporting.periods import PeriodError, date_range, parse_period
from haven.reporting.selectors_return import contract_return_export


class Command(BaseCommand):
    help = (
        "A contract's return for a period: YYYY-Qn is quarter n of the contract year starting in "
        "YYYY (Victim First 2026-Q1 = April-June 2026; Wokingham 2026-Q1 = July-September 2026)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("contract", help="the contract's slug, e.g. victim-first-2018")
        parser.add_argument("--period", help="2026-Q1, 2026-04 (a month), 2026-H1 or 2026-Y")
        parser.add_argument("--from", dest="first", type=_date, help="first date, YYYY-MM-DD")
        parser.add_argument("--to", dest="last", type=_date, help="last date, YYYY-MM-DD")
        parser.add_argument("--format", default="json", choices=sorted(FORMATS))
        parser.add_argument(
            "--out", type=Path, help="write to this file (default: standard output)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        contract = Contract.objects.filter(slug=options["contract"]).first()
        if contract is None:
            known = ", ".join(Contract.objects.order_by("slug").values_list("slug", flat=True))
            raise CommandError(
                f"unknown contract {options['contract']!r}; known: {known or 'none (run haven profiles load)'}"
            )
        profile = profile_of(contract)
        try:
            if options["period"] and (options["first"] or options["last"]):
                raise PeriodError("give --period or --from and --to, not both")
            if options["period"]:
                period = parse_period(options["period"], profile.contract_year_start)
            elif options["first"] and options["last"]:
                period = date_range(options["first"], options["last"])
            else:
                raise PeriodError("give --period (e.g. 2026-Q1) or both --from and --to")
        except PeriodError as exc:
            raise CommandError(str(exc)) from None
        data, charts = contract_return_export(contract, period, options["format"])
        content = render(data, options["format"], charts)
        if options["out"]:
            options["out"].write_bytes(content)
            self.stderr.write(f"wrote {options['out']} ({len(content):,} bytes)")
        else:
            sys.stdout.buffer.write(content)
            sys.stdout.flush()


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a date: write YYYY-MM-DD") from None
