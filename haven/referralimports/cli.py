"""`haven import-referrals --contract SLUG --source SOURCE FILE [--team NAME]`.

Imports as the system actor and prints every row's outcome as the run page lists it. Exit 0
when every row was imported (or already was); 1 when some rows were refused; 2 when the file
or the arguments were refused and nothing was imported.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_ROWS_REFUSED = 1
EXIT_REFUSED = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="haven import-referrals",
        description="Import a referral file (the police daily download, Sentinel ASB "
        "referrals): each good row becomes an accepted referral; the same file again "
        "creates nothing twice.",
    )
    parser.add_argument("file", type=Path, help="the referral file: .csv or .xlsx")
    parser.add_argument("--contract", required=True, help="contract slug, e.g. victim-first-2018")
    parser.add_argument("--source", required=True, help="mapping name, e.g. police-daily")
    parser.add_argument(
        "--team",
        help="name of the team in the contract's provider the new cases join (default: none)",
    )
    return parser


def import_referrals_command(
    argv: list[str], stdout: Any = sys.stdout, stderr: Any = sys.stderr
) -> int:
    from haven.accounts.models import Team
    from haven.contracts.models import Contract
    from haven.core.yamlload import YamlInvalid
    from haven.referralimports.mappings import MappingNotFoundError, mapping_for
    from haven.referralimports.models import RunStatus
    from haven.referralimports.services import COUNT_FIELDS, referrals_import_file

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return EXIT_REFUSED if stop.code else EXIT_OK
    contract = Contract.objects.filter(slug=args.contract, is_active=True).first()
    if contract is None:
        print(f"haven import-referrals: no active contract {args.contract!r}", file=stderr)
        return EXIT_REFUSED
    try:
        mapping = mapping_for(args.source)
    except (MappingNotFoundError, YamlInvalid) as error:
        print(f"haven import-referrals: {error}", file=stderr)
        return EXIT_REFUSED
    team = None
    if args.team:
        team = Team.objects.filter(organisation=contract.provider_id, name=args.team).first()
        if team is None:
            print(
                f"haven import-referrals: no team {args.team!r} in {contract.provider}", file=stderr
            )
            return EXIT_REFUSED
    if not args.file.is_file():
        print(f"haven import-referrals: no such file: {args.file}", file=stderr)
        return EXIT_REFUSED
    run = referrals_import_file(
        path=args.file, contract=contract, mapping=mapping, imported_by=None, team=team
    )
    for problem in run.file_problems:
        column = f"{problem['column']}: " if problem["column"] else ""
        print(f"file: refused: {column}{problem['reason']}", file=stdout)
    for row in run.rows.order_by("row_number"):
        line = f"row {row.row_number}: {row.source_id or '-'}: {row.get_outcome_display()}"
        if row.referral is not None:
            line += f" ({row.referral.person.reference_code})"
        print(line, file=stdout)
        for problem in row.problems:
            print(f"row {row.row_number}: {problem['column']}: {problem['reason']}", file=stdout)
    for name in COUNT_FIELDS:
        print(f"{name.replace('_', ' ')}: {getattr(run, name)}", file=stdout)
    print(f"run: {run.pk} ({run.get_status_display()})", file=stdout)
    if run.status == RunStatus.REFUSED:
        print(f"haven import-referrals: {run.error}", file=stderr)
        return EXIT_REFUSED
    if run.refused:
        return EXIT_ROWS_REFUSED
    return EXIT_OK
