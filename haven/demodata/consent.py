"""Demo consent and sharing (issue 15 items 1-2): the provider's information-sharing agreements
(one review overdue), a confidentiality agreement and consent to support at intake for the
earliest cases (seed 004 s11.1), one consent withdrawn, and the share register of the shares the
demo's journeys made (MARAC referrals, onward referrals, safeguarding referrals), each with the
consent it relied on or, without consent, the lawful basis and the reason, plus one safeguarding
share without consent (reference.md s7: DPA 2018 Sch. 1 para 18).

Everything goes through haven/consent's services, so each row is audited as in daily use. The
demo's other rows are left untouched; choices come from this part's own random stream.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from haven.casework.models import Case, OnwardReferral
from haven.consent.models import Consent, Share, ShareBasis, ShareKind, SharingAgreement
from haven.consent.services import (
    agreement_add,
    consent_record,
    consent_withdraw,
    share_record,
)
from haven.marac.models import MaracReferral
from haven.safeguarding.models import EventKind, SafeguardingEvent
from haven.safeguarding.services import SHARED_WITH

STREAM = 23  # this part's own random stream: seed + STREAM
INTAKE_CONSENTS = 40  # cases whose person signed the agreement and consented to support
MOST_SHARES = 60  # at most this many of each kind of share, the earliest first


@dataclass
class ConsentDemo:
    agreements: int = 0
    consents: int = 0
    withdrawn: int = 0
    shares: int = 0
    without_consent: int = 0


def demo_consent_reset(organisation: Any) -> None:
    """Before the people go: the provider's shares, consents and agreements."""
    Share.objects.filter(organisation=organisation).delete()
    Consent.objects.filter(person__organisation=organisation).delete()
    SharingAgreement.objects.filter(organisation=organisation).delete()


def _agreements(organisation: Any, actor: Any, today: dt.date) -> int:
    rows = [
        # seed 004 s11.1: "Information Governance Protocols (MARAC, MARU etc.)"
        (
            "Synthetic MARAC partnership",
            "MARAC referrals and actions",
            "e_public_task",
            "sch1_18",
            400,
            -10,
        ),
        (
            "Synthetic Police",
            "Referrals and safeguarding information about domestic abuse",
            "e_public_task",
            "sch1_10",
            300,
            20,
        ),
        (
            "Synthetic Children's Social Care",
            "Safeguarding referrals about children",
            "e_public_task",
            "sch1_18",
            200,
            160,
        ),
        (
            "Synthetic Housing Options",
            "Onward referrals for housing, with consent",
            "a_consent",
            "9_2_a",
            100,
            260,
        ),
    ]
    for partner, purpose, art6, art9, signed_ago, review_in in rows:
        agreement_add(
            organisation=organisation,
            recorded_by=actor,
            partner=partner,
            purpose=purpose,
            art6_basis=art6,
            art9_condition=art9,
            signed_on=today - dt.timedelta(days=signed_ago),
            review_on=today + dt.timedelta(days=review_in),
            status="active",
        )
    return len(rows)


def _actor(case: Case) -> Any:
    return case.allocated_to


def build_demo_consent(*, organisation: Any, seed: int, now: dt.datetime) -> ConsentDemo:
    rng = random.Random(seed + STREAM)
    today = timezone.localtime(now).date()
    report = ConsentDemo()
    cases = (
        Case.objects.filter(contract__provider=organisation, allocated_to__isnull=False)
        .select_related("person", "contract", "allocated_to")
        .order_by("opened_at", "id")
    )
    first = cases.first()
    if first is None:
        return report
    report.agreements = _agreements(organisation, _actor(first), today)
    seen: set[Any] = set()
    # streamed, and only until enough people have consents: the whole caseload with its people
    # held at once cost about 1.1 GB at demo scale 1 (session 12's note)
    for case in cases.iterator(chunk_size=200):
        if len(seen) >= INTAKE_CONSENTS:
            break
        if case.person_id in seen:
            continue
        seen.add(case.person_id)
        opened = min(timezone.localtime(case.opened_at).date(), today)
        for kind, how in (("confidentiality", "signed_form"), ("support", "verbal")):
            consent_record(
                person=case.person,
                case=case,
                kind=kind,
                given_on=opened,
                how_given=how,
                recorded_by=_actor(case),
            )
            report.consents += 1
    # one person withdraws their consent to support (the history keeps it)
    withdrawn = Consent.objects.filter(
        person__organisation=organisation, kind="support", withdrawn_on__isnull=True
    ).order_by("given_on", "id")
    chosen = withdrawn[rng.randrange(max(1, min(5, withdrawn.count())))]
    consent_withdraw(
        consent=chosen,
        withdrawn_by=chosen.recorded_by,
        withdrawn_on=max(chosen.given_on, today - dt.timedelta(days=3)),
        reason="Synthetic: no longer wants support from the service",
    )
    report.withdrawn = 1
    _shares(organisation, report)
    return report


