"""Keep the population baselines of the equality analysis (issue 10 s4): save one figure for an
area, characteristic and category (and year), audited."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from haven.accounts.models import User
from haven.core.auditor import audit_event, diff
from haven.core.models import AuditAction
from haven.reporting.models import EqualityBaseline
from haven.validators import refuse, text_problem

FIELDS = ("area", "characteristic", "category", "share", "population", "source", "source_url")


@transaction.atomic
def baseline_save(
    *,
    area: str,
    characteristic: str,
    category: str,
    share: Decimal,
    source: str,
    saved_by: User,
    population: int | None = None,
    source_url: str = "",
    as_of_year: int = 2021,
    baseline: EqualityBaseline | None = None,
) -> EqualityBaseline:
    """Save the figure: change `baseline` in place, or the existing row for the same area,
    characteristic, category and year (saving the same values again changes nothing), or add
    one. A share is a fraction from 0 to 1; every figure names its source."""
    area, category, source = area.strip(), category.strip(), source.strip()
    refuse(
        {
            "area": text_problem(area, subject="Area", limit=100)
            or (None if area else "Enter the area"),
            "source": text_problem(source, subject="Source", limit=1000)
            or (None if source else "Enter where the figure comes from"),
            "share": None
            if Decimal(0) <= share <= Decimal(1)
            else "The share must be between 0% and 100%",
        }
    )
    if baseline is None:
        baseline = (
            EqualityBaseline.objects.select_for_update()
            .filter(
                area=area, characteristic=characteristic, category=category, as_of_year=as_of_year
            )
            .first()
        )
    else:
        baseline = EqualityBaseline.objects.select_for_update().get(pk=baseline.pk)
        clash = EqualityBaseline.objects.filter(
            area=area, characteristic=characteristic, category=category, as_of_year=as_of_year
        ).exclude(pk=baseline.pk)
        if clash.exists():
            refuse({"category": "This area already has a figure for this category and year"})
    values = {
        "area": area,
        "characteristic": characteristic,
        "category": category,
        "share": share.quantize(Decimal("0.0001")),
        "population": population,
        "source": source,
        "source_url": source_url.strip(),
        "as_of_year": as_of_year,
    }
    if baseline is None:
        baseline = EqualityBaseline.objects.create(**values)
        audit_event(
            actor=saved_by,
            action=AuditAction.CREATE,
            target=baseline,
            changes={k: [None, str(v)] for k, v in values.items()},
        )
        return baseline
    before = {k: str(getattr(baseline, k)) for k in values}
    changes = diff(before, {k: str(v) for k, v in values.items()})
    if changes:
        for name, value in values.items():
            setattr(baseline, name, value)
        baseline.save()
        audit_event(actor=saved_by, action=AuditAction.UPDATE, target=baseline, changes=changes)
    return baseline
