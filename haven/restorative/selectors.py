"""Reads of restorative justice processes, always through cases the viewer may open."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from haven.accounts.models import User
from haven.accounts.signed_in import Viewer
from haven.casework.models import Case
from haven.restorative.models import RestorativeProcess
from haven.restorative.services import FACILITATOR_ROLES


def processes_on(case: Case) -> QuerySet[RestorativeProcess]:
    return RestorativeProcess.objects.filter(case=case).select_related("facilitator")


def process_on(case: Case, process_id: Any) -> RestorativeProcess:
    try:
        return processes_on(case).get(pk=process_id)
    except RestorativeProcess.DoesNotExist as missing:
        raise Http404 from missing


def processes_for(user: Viewer) -> QuerySet[RestorativeProcess]:
    """Every process on a case the viewer may open (restricted cases only for named staff)."""
    return RestorativeProcess.objects.filter(
        case__in=Case.objects.visible_to(user).values("id")
    ).select_related("case__person", "case__contract", "facilitator")


def facilitators_for(case: Case) -> QuerySet[User]:
    """Staff of the case's provider who may facilitate (seed 002 s3.10)."""
    provider = case.contract.provider_id
    if provider is None:
        return User.objects.none()
    return (
        User.objects.filter(
            memberships__organisation_id=provider,
            memberships__role__in=FACILITATOR_ROLES,
            is_active=True,
        )
        .distinct()
        .order_by("full_name", "email")
    )
