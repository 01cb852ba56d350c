"""Reads of programmes, runs, sessions and enrolments, scoped to staff of the provider; and
partner liaison read two ways: in full on the victim's case, and on the perpetrator's side only
as `LiaisonSummary` (never the victim's case, person, address or notes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Max, Q, QuerySet
from django.http import Http404

from haven.accounts.models import User
from haven.accounts.signed_in import Viewer
from haven.casework.models import Case
from haven.programmes.models import (
    AttendanceMark,
    CrecheSession,
    Enrolment,
    PartnerContact,
    PartnerLiaison,
    Programme,
    ProgrammeKind,
    ProgrammeRun,
    ProgrammeSession,
    SessionAttendance,
)
from haven.programmes.rules import STAFF_ROLES
from haven.programmes.services import OPEN


def _providers(user: Viewer) -> list[Any] | None:
    """The organisations whose programmes the viewer sees (None: every one, superusers)."""
    if not isinstance(user, User):
        return []
    if user.is_superuser:
        return None
    return [m.organisation_id for m in user.memberships.all() if m.role in STAFF_ROLES]


def programmes_for(user: Viewer) -> QuerySet[Programme]:
    providers = _providers(user)
    found = Programme.objects.select_related("contract").annotate(
        run_count=Count("runs", distinct=True)
    )
    if providers is not None:
        found = found.filter(contract__provider_id__in=providers)
    return found.order_by("contract__name", "name")


def programme_for(user: Viewer, programme_id: Any) -> Programme:
    try:
        return programmes_for(user).get(pk=programme_id)
    except Programme.DoesNotExist as missing:
        raise Http404 from missing


def runs_of(programme: Programme) -> QuerySet[ProgrammeRun]:
    return programme.runs.annotate(
        sessions_held=Count("sessions", distinct=True),
        places=Count("enrolments", distinct=True),
    ).prefetch_related("facilitators")


def run_for(user: Viewer, run_id: Any) -> ProgrammeRun:
    providers = _providers(user)
    found = ProgrammeRun.objects.select_related("programme__contract")
    if providers is not None:
        found = found.filter(programme__contract__provider_id__in=providers)
    try:
        return found.get(pk=run_id)
    except ProgrammeRun.DoesNotExist as missing:
        raise Http404 from missing


def enrolments_of(run: ProgrammeRun) -> QuerySet[Enrolment]:
    return (
        run.enrolments.select_related("case__person")
        .annotate(
            attended=Count("attendance", filter=Q(attendance__mark=AttendanceMark.ATTENDED)),
            contact_count=Count("contacts", distinct=True),
        )
        .order_by("case__person__reference_code")
    )


def enrolment_of(run: ProgrammeRun, enrolment_id: Any) -> Enrolment:
    try:
        return run.enrolments.select_related(
            "case__person", "case__contract", "run__programme"
        ).get(pk=enrolment_id)
    except Enrolment.DoesNotExist as missing:
        raise Http404 from missing


def sessions_of(run: ProgrammeRun) -> QuerySet[ProgrammeSession]:
    return run.sessions.select_related("enrolment__case__person").annotate(
        attended=Count("attendance", filter=Q(attendance__mark=AttendanceMark.ATTENDED)),
        apologies=Count("attendance", filter=Q(attendance__mark=AttendanceMark.APOLOGIES)),
        absent=Count("attendance", filter=Q(attendance__mark=AttendanceMark.DID_NOT_ATTEND)),
    )


def session_of(run: ProgrammeRun, session_id: Any) -> ProgrammeSession:
    try:
        return run.sessions.get(pk=session_id)
    except ProgrammeSession.DoesNotExist as missing:
        raise Http404 from missing


def marks_of(session: ProgrammeSession) -> QuerySet[SessionAttendance]:
    return session.attendance.select_related("enrolment__case__person").order_by(
        "enrolment__case__person__reference_code"
    )


def creches_of(run: ProgrammeRun) -> QuerySet[CrecheSession]:
    return run.creches.all()


def runs_open_for(case: Case) -> QuerySet[ProgrammeRun]:
    """Runs of the case's contract not yet finished where the person has no place: the enrol
    form's choices."""
    return (
        ProgrammeRun.objects.filter(programme__contract_id=case.contract_id, completed_on=None)
        .exclude(enrolments__case=case)
        .select_related("programme")
        .order_by("starts_on")
    )


def enrolments_on(case: Case) -> QuerySet[Enrolment]:
    """The person's places on this case, for the case page."""
    return (
        Enrolment.objects.filter(case=case)
        .select_related("run__programme")
        .annotate(attended=Count("attendance", filter=Q(attendance__mark=AttendanceMark.ATTENDED)))
        .order_by("-offered_on")
    )


