"""Demo retention (issue 15 item 4; reference.md s7): a few synthetic people whose support ended
long ago, so the data protection officer's review queue has items due under the local-practice
defaults (CASE+6 for closed adult cases, 6+ for a declined referral), a legal hold on one of them
and an erasure request waiting for a decision.

The demo's own caseload is around now, so nothing in it is due: these old records are added
alongside (their dates are years before any demo return period, so no figure changes). Ids come
from this part's own random stream (seed + STREAM), so the same seed builds the same data.
"""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta
from typing import Any

from haven.accounts.models import User
from haven.accounts.roles import Role
from haven.casework.models import Case, CaseState, ContactAttempt
from haven.contracts.models import Contract
from haven.people.models import Person
from haven.people.reference_codes import generate
from haven.referrals.models import Decision, Referral
from haven.retention.models import Anonymisation, ErasureRequest, LegalHold, RetentionItem
from haven.retention.services import erasure_request_log, legal_hold_place, retention_scan

STREAM = 23
# (given name, family name, years ago the case closed or None for a declined referral)
OLD_RECORDS = (
    ("Avery", "Synthetic-Holloway", 9),
    ("Blair", "Synthetic-Marsh", 8),
    ("Casey", "Synthetic-Thornton", 7),
    ("Devon", "Synthetic-Ashby", None),
)


def demo_retention_reset(organisation: Any) -> None:
    """Retention's rows about the organisation's people (they protect the people from reset)."""
    people = Person.objects.filter(organisation=organisation).values("id")
    Anonymisation.objects.filter(person_id__in=people).delete()
    RetentionItem.objects.filter(person_id__in=people).delete()
    ErasureRequest.objects.filter(person_id__in=people).delete()
    LegalHold.objects.filter(person_id__in=people).delete()
    LegalHold.objects.filter(case__person_id__in=people).delete()


def build_demo_retention(*, organisation: Any, seed: int, now: datetime) -> dict[str, int]:
    rng = random.Random(seed + STREAM)
    contract = Contract.objects.filter(provider=organisation).order_by("slug").first()
    if contract is None:
        return {"due": 0}
    staff = User.objects.filter(memberships__organisation=organisation).order_by("email").first()
    people = []
    for given, family, years in OLD_RECORDS:
        ended = now - timedelta(days=365 * (years or 8) + rng.randint(10, 200))
        person = Person.objects.create(
            id=uuid.UUID(int=rng.getrandbits(128), version=4),
            reference_code=generate(),
            organisation=organisation,
            given_name=given,
            family_name=family,
            date_of_birth=ended.date().replace(year=ended.year - 30 - rng.randint(0, 20), day=1),
            local_authority="Leicester",
            phone="07700 900" + f"{rng.randint(0, 999):03d}",
        )
        referral = Referral.objects.create(
            id=uuid.UUID(int=rng.getrandbits(128), version=4),
            contract=contract,
            person=person,
            route="partner_agency",
            received_at=ended - timedelta(days=120),
            decision=Decision.ACCEPTED if years else Decision.DECLINED,
            decision_reason="" if years else "Synthetic: lives outside the area",
            decline_category="" if years else "outside_area",
            decided_at=ended - timedelta(days=119),
        )
        if years:
            case = Case.objects.create(
                id=uuid.UUID(int=rng.getrandbits(128), version=4),
                person=person,
                contract=contract,
                referral=referral,
                state=CaseState.CLOSED,
                opened_at=ended - timedelta(days=118),
                first_contact_at=ended - timedelta(days=117),
                closed_at=ended,
                exit_type="planned",
                exit_reason="support_goals_met",
                closure_reason="Synthetic: support goals met",
            )
            if staff is not None:
                ContactAttempt.objects.create(
                    id=uuid.UUID(int=rng.getrandbits(128), version=4),
                    case=case,
                    channel="phone",
                    outcome="reached",
                    attempted_at=ended - timedelta(days=117),
                    recorded_by=staff,
                )
        # the 6+ rule runs from the last change: the old record has not changed since then
        Person.objects.filter(pk=person.pk).update(updated_at=ended)
        Referral.objects.filter(pk=referral.pk).update(updated_at=ended)
        people.append(person)
    officer = (
        User.objects.filter(
            memberships__role=Role.DATA_PROTECTION_OFFICER,
            memberships__organisation=organisation,
        )
        .order_by("email")
        .first()
    )
    if officer is not None:
        # a legal hold (a civil claim) keeps one old record off the queue
        legal_hold_place(
            placed_by=officer,
            reason="Synthetic: solicitors notified a civil claim; preserve the records",
            person=people[2],
        )
        erasure_request_log(
            person=people[1],
            received_on=(now - timedelta(days=6)).date(),
            grounds="consent_withdrawn",
            details="Synthetic: asked by letter for their records to be erased",
            logged_by=officer,
        )
    result = retention_scan(today=now.date())
    return {"due": result.added, "held": result.held}
