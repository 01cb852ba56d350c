"""Consents, information-sharing agreements and the share register (issue 15 items 1-2).

A consent is never changed after it is recorded, except that it may be withdrawn (when, by whom,
why). A new consent after a withdrawal is a new row: the history is the rows themselves.

Every share Haven makes is one `Share` row, written only by `services.share_record`: the consent
relied on, or the lawful basis used without it and the reason (reference.md s7: an Art. 6 basis
and, for special category data, an Art. 9 / DPA 2018 Sch. 1 condition). A share points at the
record it came from by app label, model name and id (no foreign key into the apps above).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

# defined in core (below casework, whose onward referral records one); re-exported here
from haven.core.lawful_basis import ShareBasis as ShareBasis
from haven.core.models import HavenModel


class ConsentKind(models.TextChoices):
    # seed 004 s11.1: "a confidentiality agreement to sign and say they have understood
    # confidentiality and information sharing and to consent to support"
    CONFIDENTIALITY = "confidentiality", "Confidentiality agreement"
    SUPPORT = "support", "Consent to support"
    SHARE = "share", "Consent to share information"


class HowGiven(models.TextChoices):
    VERBAL = "verbal", "Verbally"
    WRITTEN = "written", "In writing"
    SIGNED_FORM = "signed_form", "Signed form"
    # a share recorded with consent ticked on its own form (a MARAC or onward referral)
    WITH_SHARE = "with_share", "Recorded with a referral"


class Consent(HavenModel):
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(
        "casework.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=ConsentKind.choices)
    # consent to share: with whom (a named agency) and for what
    recipient = models.CharField(max_length=200, blank=True)
    purpose = models.CharField(max_length=300, blank=True)
    given_on = models.DateField()
    how_given = models.CharField(max_length=20, choices=HowGiven.choices)
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()
    withdrawn_on = models.DateField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    withdrawn_reason = models.TextField(blank=True)
    withdrawn_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-given_on", "-recorded_at"]
        indexes = [models.Index(fields=["person", "kind"], name="consent_person_kind")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="share") | ~models.Q(recipient=""),
                name="consent_share_names_recipient",
            ),
            models.CheckConstraint(
                condition=models.Q(withdrawn_on__isnull=True)
                | (models.Q(withdrawn_by__isnull=False) & ~models.Q(withdrawn_reason="")),
                name="consent_withdrawal_complete",
            ),
        ]

    def __str__(self) -> str:
        if self.kind == ConsentKind.SHARE:
            return f"Consent to share with {self.recipient}"
        return self.get_kind_display()

    @property
    def is_current(self) -> bool:
        return self.withdrawn_on is None


class Art6Basis(models.TextChoices):
    """UK GDPR Art. 6(1) lawful bases (reference.md s7)."""

    CONSENT = "a_consent", "Art 6(1)(a) consent"
    CONTRACT = "b_contract", "Art 6(1)(b) contract"
    LEGAL_OBLIGATION = "c_legal_obligation", "Art 6(1)(c) legal obligation"
    VITAL_INTERESTS = "d_vital_interests", "Art 6(1)(d) vital interests"
    PUBLIC_TASK = "e_public_task", "Art 6(1)(e) public task"
    LEGITIMATE_INTERESTS = "f_legitimate_interests", "Art 6(1)(f) legitimate interests"


class Art9Condition(models.TextChoices):
    """UK GDPR Art. 9(2) conditions, with the DPA 2018 Sch. 1 ones a DA service relies on
    (reference.md s7: Sch. 1 para 18 safeguarding; preventing or detecting unlawful acts)."""

    EXPLICIT_CONSENT = "9_2_a", "Art 9(2)(a) explicit consent"
    VITAL_INTERESTS = "9_2_c", "Art 9(2)(c) vital interests"
    LEGAL_CLAIMS = "9_2_f", "Art 9(2)(f) legal claims"
    HEALTH_SOCIAL_CARE = "9_2_h", "Art 9(2)(h) health or social care"
    SCH1_PARA10 = (
        "sch1_10",
        "Art 9(2)(g), DPA 2018 Sch 1 para 10: preventing or detecting unlawful acts",
    )
    SCH1_PARA18 = (
        "sch1_18",
        "Art 9(2)(g), DPA 2018 Sch 1 para 18: safeguarding of children and individuals at risk",
    )


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    ACTIVE = "active", "Active"
    ENDED = "ended", "Ended"


class SharingAgreement(HavenModel):
    """An information-sharing agreement or protocol the provider has signed (seed 004 s11.1:
    "MARAC, MARU ... DASV Information Sharing Protocol")."""

    organisation = models.ForeignKey(
        "contracts.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    partner = models.CharField(max_length=200)
    purpose = models.TextField()
    art6_basis = models.CharField(max_length=30, choices=Art6Basis.choices)
    art9_condition = models.CharField(max_length=20, choices=Art9Condition.choices)
    signed_on = models.DateField(null=True, blank=True)
    review_on = models.DateField()
    status = models.CharField(
        max_length=10, choices=AgreementStatus.choices, default=AgreementStatus.ACTIVE
    )
    last_reviewed_on = models.DateField(null=True, blank=True)
    last_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    review_note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["review_on", "partner"]

    def __str__(self) -> str:
        return f"{self.partner}: {self.purpose[:60]}"


class ShareKind(models.TextChoices):
    ONWARD_REFERRAL = "onward_referral", "Onward referral"
    MARAC_REFERRAL = "marac_referral", "MARAC referral"
    SAFEGUARDING_REFERRAL = "safeguarding_referral", "Safeguarding referral"
    PARTNER_STATUS = "partner_status", "Referral status shown to the referring partner"
    EXPORT = "export", "Record-level export"
    OTHER = "other", "Other"


class Share(HavenModel):
    """One share of a person's information with another organisation."""

    organisation = models.ForeignKey(
        "contracts.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(
        "casework.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=30, choices=ShareKind.choices)
    recipient = models.CharField(max_length=200)
    purpose = models.CharField(max_length=300)
    basis = models.CharField(max_length=20, choices=ShareBasis.choices)
    consent = models.ForeignKey(
        Consent, null=True, blank=True, on_delete=models.PROTECT, related_name="shares"
    )
    reason = models.TextField(blank=True)  # required without consent
    agreement = models.ForeignKey(
        SharingAgreement, null=True, blank=True, on_delete=models.SET_NULL, related_name="shares"
    )
    shared_at = models.DateTimeField()
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # the record shared: app label, model name and id ("marac", "maracreferral", uuid)
    source_app = models.CharField(max_length=40, blank=True)
    source_model = models.CharField(max_length=60, blank=True)
    source_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-shared_at"]
        indexes = [
            models.Index(fields=["person", "shared_at"], name="share_person_at"),
            models.Index(fields=["organisation", "shared_at"], name="share_organisation_at"),
            models.Index(fields=["source_app", "source_model", "source_id"], name="share_source"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(basis="consent") & models.Q(consent__isnull=False))
                | (~models.Q(basis="consent") & ~models.Q(reason="")),
                name="share_has_consent_or_basis_and_reason",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.recipient}"


# the bases a form offers when the person has not consented (reference.md s7)
WITHOUT_CONSENT_BASES = [(b.value, b.label) for b in ShareBasis if b != ShareBasis.CONSENT]
