"""The share recorders consent registers with the apps below it (casework's onward referrals,
casework/share_hooks.py)."""

from __future__ import annotations

from typing import Any

from haven.casework.share_hooks import register_onward_share_recorder
from haven.consent.models import ShareBasis, ShareKind


def record_onward_referral(referral: Any) -> None:
    """An onward referral is a share with the agency: with the survivor's consent (ticked on
    the referral's form), else on the lawful basis the form asks for (reference.md s7: an Art. 6
    basis with an Art. 9 / Sch. 1 condition) with the reason it requires (`consent_override`)."""
    from haven.consent.services import share_record

    share_record(
        person=referral.case.person,
        case=referral.case,
        recipient=referral.agency,
        purpose=f"Onward referral: {referral.need}" if referral.need else "Onward referral",
        kind=ShareKind.ONWARD_REFERRAL,
        # without consent, the basis the worker chose (older rows: safeguarding, as recorded then)
        basis=ShareBasis.CONSENT
        if referral.consent
        else (referral.override_basis or ShareBasis.SAFEGUARDING),
        reason="" if referral.consent else referral.consent_override,
        consent_given_now=referral.consent,
        shared_by=referral.recorded_by,
        at=referral.made_at,
        source=referral,
    )


def connect() -> None:
    register_onward_share_recorder(record_onward_referral)
