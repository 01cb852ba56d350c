"""Partner agencies (issue 14 items 6-7): organisations that refer to the services, the people
who refer for them, the referrals they made, and their systems' API tokens.

A partner organisation refers only to the contracts it is linked to, by the route the contract's
profile lists for it (seed 002 Lot 2 s1, s3.1: target hardening "will exclusively receive
referrals from these two victim support services"). Partners see the status of their own
referrals, never casework.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel


class PartnerKind(models.TextChoices):
    """Issue 14 item 6: police, health, housing, children's services, victim support."""

    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    HOUSING = "housing", "Housing"
    CHILDRENS_SERVICES = "childrens_services", "Children's services"
    VICTIM_SUPPORT = "victim_support", "Victim support service"
    OTHER = "other", "Other agency"


class PartnerOrganisation(HavenModel):
    """An agency outside the provider that refers people to its services."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=30, choices=PartnerKind.choices)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PartnerContract(HavenModel):
    """A contract the organisation may refer to, and the profile route its referrals take."""

    organisation = models.ForeignKey(
        PartnerOrganisation, on_delete=models.CASCADE, related_name="contract_links"
    )
    contract = models.ForeignKey(
        "contracts.Contract", on_delete=models.PROTECT, related_name="partner_links"
    )
    route = models.CharField(max_length=60, help_text="A key from the profile's referral_routes")

    class Meta:
        ordering = ["contract__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "contract"], name="partner_contract_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.contract_id} ({self.route})"


class PartnerMembership(HavenModel):
    """A user who refers for a partner organisation (the Partner agency role). One per user."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_membership"
    )
    organisation = models.ForeignKey(
        PartnerOrganisation, on_delete=models.PROTECT, related_name="memberships"
    )
    active = models.BooleanField(default=True)

    def __str__(self) -> str:
        return f"Partner agency – {self.organisation}"


class PartnerReferral(HavenModel):
    """Which organisation made a referral, and how (form by a user, or the API by a token)."""

    referral = models.OneToOneField(
        "referrals.Referral", on_delete=models.PROTECT, related_name="partner_referral"
    )
    organisation = models.ForeignKey(
        PartnerOrganisation, on_delete=models.PROTECT, related_name="referrals"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    token = models.ForeignKey(
        "partners.ApiToken",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="referrals",
    )
    partner_reference = models.CharField(
        max_length=100, blank=True, help_text="The partner's own reference for the referral"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Partner referral {self.pk}"


class ApiToken(HavenModel):
    """A partner system's key: shown once, kept as a SHA-256 hash, found by its prefix."""

    organisation = models.ForeignKey(
        PartnerOrganisation, on_delete=models.PROTECT, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, help_text="What the token is for")
    prefix = models.CharField(max_length=16, unique=True)
    key_hash = models.CharField(max_length=64)
    contracts = models.ManyToManyField("contracts.Contract", related_name="+")
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    last_used_at = models.DateTimeField(null=True, blank=True)
    rate_limit_per_minute = models.PositiveIntegerField(default=60)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class IdempotentRequest(HavenModel):
    """A POST's Idempotency-Key per token: the body's hash and the referral it made."""

    token = models.ForeignKey(ApiToken, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=100)
    body_hash = models.CharField(max_length=64)
    referral = models.ForeignKey("referrals.Referral", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["token", "key"], name="idempotency_key_per_token")
        ]


class RateWindow(HavenModel):
    """Requests a token made in one minute (in the database: every worker counts together)."""

    token = models.ForeignKey(ApiToken, on_delete=models.CASCADE, related_name="+")
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["token", "window_start"], name="rate_window_unique")
        ]