def _share(report: ConsentDemo, *, consent: bool, **fields: Any) -> None:
    share_record(
        basis=ShareBasis.CONSENT if consent else fields.pop("basis", ShareBasis.SAFEGUARDING),
        consent_given_now=consent,
        **fields,
    )
    report.shares += 1
    report.without_consent += 0 if consent else 1


def _shares(organisation: Any, report: ConsentDemo) -> None:
    marac = (
        MaracReferral.objects.filter(case__contract__provider=organisation)
        .select_related("case__person", "case__contract", "area", "referred_by")
        .order_by("referred_on", "id")[:MOST_SHARES]
    )
    for referral in marac:
        _share(
            report,
            consent=referral.consent,
            person=referral.case.person,
            case=referral.case,
            recipient=f"{referral.area.name} MARAC",
            purpose="MARAC referral",
            kind=ShareKind.MARAC_REFERRAL,
            reason=referral.without_consent_reason,
            shared_by=referral.referred_by,
            at=referral.recorded_at,
            source=referral,
        )
    onward = (
        OnwardReferral.objects.filter(case__contract__provider=organisation)
        .select_related("case__person", "case__contract", "recorded_by")
        .order_by("made_at", "id")[:MOST_SHARES]
    )
    for onward_referral in onward:
        _share(
            report,
            consent=onward_referral.consent,
            person=onward_referral.case.person,
            case=onward_referral.case,
            recipient=onward_referral.agency,
            purpose=f"Onward referral: {onward_referral.need}"
            if onward_referral.need
            else "Onward referral",
            kind=ShareKind.ONWARD_REFERRAL,
            reason=onward_referral.consent_override,
            shared_by=onward_referral.recorded_by,
            at=onward_referral.made_at,
            source=onward_referral,
        )
    events = (
        SafeguardingEvent.objects.filter(
            case__contract__provider=organisation, kind__in=list(SHARED_WITH)
        )
        .select_related("case__person", "case__contract", "recorded_by")
        .order_by("occurred_on", "id")[:MOST_SHARES]
    )
    for number, event in enumerate(events):
        # every third referral to children's services or the MARU is made without consent
        without = number % 3 == 0 and event.kind in (
            "referral_maru",
            "referral_childrens_social_care",
        )
        _share(
            report,
            consent=not without,
            person=event.case.person,
            case=event.case,
            recipient=SHARED_WITH[EventKind(event.kind)],
            purpose=event.get_kind_display(),
            kind=ShareKind.SAFEGUARDING_REFERRAL,
            reason="Synthetic: a risk of significant harm to a child" if without else "",
            shared_by=event.recorded_by,
            at=event.recorded_at,
            source=event,
        )
    if not report.without_consent:  # the demo always shows one (reference.md s7)
        case = (
            Case.objects.filter(contract__provider=organisation, allocated_to__isnull=False)
            .select_related("person", "contract", "allocated_to")
            .order_by("-opened_at", "id")
            .first()
        )
        if case is not None:
            _share(
                report,
                consent=False,
                person=case.person,
                case=case,
                recipient="Synthetic Children's Social Care",
                purpose="Referral to children's social care",
                kind=ShareKind.SAFEGUARDING_REFERRAL,
                reason="Synthetic: a risk of significant harm to a child",
                shared_by=case.allocated_to,
                source=case,
            )
