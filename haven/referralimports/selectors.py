"""Reads for the referral import pages, scoped to the user (views never query models)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet
from django.http import Http404

from haven.access.restriction import restricted_q
from haven.accounts.signed_in import Viewer
from haven.contracts.models import Contract
from haven.people.selectors import people_visible_to
from haven.referralimports.models import ImportRow, ImportRun
from haven.referralimports.rules import file_sources_of, import_organisations_of


def import_contracts_for(user: Viewer) -> list[Contract]:
    """Active contracts with a file route that the user may import into."""
    if not user.has_perm("referralimports.import_referrals"):
        raise PermissionDenied
    contracts = Contract.objects.filter(is_active=True).select_related("provider")
    if not user.is_superuser:
        contracts = contracts.filter(provider_id__in=import_organisations_of(user))
    return [contract for contract in contracts.order_by("name") if file_sources_of(contract)]


def source_choices_for(user: Viewer) -> list[tuple[str, str]]:
    """(contract id:source, "Contract: source label") for the upload form."""
    return [
        (f"{contract.pk}:{mapping.source}", f"{contract.name}: {mapping.label}")
        for contract in import_contracts_for(user)
        for mapping in file_sources_of(contract)
    ]


def runs_visible_to(user: Viewer) -> QuerySet[ImportRun]:
    ids = [contract.pk for contract in import_contracts_for(user)]
    return ImportRun.objects.filter(contract_id__in=ids).select_related("contract", "started_by")


def run_for_user(user: Viewer, run_id: Any) -> ImportRun:
    run = runs_visible_to(user).filter(pk=run_id).first()
    if run is None:
        raise Http404("No such import")
    return run


def rows_of(user: Viewer, run: ImportRun) -> QuerySet[ImportRow]:
    """The run's rows with ``person_restricted`` and ``person_visible``: a name is shown only to
    a user who may see the person and is not kept out of a restricted record."""
    visible = people_visible_to(user).values("pk")
    return (
        run.rows.select_related("referral", "referral__person")
        .annotate(
            person_restricted=ExpressionWrapper(
                restricted_q(user, "referral__person__"), BooleanField()
            ),
            person_visible=ExpressionWrapper(Q(referral__person__in=visible), BooleanField()),
        )
        .order_by("row_number")
    )
