"""Reads of serious incidents, complaints and compliments, scoped to the viewer.

The register and the logs are for team leaders and service managers (and superusers) of the
provider of each contract. A record against a case shows that case only to those who may open
it (`visible_q`): a team leader sees the service's own records and their team's cases'.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from haven.access.scope import visible_q
from haven.accounts.models import User
from haven.accounts.roles import MANAGER_ROLES
from haven.accounts.signed_in import Viewer
from haven.casework.models import Case, CaseEvent
from haven.contracts.models import Contract
from haven.incidents.models import Complaint, ComplaintStage, Compliment, SeriousIncident


def managed_contracts(user: Viewer) -> QuerySet[Contract]:
    """The contracts whose provider the user leads a team in or manages (all for superusers)."""
    if not isinstance(user, User) or not user.is_authenticated:
        return Contract.objects.none()
    if user.is_superuser:
        return Contract.objects.order_by("name")
    organisations = user.memberships.filter(role__in=MANAGER_ROLES).values("organisation_id")
    return Contract.objects.filter(provider_id__in=organisations).order_by("name")


def _require_register(user: Viewer) -> None:
    if not user.has_perm("incidents.view_register"):
        raise PermissionDenied


def _scoped_q(user: Viewer) -> Q:
    """Records of the user's contracts: the service's own, or against a case they may open."""
    cases = Case.objects.filter(visible_q(user)).values("id")
    return Q(contract__in=managed_contracts(user)) & (Q(case__isnull=True) | Q(case__in=cases))


def incidents_for_user(user: Viewer) -> QuerySet[SeriousIncident]:
    _require_register(user)
    return SeriousIncident.objects.filter(_scoped_q(user)).select_related(
        "contract", "case__person"
    )


def incident_for_user(user: Viewer, incident_id: Any) -> SeriousIncident:
    try:
        return incidents_for_user(user).get(pk=incident_id)
    except SeriousIncident.DoesNotExist as missing:
        raise Http404 from missing


def incidents_on(case: Case) -> QuerySet[SeriousIncident]:
    """A case's serious incidents (through a case the viewer was already given)."""
    return SeriousIncident.objects.filter(case=case)


def complaints_for_user(user: Viewer) -> QuerySet[Complaint]:
    _require_register(user)
    return Complaint.objects.filter(_scoped_q(user)).select_related("contract", "case__person")


def complaint_for_user(user: Viewer, complaint_id: Any) -> Complaint:
    try:
        return complaints_for_user(user).get(pk=complaint_id)
    except Complaint.DoesNotExist as missing:
        raise Http404 from missing


def stage_of(complaint: Complaint, stage_id: Any) -> ComplaintStage:
    try:
        return complaint.stages.get(pk=stage_id)
    except ComplaintStage.DoesNotExist as missing:
        raise Http404 from missing


def compliments_for_user(user: Viewer) -> QuerySet[Compliment]:
    _require_register(user)
    return Compliment.objects.filter(_scoped_q(user)).select_related("contract", "case__person")


def case_in(user: Viewer, contract: Contract, reference_code: str) -> Case | None:
    """The case of this contract with this person reference code that the user may open (the
    most recently opened), or None."""
    return (
        Case.objects.filter(visible_q(user), contract=contract)
        .filter(person__reference_code__iexact=reference_code.strip())
        .order_by("-opened_at")
        .first()
    )


def chronology_events(case: Case) -> QuerySet[CaseEvent]:
    """Everything on the case's timeline in time order, with who recorded it (a DHR chronology,
    seed 004 s6.5)."""
    return case.events.select_related("actor").order_by("occurred_at", "created_at")
