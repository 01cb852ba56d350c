"""Loading contract profiles into the database: idempotent and audited."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from django.db import transaction

from haven.contracts.models import Commissioner, Contract
from haven.contracts.profiles.validate import load_profile
from haven.core.auditor import audit_event, diff
from haven.core.models import AuditAction

if TYPE_CHECKING:  # a type only: contracts and accounts do not import each other (ADR 0009)
    from haven.accounts.models import User


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


@transaction.atomic
def contract_profiles_load(*, paths: Iterable[Path], loaded_by: User | None) -> LoadReport:
    """Create or update one Contract per profile file; nothing is saved if any profile is invalid."""
    report = LoadReport()
    parsed = [
        (path, load_profile(path)) for path in paths
    ]  # raises ProfileInvalid before any write
    for path, profile in parsed:
        data = profile.model_dump(mode="json")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        commissioner, _ = Commissioner.objects.get_or_create(name=profile.commissioner.name)
        contract = Contract.objects.filter(slug=profile.slug).first()
        if contract is None:
            contract = Contract.objects.create(
                slug=profile.slug,
                name=profile.name,
                commissioner=commissioner,
                profile=data,
                profile_sha256=digest,
                seed=profile.seed,
            )
            audit_event(
                actor=loaded_by,
                action=AuditAction.CREATE,
                target=contract,
                changes={"profile_sha256": [None, digest]},
            )
            report.created.append(profile.slug)
            continue
        if contract.profile_sha256 == digest:
            report.unchanged.append(profile.slug)
            continue
        before = {key: contract.profile.get(key) for key in data} | {"name": contract.name}
        contract.name, contract.commissioner, contract.profile = profile.name, commissioner, data
        contract.profile_sha256, contract.seed = digest, profile.seed
        contract.save()
        audit_event(
            actor=loaded_by,
            action=AuditAction.UPDATE,
            target=contract,
            changes=diff(before, data | {"name": profile.name}),
        )
        report.updated.append(profile.slug)
    return report
