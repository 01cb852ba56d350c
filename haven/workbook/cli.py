"""`haven workbook INPUT ...`: find repeat victims in a police incident export (seed 000 s5)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import TextIO

import duckdb

from haven.workbook.engine import (
    ENGINES,
    IDENTITY_MODES,
    ColumnMapping,
    MappingError,
    WorkbookInputError,
    WorkbookResult,
    load_mapping,
    run_workbook,
    settings_for_contract,
)
from haven.workbook.keys import workbook_pseudonym_key

EXIT_OK, EXIT_INVALID_ROWS, EXIT_UNUSABLE_INPUT = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="haven workbook",
        description="Find domestic incidents whose victim appears in 2 to 6 other incidents "
        "in the prior 365 days (seed 000 s5) and say when to phone (24 h).",
    )
    parser.add_argument("input", type=Path, help="the police export: .csv, .xlsx or .parquet")
    parser.add_argument(
        "--out", type=Path, help="write .csv, .xlsx or .parquet (default: summary only)"
    )
    parser.add_argument("--contract", default="opcc-dv360", help="contract profile slug")
    parser.add_argument(
        "--as-of", type=iso_moment, help="ISO time the export was taken (default: now)"
    )
    parser.add_argument("--identity", choices=IDENTITY_MODES, default="auto")
    parser.add_argument("--mapping", type=Path, help="YAML file renaming the force's columns")
    parser.add_argument("--engine", choices=ENGINES, default="duckdb")
    parser.add_argument("--strict", action="store_true", help="exit 1 when any row is invalid")
    return parser


def iso_moment(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not an ISO date and time: {text}") from error
    if moment.tzinfo is None:
        from zoneinfo import ZoneInfo

        moment = moment.replace(tzinfo=ZoneInfo("Europe/London"))
    return moment


def parse_args(
    parser: argparse.ArgumentParser, argv: list[str], stdout: TextIO, stderr: TextIO
) -> argparse.Namespace | int:
    """The parsed arguments, or the exit status argparse chose (help, usage errors)."""
    try:
        with redirect_stdout(stdout), redirect_stderr(stderr):
            return parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)


def workbook_command(
    argv: list[str], stdout: TextIO = sys.stdout, stderr: TextIO = sys.stderr
) -> int:
    """Run the CLI; returns the exit status (0 ok, 1 invalid rows with --strict, 2 unusable)."""
    args = parse_args(build_parser(), argv, stdout, stderr)
    if isinstance(args, int):
        return args
    try:
        mapping = load_mapping(args.mapping) if args.mapping else ColumnMapping()
        settings = settings_for_contract(args.contract, pseudonym_key=workbook_pseudonym_key())
        result = run_workbook(
            args.input,
            settings=settings,
            engine=args.engine,
            identity=args.identity,
            as_of=args.as_of,
            mapping=mapping,
            out=args.out,
            progress=_progress_printer(stderr),
        )
    except (WorkbookInputError, MappingError, ValueError) as error:
        print(f"haven workbook: {error}", file=stderr)
        return EXIT_UNUSABLE_INPUT
    except (duckdb.Error, RuntimeError, OSError) as error:  # engine or disk: no partial output
        print(f"haven workbook: the run failed and wrote nothing: {error}", file=stderr)
        return EXIT_UNUSABLE_INPUT
    _print_report(result, args.out, stdout)
    if args.strict and result.summary.invalid:
        print(f"haven workbook: --strict: {result.summary.invalid} invalid row(s)", file=stderr)
        return EXIT_INVALID_ROWS
    return EXIT_OK


def _progress_printer(stderr: TextIO) -> Callable[[str, int, int], None]:
    started = time.monotonic()

    def report(stage: str, done: int, total: int) -> None:
        figures = f" {done:,}" if done else (f" ({total:,} rows)" if total else "")
        print(f"[{time.monotonic() - started:7.1f}s] {stage}{figures}", file=stderr, flush=True)

    return report


def _print_report(result: WorkbookResult, out: Path | None, stdout: TextIO) -> None:
    for issue in result.issues[:50]:
        print(issue, file=stdout)
    if len(result.issues) > 50:
        print(
            f"... and {len(result.issues) - 50} more issue(s); every one is in the output",
            file=stdout,
        )
    for line in result.summary.lines():
        print(line, file=stdout)
    if out is not None:
        print(f"written: {out}", file=stdout)


def main() -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")  # the key is a setting
    django.setup()
    sys.exit(workbook_command(sys.argv[1:]))


if __name__ == "__main__":
    main()
