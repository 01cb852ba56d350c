"""Reads for the agency directory and onward referrals: the entries a manager keeps, the active
ones a caseworker picks from, a case's referrals and one referral of a case."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from haven.accounts.signed_in import Viewer
from haven.casework.models import Agency, Case, OnwardReferral, ReferralOutcome
from haven.casework.services.directory import directory_organisation_ids
from haven.contracts.models import Organisation


def directory_organisations(user: Viewer) -> QuerySet[Organisation]:
    """The organisations whose directory this user keeps."""
    return Organisation.objects.filter(pk__in=directory_organisation_ids(user)).order_by("name")


def directory_for(user: Viewer) -> QuerySet[Agency]:
    """Every entry (active or not) of the directories this user keeps."""
    return (
        Agency.objects.filter(organisation_id__in=directory_organisation_ids(user))
        .select_related("organisation")
        .order_by("organisation__name", "-is_active", "name")
    )


def agency_to_manage(user: Viewer, agency_id: Any) -> Agency:
    """One entry of a directory the user keeps, or 404 (another provider's is not found)."""
    agency = directory_for(user).filter(pk=agency_id).first()
    if agency is None:
        raise Http404
    return agency


def agencies_for_case(case: Case) -> list[Agency]:
    """The active entries of the case's provider's directory, to pick from."""
    if case.contract.provider_id is None:
        return []
    return list(
        Agency.objects.filter(organisation_id=case.contract.provider_id, is_active=True).order_by(
            "name"
        )
    )


def onward_referrals_for(case: Case) -> list[OnwardReferral]:
    return list(case.onward_referrals.select_related("directory_agency").order_by("-made_at"))


def onward_referral_of_case(case: Case, referral_id: Any) -> OnwardReferral:
    referral = case.onward_referrals.filter(pk=referral_id).first()
    if referral is None:
        raise Http404
    return referral


@dataclass(frozen=True)
class ReferralRow:
    """One onward referral on the case page (typed, no HTML)."""

    referral: OnwardReferral
    agency: str
    need: str
    outcome: str
    awaiting: bool


def referral_rows(case: Case) -> list[ReferralRow]:
    return [
        ReferralRow(
            referral=r,
            agency=r.agency,
            need=r.need or r.get_agency_type_display(),
            outcome=r.get_outcome_display(),
            awaiting=r.outcome == ReferralOutcome.AWAITING,
        )
        for r in onward_referrals_for(case)
    ]
