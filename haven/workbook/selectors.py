"""Reads for the police workbook pages, scoped to the user (views never query models directly)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, ExpressionWrapper, QuerySet
from django.http import Http404

from haven.access.restriction import restricted_q
from haven.accounts.signed_in import Viewer
from haven.contracts.models import Contract
from haven.workbook.models import IdentityReview, ImportedIncident, ReviewStatus, WorkbookRun
from haven.workbook.rules import has_workbook_route, workbook_organisations_of


def workbook_contracts_for(user: Viewer) -> list[Contract]:
    """Active contracts with the police workbook route that the user may import into."""
    if not user.has_perm("workbook.import_incidents"):
        raise PermissionDenied
    contracts = Contract.objects.filter(is_active=True).select_related("provider")
    if not user.is_superuser:
        contracts = contracts.filter(provider_id__in=workbook_organisations_of(user))
    return [contract for contract in contracts.order_by("name") if has_workbook_route(contract)]


def workbook_contract_choices(user: Viewer) -> QuerySet[Contract]:
    return Contract.objects.filter(pk__in=_contract_ids(user)).order_by("name")


def _contract_ids(user: Viewer) -> list[Any]:
    return [contract.pk for contract in workbook_contracts_for(user)]


def runs_visible_to(user: Viewer) -> QuerySet[WorkbookRun]:
    return WorkbookRun.objects.filter(contract_id__in=_contract_ids(user)).select_related(
        "contract", "started_by"
    )


def run_for_user(user: Viewer, run_id: Any) -> WorkbookRun:
    run = runs_visible_to(user).filter(pk=run_id).first()
    if run is None:
        raise Http404("No such run")
    return run


def _with_restriction(
    imports: QuerySet[ImportedIncident], user: Viewer
) -> QuerySet[ImportedIncident]:
    """Each row with ``person_restricted``: the page shows "Restricted record", not the code."""
    return imports.annotate(
        person_restricted=ExpressionWrapper(
            restricted_q(user, "referral__person__"), BooleanField()
        )
    )


def imported_in(user: Viewer, run: WorkbookRun) -> QuerySet[ImportedIncident]:
    imports = run.imported.select_related("referral", "referral__person")
    return _with_restriction(imports, user)


def recent_imports_for(user: Viewer, limit: int = 50) -> QuerySet[ImportedIncident]:
    imports = ImportedIncident.objects.filter(run__contract_id__in=_contract_ids(user))
    return (
        _with_restriction(imports, user)
        .select_related("referral", "referral__person", "run")
        .order_by("-created_at")[:limit]
    )


def pending_reviews_for(user: Viewer) -> QuerySet[IdentityReview]:
    return (
        IdentityReview.objects.filter(
            contract_id__in=_contract_ids(user), status=ReviewStatus.PENDING
        )
        .select_related("contract")
        .prefetch_related("candidates")
    )


def review_for_user(user: Viewer, review_id: Any) -> IdentityReview:
    review = (
        IdentityReview.objects.filter(contract_id__in=_contract_ids(user), pk=review_id)
        .select_related("contract", "run")
        .prefetch_related("candidates")
        .first()
    )
    if review is None:
        raise Http404("No such review")
    return review
