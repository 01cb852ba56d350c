"""What a share of a person's information relies on (reference.md s7: UK GDPR Art. 6 with an
Art. 9 / DPA 2018 Sch. 1 condition). It lives in core, below every app, so casework's onward
referral can record the basis chosen for sharing without consent, and consent's share register
(which re-exports it from `haven.consent.models`) records it."""

from __future__ import annotations

from django.db import models


class ShareBasis(models.TextChoices):
    """What a share relies on. Without consent, an Art. 6 basis with an Art. 9 / Sch. 1
    condition (reference.md s7)."""

    CONSENT = "consent", "Consent"
    SAFEGUARDING = "safeguarding", "Safeguarding (DPA 2018 Sch 1 para 18)"
    VITAL_INTERESTS = "vital_interests", "Vital interests (Art 6(1)(d), Art 9(2)(c))"
    LEGAL_OBLIGATION = "legal_obligation", "Legal obligation (Art 6(1)(c))"
    CRIME = "crime", "Preventing or detecting crime (DPA 2018 Sch 1 para 10)"
    PUBLIC_TASK = "public_task", "Public task under an information-sharing agreement (Art 6(1)(e))"


# the bases a share without consent may rely on, in the order a form offers them
WITHOUT_CONSENT = [basis for basis in ShareBasis if basis != ShareBasis.CONSENT]
