"""Reads of a case's housing, always through a case the viewer was already given."""

from __future__ import annotations

from django.db.models import QuerySet

from haven.casework.models import Case
from haven.housing.models import HousingSituation, SafeHomeOutcome

# seed 001 Lot 2: the Safe Home service is accommodation; a profile offering accommodation or a
# refuge shows the housing section (haven/housing/README.md)
HOUSING_SERVICE_TYPES = frozenset({"accommodation", "refuge"})


def offers_housing(case: Case) -> bool:
    """Whether the case's contract is a housing service (its profile's service_types)."""
    service_types = case.contract.profile.get("service_types") or []
    return bool(HOUSING_SERVICE_TYPES & set(service_types))


def housing_situation_of(case: Case) -> HousingSituation | None:
    return HousingSituation.objects.filter(case=case).first()


def safe_home_outcomes_for(case: Case) -> QuerySet[SafeHomeOutcome]:
    """The case's Safe Home outcomes, latest achieved first."""
    return SafeHomeOutcome.objects.filter(case=case)
