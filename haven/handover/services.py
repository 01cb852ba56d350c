"""Handover export and import, each recorded as a HandoverRun and audited."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.utils import timezone

from haven.accounts.signed_in import Viewer
from haven.contracts.models import Contract
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.handover.export import ExportResult, export_bundle
from haven.handover.loading import LoadReport, load_bundle
from haven.handover.models import HandoverKind, HandoverResult, HandoverRun
from haven.handover.reading import BundleError, Problem, read_bundle


@dataclass
class ImportOutcome:
    run: HandoverRun
    report: LoadReport | None
    problems: list[Problem]


def handover_export(
    *, contract: Contract, out: Path, actor: Viewer | None, now: datetime | None = None
) -> tuple[HandoverRun, ExportResult]:
    """Write the contract's bundle into ``out`` (seed 003 s15; seed 004 s11.1)."""
    started = timezone.now()
    result = export_bundle(contract, out, now=now)
    run = _run(
        kind=HandoverKind.EXPORT,
        result=HandoverResult.DONE,
        slug=contract.slug,
        name=contract.name,
        actor=actor,
        started=started,
        counts=result.counts,
        bundle=out,
        summary=f"{result.total} records of {sum(1 for n in result.counts.values() if n)} types",
    )
    return run, result


def handover_import(
    *,
    path: Path,
    actor: Viewer | None,
    dry_run: bool = False,
    progress: Callable[[str, int], None] | None = None,
) -> ImportOutcome:
    """Check the bundle at ``path`` and load it all-or-nothing; every problem is returned."""
    started = timezone.now()
    bundle = read_bundle(path)
    slug = bundle.contract_slug or "unknown"
    name = str(bundle.manifest.get("contract", {}).get("name", ""))[:200] if bundle.manifest else ""
    kind = HandoverKind.DRY_RUN if dry_run else HandoverKind.IMPORT
    try:
        report = load_bundle(bundle, dry_run=dry_run, progress=progress)
    except BundleError as error:
        run = _run(
            kind=kind,
            result=HandoverResult.REFUSED,
            slug=slug,
            name=name,
            actor=actor,
            started=started,
            counts={},
            bundle=path,
            problems=len(error.problems),
            summary=f"refused: {len(error.problems)} problem(s); nothing was imported",
        )
        return ImportOutcome(run, None, error.problems)
    if report.already_held:
        result, summary = (
            HandoverResult.ALREADY_HELD,
            "already held as in the bundle: nothing changed",
        )
    elif dry_run:
        result, summary = HandoverResult.CHECKED, f"would add {report.total_added} records"
    else:
        result, summary = HandoverResult.DONE, f"added {report.total_added} records"
    if report.kept:
        summary += f"; kept {sum(report.kept.values())} shared records this Haven already had"
    run = _run(
        kind=kind,
        result=result,
        slug=slug,
        name=name,
        actor=actor,
        started=started,
        counts=report.added,
        bundle=path,
        summary=summary,
    )
    return ImportOutcome(run, report, [])


def _run(
    *,
    kind: str,
    result: str,
    slug: str,
    name: str,
    actor: Viewer | None,
    started: datetime,
    counts: dict[str, int],
    bundle: Path,
    summary: str,
    problems: int = 0,
) -> HandoverRun:
    member = actor if actor is not None and actor.is_authenticated else None
    manifest = bundle / "manifest.json"
    run = HandoverRun.objects.create(
        kind=kind,
        result=result,
        contract_slug=slug[:80],
        contract_name=name,
        started_by=member,
        actor_label=member.email if member is not None else "system",
        started_at=started,
        finished_at=timezone.now(),
        counts={k: v for k, v in sorted(counts.items()) if v},
        total=sum(counts.values()),
        problem_count=problems,
        bundle_sha256=hashlib.sha256(manifest.read_bytes()).hexdigest()
        if manifest.is_file()
        else "",
        summary=summary,
    )
    # The event is about the run, not the contract: the contract's own audit trail (which the
    # next export carries) is left as it was, so a re-export is identical.
    audit_event(
        actor=member,
        action=AuditAction.EXPORT if kind == HandoverKind.EXPORT else AuditAction.IMPORT,
        target=run,
        changes={"contract": slug, "result": result, "total": run.total, "kind": kind},
    )
    return run
