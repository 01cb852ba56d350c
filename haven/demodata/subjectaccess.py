"""Demo subject access requests (issue 15 item 3; reference.md s7), made through the services
as the demo's data protection officer: one sent (gathered, reviewed with the third parties
removed, bundle made and sent), one in review (identity verified after a stopped clock,
gathered, the records that name no one else released), and one awaiting proof of identity with
the clock stopped. Nothing is made when the demo provider has no data protection officer."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from haven.accounts.models import Membership
from haven.accounts.roles import Role
from haven.casework.models import Case
from haven.subjectaccess import services
from haven.subjectaccess.models import ItemDecision, SubjectAccessRequest


def demo_subject_access_reset(organisation: Any) -> None:
    """Before the people go (a request protects its person)."""
    SubjectAccessRequest.objects.filter(organisation=organisation).delete()


def _officer(organisation: Any) -> Any:
    membership = (
        Membership.objects.filter(organisation=organisation, role=Role.DATA_PROTECTION_OFFICER)
        .select_related("user")
        .order_by("user__email")
        .first()
    )
    return membership.user if membership else None


def _people(organisation: Any, count: int) -> list[Any]:
    cases = (
        Case.objects.filter(contract__provider=organisation, is_restricted=False)
        .select_related("person")
        .order_by("person__reference_code")
    )
    people: list[Any] = []
    for case in cases[:200]:
        if case.person not in people:
            people.append(case.person)
        if len(people) == count:
            break
    return people


def _review_flagged(sar: SubjectAccessRequest, officer: Any) -> None:
    for item in sar.items.filter(decision=ItemDecision.PENDING):
        if item.third_party_names:
            services.sar_item_review(
                item=item,
                decision=ItemDecision.REDACT,
                redacted_fields=[],
                redact_names=True,
                reason="Names of other people removed (third parties)",
                reviewed_by=officer,
            )
        else:
            services.sar_item_review(
                item=item,
                decision=ItemDecision.WITHHOLD,
                redacted_fields=[],
                redact_names=False,
                reason="About another person (a third party)",
                reviewed_by=officer,
            )


def build_demo_subject_access(*, organisation: Any, seed: int, now: datetime) -> int:
    """The demo's requests; how many were made."""
    officer = _officer(organisation)
    people = _people(organisation, 3)
    if officer is None or len(people) < 3:
        return 0
    today = now.date()
    sent, in_review, awaiting = people
    # one sent: received six weeks ago, answered within the month
    done = services.sar_create(
        person=sent,
        received_on=today - timedelta(days=42),
        received_how="email",
        requester="person",
        request_details="A copy of everything you hold about me.",
        created_by=officer,
    )
    services.sar_verify_identity(
        sar=done,
        verified_on=done.received_on + timedelta(days=1),
        method="Photo ID seen at the office",
        verified_by=officer,
    )
    services.sar_gather(sar=done, gathered_by=officer)
    services.sar_release_unflagged(sar=done, reviewed_by=officer)
    _review_flagged(done, officer)
    services.sar_bundle_produce(sar=done, produced_by=officer)
    services.sar_mark_sent(
        sar=done,
        sent_on=done.received_on + timedelta(days=20),
        sent_how="Secure email to the verified address",
        sent_by=officer,
    )
    # one in review: asked for ID (clock stopped four days), then gathered
    review = services.sar_create(
        person=in_review,
        received_on=today - timedelta(days=12),
        received_how="letter",
        requester="representative",
        representative_name="A synthetic solicitor, Example Law LLP",
        representative_authority="Signed letter of authority from the person, kept on file",
        created_by=officer,
    )
    services.sar_clock_stop(
        sar=review,
        reason="awaiting_id",
        started_on=review.received_on + timedelta(days=1),
        note="Asked the solicitor for the person's ID",
        stopped_by=officer,
    )
    services.sar_verify_identity(
        sar=review,
        verified_on=review.received_on + timedelta(days=5),
        method="Certified copy of a passport",
        verified_by=officer,
    )
    services.sar_gather(sar=review, gathered_by=officer)
    services.sar_release_unflagged(sar=review, reviewed_by=officer)
    # one just received, awaiting proof of identity
    waiting = services.sar_create(
        person=awaiting,
        received_on=today - timedelta(days=3),
        received_how="phone",
        requester="person",
        created_by=officer,
    )
    services.sar_clock_stop(
        sar=waiting,
        reason="awaiting_id",
        started_on=waiting.received_on,
        note="Asked for photo ID at the next visit",
        stopped_by=officer,
    )
    return 3
