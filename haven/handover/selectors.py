"""Reads of the handover log, scoped to the user."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from haven.accounts.models import Membership, User
from haven.accounts.roles import Role
from haven.accounts.signed_in import Viewer
from haven.contracts.models import Contract
from haven.handover.models import HandoverRun

LOG_ROLES = (Role.DATA_PROTECTION_OFFICER, Role.SERVICE_MANAGER)


def handover_runs_for(user: Viewer) -> QuerySet[HandoverRun]:
    """Runs for contracts of the organisations in which the user is data protection officer or
    service manager, and imports of contracts this Haven does not hold (refused or checked)."""
    if not isinstance(user, User) or not user.is_authenticated:
        return HandoverRun.objects.none()
    runs = HandoverRun.objects.select_related("started_by")
    if user.is_superuser:
        return runs
    organisations = Membership.objects.filter(user=user, role__in=LOG_ROLES).values(
        "organisation_id"
    )
    own = Contract.objects.filter(provider_id__in=organisations).values("slug")
    held = Contract.objects.values("slug")
    return runs.filter(Q(contract_slug__in=own) | ~Q(contract_slug__in=held))
