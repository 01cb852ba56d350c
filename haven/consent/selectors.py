"""Reading consents, agreements and shares, scoped to the user: a person's only through the
person the viewer was given (`ReadablePerson`), the registers only within the user's provider
organisations (and only people the user may see)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from haven.access.restriction import provider_organisations_of
from haven.accounts.models import User
from haven.accounts.signed_in import Viewer
from haven.casework.models import Case
from haven.consent.models import Consent, ConsentKind, Share, SharingAgreement
from haven.contracts.models import Organisation
from haven.people.models import Person


@dataclass(frozen=True)
class PersonConsents:
    current: list[Consent]
    withdrawn: list[Consent]
    shares: list[Share]


def consents_of(person: Person) -> PersonConsents:
    consents = list(
        Consent.objects.filter(person=person).select_related("recorded_by", "withdrawn_by")
    )
    shares = list(
        Share.objects.filter(person=person).select_related("consent", "shared_by", "agreement")
    )
    return PersonConsents(
        current=[c for c in consents if c.withdrawn_on is None],
        withdrawn=[c for c in consents if c.withdrawn_on is not None],
        shares=shares,
    )


def consent_of(person: Person, consent_id: Any) -> Consent:
    consent = Consent.objects.filter(person=person, pk=consent_id).first()
    if consent is None:
        raise Http404("No such consent")
    return consent


def has_confidentiality_agreement(person: Person) -> bool:
    """seed 004 s11.1: a current confidentiality agreement signed at intake."""
    return Consent.objects.filter(
        person=person, kind=ConsentKind.CONFIDENTIALITY, withdrawn_on__isnull=True
    ).exists()


def _organisations(user: Viewer) -> Any:
    if not isinstance(user, User):
        return []
    return provider_organisations_of(user)


def agreements_for(user: Viewer) -> QuerySet[SharingAgreement]:
    return SharingAgreement.objects.filter(organisation__in=_organisations(user)).select_related(
        "organisation", "last_reviewed_by"
    )


def agreement_for(user: Viewer, agreement_id: Any) -> SharingAgreement:
    agreement = agreements_for(user).filter(pk=agreement_id).first()
    if agreement is None:
        raise Http404("No such agreement")
    return agreement


def reviews_due(user: Viewer, today: dt.date, within_days: int = 30) -> list[SharingAgreement]:
    """Agreements not ended whose review is due within `within_days` days, or overdue."""
    return list(
        agreements_for(user)
        .exclude(status="ended")
        .filter(review_on__lte=today + dt.timedelta(days=within_days))
        .order_by("review_on")
    )


@dataclass(frozen=True)
class ShareFilter:
    since: dt.date | None = None
    until: dt.date | None = None
    kind: str = ""
    basis: str = ""


def share_register(user: Viewer, chosen: ShareFilter) -> QuerySet[Share]:
    """The service's shares, newest first: the user's provider organisations, people they may
    see (a restricted person's shares only for their named staff)."""
    shares = Share.objects.filter(
        organisation__in=_organisations(user), person__in=Person.objects.visible_to(user)
    )
    if chosen.since:
        shares = shares.filter(shared_at__date__gte=chosen.since)
    if chosen.until:
        shares = shares.filter(shared_at__date__lte=chosen.until)
    if chosen.kind:
        shares = shares.filter(kind=chosen.kind)
    if chosen.basis:
        shares = shares.filter(basis=chosen.basis)
    return shares.select_related("person", "case", "shared_by", "consent").order_by("-shared_at")


def cases_of_in_scope(user: Viewer, person: Person) -> list[Case]:
    return list(Case.objects.visible_to(user).filter(person=person).select_related("contract"))


def keeping_organisation(user: Viewer) -> Organisation:
    """The provider organisation whose register the user keeps (their first); 403 for none."""
    organisation = Organisation.objects.filter(pk__in=_organisations(user)).order_by("name").first()
    if organisation is None:
        raise PermissionDenied
    return organisation
