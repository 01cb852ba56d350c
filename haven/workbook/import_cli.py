"""`haven workbook import INPUT --contract SLUG ...`: eligible incidents become referrals."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from haven.workbook.cli import EXIT_OK, EXIT_UNUSABLE_INPUT, iso_moment, parse_args
from haven.workbook.engine import IDENTITY_MODES, ColumnMapping, MappingError, load_mapping


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="haven workbook import",
        description="Import a police export: each eligible incident (seed 000 s5) becomes an "
        "accepted referral with its case and 24-hour first-contact task; run it again on the "
        "same or an overlapping export and nothing is imported twice.",
    )
    parser.add_argument("input", type=Path, help="the police export: .csv, .xlsx or .parquet")
    parser.add_argument("--contract", default="opcc-dv360", help="contract slug (loaded)")
    parser.add_argument("--as-of", type=iso_moment, help="ISO time the export was taken")
    parser.add_argument("--identity", choices=IDENTITY_MODES, default="auto")
    parser.add_argument("--mapping", type=Path, help="YAML file renaming the force's columns")
    parser.add_argument(
        "--team",
        help="name of the team in the contract's provider the new cases join (default: none, "
        "so only service managers see them until they are allocated)",
    )
    return parser


def import_command(
    argv: list[str], stdout: TextIO = sys.stdout, stderr: TextIO = sys.stderr
) -> int:
    """Run the import as the system actor; prints the run's counts. Exit 2 when it failed."""
    from haven.accounts.models import Team
    from haven.contracts.models import Contract
    from haven.workbook.models import RunStatus
    from haven.workbook.services import COUNT_FIELDS, workbook_import

    args = parse_args(build_parser(), argv, stdout, stderr)
    if isinstance(args, int):
        return args
    contract = Contract.objects.filter(slug=args.contract, is_active=True).first()
    if contract is None:
        print(f"haven workbook import: no active contract {args.contract!r}", file=stderr)
        return EXIT_UNUSABLE_INPUT
    team = None
    if args.team:
        team = Team.objects.filter(organisation=contract.provider_id, name=args.team).first()
        if team is None:
            print(
                f"haven workbook import: no team {args.team!r} in {contract.provider}", file=stderr
            )
            return EXIT_UNUSABLE_INPUT
    if not args.input.is_file():
        print(f"haven workbook import: no such file: {args.input}", file=stderr)
        return EXIT_UNUSABLE_INPUT
    try:
        mapping = load_mapping(args.mapping) if args.mapping else ColumnMapping()
    except MappingError as error:
        print(f"haven workbook import: {error}", file=stderr)
        return EXIT_UNUSABLE_INPUT
    run = workbook_import(
        path=args.input,
        contract=contract,
        imported_by=None,
        as_of=args.as_of,
        identity=args.identity,
        mapping=mapping,
        team=team,
    )
    for issue in run.issues[:50]:
        print(
            f"row {issue['row']}: {issue['severity']}: {issue['field']}: {issue['reason']}",
            file=stdout,
        )
    for field in COUNT_FIELDS:
        print(f"{field.replace('_', ' ')}: {getattr(run, field)}", file=stdout)
    print(f"run: {run.pk} ({run.get_status_display()})", file=stdout)
    if run.status == RunStatus.FAILED:
        print(f"haven workbook import: {run.error}", file=stderr)
        return EXIT_UNUSABLE_INPUT
    return EXIT_OK
