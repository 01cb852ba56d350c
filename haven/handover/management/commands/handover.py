"""`haven handover export --contract SLUG --out DIR` | `import DIR [--dry-run]` | `seal DIR`.

The open bundle format: docs/handover-format.md. Run by whoever runs the server; each run is
logged (HandoverRun) and audited, and listed for the data protection officer at /handover/.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.accounts.models import User
from haven.contracts.models import Contract
from haven.handover.reference import format_reference, write_reference
from haven.handover.sealing import SealError, seal_bundle
from haven.handover.services import handover_export, handover_import

SHOWN_PROBLEMS = 200


class Command(BaseCommand):
    help = "Hand a contract's records over as an open bundle, or load such a bundle."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser("export", help="write a contract's bundle into an empty directory")
        export.add_argument("--contract", required=True, help="the contract's slug")
        export.add_argument("--out", required=True, type=Path, help="a new or empty directory")
        export.add_argument("--as", dest="actor", help="your staff email (for the audit trail)")
        load = sub.add_parser("import", help="check a bundle and load it, all or nothing")
        load.add_argument("bundle", type=Path, help="the bundle's directory")
        load.add_argument("--dry-run", action="store_true", help="check and roll back")
        load.add_argument("--as", dest="actor", help="your staff email (for the audit trail)")
        docs = sub.add_parser("docs", help="the generated reference of docs/handover-format.md")
        docs.add_argument("--write", type=Path, help="replace the generated part of this file")
        seal = sub.add_parser("seal", help="write the manifest of a hand-made bundle")
        seal.add_argument("bundle", type=Path, help="the bundle's directory (records/*.jsonl)")

    def handle(self, *args: Any, **options: Any) -> None:
        actor = None
        if options.get("actor"):
            actor = User.objects.filter(email__iexact=options["actor"]).first()
            if actor is None:
                raise CommandError(f"--as: no staff account {options['actor']!r}")
        if options["action"] == "export":
            self._export(options, actor)
        elif options["action"] == "docs" and options.get("write"):
            changed = write_reference(options["write"])
            self.stdout.write(f"{options['write']}: {'updated' if changed else 'already current'}")
        elif options["action"] == "docs":
            self.stdout.write(format_reference())
        elif options["action"] == "seal":
            try:
                manifest = seal_bundle(options["bundle"])
            except (SealError, ValueError, OSError) as exc:
                raise CommandError(str(exc)) from None
            counts = ", ".join(f"{n}: {t['count']}" for n, t in manifest["types"].items())
            self.stdout.write(f"wrote {options['bundle'] / 'manifest.json'} ({counts})")
        else:
            self._import(options, actor)

    def _export(self, options: dict[str, Any], actor: User | None) -> None:
        contract = Contract.objects.filter(slug=options["contract"]).first()
        if contract is None:
            known = ", ".join(Contract.objects.order_by("slug").values_list("slug", flat=True))
            raise CommandError(
                f"unknown contract {options['contract']!r}; known: {known or 'none'}"
            )
        try:
            run, result = handover_export(contract=contract, out=options["out"], actor=actor)
        except FileExistsError as exc:
            raise CommandError(f"--out: {exc}; give a new or empty directory") from None
        self.stdout.write(
            f"exported {result.total} records of contract {contract.slug} to {options['out']} "
            f"(run {run.pk})"
        )
        self.stdout.write(
            "The bundle holds special category personal data: keep it on encrypted storage and "
            "transfer it encrypted."
        )

    def _import(self, options: dict[str, Any], actor: User | None) -> None:
        path: Path = options["bundle"]
        if not path.is_dir():
            raise CommandError(f"{path}: not a directory")
        verbose = options["verbosity"] >= 2

        def progress(name: str, count: int) -> None:
            if verbose:
                self.stdout.write(f"loading {name}: {count}")
                self.stdout.flush()

        outcome = handover_import(
            path=path, actor=actor, dry_run=options["dry_run"], progress=progress
        )
        if outcome.problems:
            for problem in outcome.problems[:SHOWN_PROBLEMS]:
                self.stderr.write(str(problem))
            more = len(outcome.problems) - SHOWN_PROBLEMS
            if more > 0:
                self.stderr.write(f"... and {more} more")
            raise CommandError(
                f"{len(outcome.problems)} problem(s) in {path}: nothing was imported"
            )
        report = outcome.report
        assert report is not None
        if report.already_held:
            self.stdout.write(
                f"contract {report.contract_slug} is already held exactly as in the bundle: "
                "nothing changed"
            )
            return
        verb = "would add" if report.dry_run else "added"
        self.stdout.write(f"{verb} {report.total_added} records of contract {report.contract_slug}")
        for name, count in sorted(report.added.items()):
            if count:
                self.stdout.write(f"  {name}: {count}")
        if report.kept:
            self.stdout.write(
                f"kept {sum(report.kept.values())} shared records this Haven already had "
                f"({', '.join(f'{n}: {c}' for n, c in sorted(report.kept.items()))})"
            )
        if report.skipped:
            self.stdout.write(
                "left the receiving Haven's profile records of people it already had: "
                + ", ".join(f"{n}: {c}" for n, c in sorted(report.skipped.items()))
            )
        self.stdout.write(
            f"staff: {report.staff_matched} matched by email, {report.staff_created} created "
            "as inactive accounts without a password or role"
        )
        if report.dry_run:
            self.stdout.write("dry run: nothing was written")