@dataclass(frozen=True)
class LiaisonSummary:
    """All the perpetrator's side learns of partner liaison (seed 001 Lot 4 s1, s5): whether it
    is in place, when the victim was last contacted and whether any contact raised a risk
    concern. Nothing else of the victim's record crosses over."""

    in_place: bool
    last_contact_on: date | None
    risk_concerns_raised: bool


NO_LIAISON = LiaisonSummary(in_place=False, last_contact_on=None, risk_concerns_raised=False)


def liaison_summaries(enrolment_ids: list[Any]) -> dict[Any, LiaisonSummary]:
    """The summary per enrolment (one query), read without the victim's case or notes."""
    rows = (
        PartnerLiaison.objects.filter(enrolment_id__in=enrolment_ids, ended_on=None)
        .values("enrolment_id")
        .annotate(
            last=Max("contacts__contacted_on"),
            concerns=Count("contacts", filter=Q(contacts__risk_concern_raised=True)),
        )
    )
    return {
        row["enrolment_id"]: LiaisonSummary(True, row["last"], bool(row["concerns"]))
        for row in rows
    }


def liaison_summary(enrolment: Enrolment) -> LiaisonSummary:
    return liaison_summaries([enrolment.pk]).get(enrolment.pk, NO_LIAISON)


@dataclass(frozen=True)
class VictimLiaison:
    """Partner liaison as the victim's side sees it: the programme and the place's state (not
    the perpetrator's case), and the contacts recorded here."""

    liaison: PartnerLiaison
    programme_name: str
    place_status: str
    contacts: list[PartnerContact]


def liaisons_on(victim_case: Case) -> list[VictimLiaison]:
    liaisons = list(
        PartnerLiaison.objects.filter(victim_case=victim_case)
        .select_related("liaison_worker")
        .prefetch_related("contacts")
        .order_by("-started_on")
    )
    if not liaisons:
        return []
    places = {  # only the programme's name and the place's state cross to the victim's side
        e.pk: e
        for e in Enrolment.objects.filter(
            pk__in=[item.enrolment_id for item in liaisons]
        ).select_related("run__programme")
    }
    return [
        VictimLiaison(
            liaison=item,
            programme_name=places[item.enrolment_id].run.programme.name,
            place_status=places[item.enrolment_id].get_status_display(),
            contacts=list(item.contacts.all()),
        )
        for item in liaisons
        if item.enrolment_id in places
    ]


def liaison_on(victim_case: Case, liaison_id: Any) -> PartnerLiaison:
    try:
        return PartnerLiaison.objects.get(victim_case=victim_case, pk=liaison_id)
    except PartnerLiaison.DoesNotExist as missing:
        raise Http404 from missing


def is_open(enrolment: Enrolment) -> bool:
    return enrolment.status in OPEN


def contracts_managed_by(user: Viewer) -> list[Any]:
    """The contracts whose programmes the viewer may set up (team leaders and service managers
    of the provider; superusers all)."""
    from haven.accounts.roles import MANAGER_ROLES
    from haven.contracts.models import Contract

    if not isinstance(user, User):
        return []
    contracts = Contract.objects.order_by("name")
    if not user.is_superuser:
        providers = [m.organisation_id for m in user.memberships.all() if m.role in MANAGER_ROLES]
        contracts = contracts.filter(provider_id__in=providers)
    return list(contracts)


def contract_managed(user: Viewer, contract_id: Any) -> Any:
    for contract in contracts_managed_by(user):
        if str(contract.pk) == str(contract_id):
            return contract
    return None


def staff_of(programme: Programme) -> list[User]:
    """Who may facilitate: active staff of the programme's provider."""
    return list(
        User.objects.filter(
            is_active=True,
            memberships__organisation=programme.contract.provider,
            memberships__role__in=STAFF_ROLES,
        )
        .distinct()
        .order_by("full_name", "email")
    )


def any_perpetrator_programme() -> bool:
    """Whether any service runs a perpetrator programme (the victim's case then offers partner
    liaison)."""
    return Programme.objects.filter(kind=ProgrammeKind.PERPETRATOR).exists()


def holds_perpetrator_place(case: Case) -> bool:
    """Whether this case holds (or held) a place on a perpetrator programme: the outcomes app
    then asks it the perpetrator questions, not a victim's (seed 003 s13)."""
    return Enrolment.objects.filter(
        case=case, run__programme__kind=ProgrammeKind.PERPETRATOR
    ).exists()
