"""Demo: adults of a domestic abuse service who also engage with a sexual violence service (seed
004 s10 SC10, issue 16): for the contracts whose return counts them, some clients with children
living with them are referred on to a synthetic ISVA service, which accepts, with the case's
timeline entries as the onward referral services write them. Own random stream; the onward
referrals go with their cases on a reset.
"""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta
from typing import Any

from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, CaseEvent, OnwardReferral, ReferralOutcome
from haven.casework.services.exit_steps import onward_referral_summary
from haven.casework.services.onward_referrals import outcome_summary
from haven.contracts.models import Contract
from haven.contracts.profiles.stored import profile_of
from haven.people.models import HouseholdLink

STREAM = 37  # this part's own random stream: seed + STREAM
AGENCY = "Synthetic ISVA Service"
NEED = "support after sexual violence"
SHARE = 0.25  # of the clients with children living with them


def _counts_sc10(contract: Contract) -> bool:
    try:
        measures = profile_of(contract).measures
    except ValueError:
        return False
    return any(m.compute == "children_of_adults_in_da_and_sv" for m in measures)


def build_demo_sexual_violence(*, organisation: Any, seed: int, now: datetime) -> int:
    """Accepted referrals to a sexual violence service; returns how many were made."""
    rng = random.Random(seed + STREAM)

    def new_id() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    parents = set(
        HouseholdLink.objects.filter(
            person__organisation=organisation, lives_with_person=True
        ).values_list("person_id", flat=True)
    )
    referrals: list[OnwardReferral] = []
    events: list[CaseEvent] = []
    for contract in Contract.objects.filter(provider=organisation).order_by("slug"):
        if not _counts_sc10(contract):
            continue
        cases = Case.objects.filter(
            contract=contract, first_contact_at__isnull=False, allocated_to__isnull=False
        ).order_by("opened_at", "id")
        eligible = []
        for case in cases:
            if case.person_id not in parents or case.first_contact_at is None:
                continue
            made = case.first_contact_at + timedelta(days=rng.uniform(2, 20))
            accepted = made + timedelta(days=rng.uniform(1, 10))
            if accepted < min(case.closed_at or now, now):
                eligible.append((case, made, accepted))
        # a share of them, and at least one so even the smallest demo shows SC10
        chosen = [row for row in eligible if rng.random() < SHARE] or eligible[:1]
        for case, made, accepted in chosen:
            referral = OnwardReferral(
                id=new_id(),
                case_id=case.id,
                made_at=made,
                agency=AGENCY,
                agency_type="sexual_violence",
                need=NEED,
                consent=True,
                recorded_by_id=case.allocated_to_id,
                recorded_at=made,
                outcome=ReferralOutcome.ACCEPTED,
                outcome_at=accepted,
            )
            referrals.append(referral)
            for kind, at, summary in (
                (CaseEventKind.ONWARD_REFERRAL, made, onward_referral_summary(AGENCY, NEED)),
                (
                    CaseEventKind.ONWARD_REFERRAL_OUTCOME,
                    accepted,
                    outcome_summary(referral, ReferralOutcome.ACCEPTED),
                ),
            ):
                events.append(
                    CaseEvent(
                        id=new_id(),
                        case_id=case.id,
                        kind=kind,
                        occurred_at=at,
                        actor_id=case.allocated_to_id,
                        summary=summary,
                        object_type=OnwardReferral._meta.label_lower,
                        object_id=str(referral.pk),
                        data={},
                    )
                )
    OnwardReferral.objects.bulk_create(referrals)
    CaseEvent.objects.bulk_create(events)
    return len(referrals)
