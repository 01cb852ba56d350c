"""Victim First's hardship fund (seed 002 s3.8: "practical support via a small hardship fund
(currently £5k pa)"): a budget per contract and financial year, and grants on cases from it,
each requested, approved or refused by a manager who is not the requester, and paid.

Money is integer pence (never float); the balance is the budget less the approved grants.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel


class HardshipFund(HavenModel):
    """One contract's hardship fund budget for one financial year (starting on the profile's
    `contract_year_start` of `year`)."""

    contract = models.ForeignKey(
        "contracts.Contract", on_delete=models.PROTECT, related_name="hardship_funds"
    )
    year = models.PositiveSmallIntegerField()  # the year the financial year starts in
    budget_pence = models.PositiveIntegerField()
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField()

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "year"], name="hardship_fund_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.year} to {self.year + 1}"

    @property
    def year_label(self) -> str:
        return f"{self.year} to {self.year + 1}"


class GrantPurpose(models.TextChoices):
    FOOD = "food", "Food and essentials"
    UTILITIES = "utilities", "Gas, electricity or water (including meter top-ups)"
    TRAVEL = "travel", "Travel (to safety, court or appointments)"
    PHONE = "phone", "A phone or phone credit"
    CLOTHING = "clothing", "Clothing"
    HOUSEHOLD = "household", "Household items or furniture"
    CHILDREN = "children", "Children's items or childcare"
    SECURITY = "security", "Home security not covered by target hardening"
    OTHER = "other", "Other"


class GrantStatus(models.TextChoices):
    REQUESTED = "requested", "Requested"
    APPROVED = "approved", "Approved"
    REFUSED = "refused", "Refused"


class HardshipGrant(HavenModel):
    """One grant on a case from a fund: requested, then approved or refused, and once approved
    paid."""

    fund = models.ForeignKey(HardshipFund, on_delete=models.PROTECT, related_name="grants")
    case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="hardship_grants"
    )
    amount_pence = models.PositiveIntegerField()
    purpose = models.CharField(max_length=16, choices=GrantPurpose.choices)
    detail = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField()
    status = models.CharField(
        max_length=12, choices=GrantStatus.choices, default=GrantStatus.REQUESTED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    paid_on = models.DateField(null=True, blank=True)
    paid_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        ordering = ["-requested_at"]
        indexes = [models.Index(fields=["fund", "status"], name="hardship_grant_fund_status")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount_pence__gt=0), name="hardship_grant_amount_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(status="requested", decided_by__isnull=True)
                | (~models.Q(status="requested") & models.Q(decided_by__isnull=False)),
                name="hardship_grant_decision_has_a_decider",
            ),
            models.CheckConstraint(
                condition=models.Q(paid_on__isnull=True) | models.Q(status="approved"),
                name="hardship_grant_paid_only_when_approved",
            ),
        ]

    def __str__(self) -> str:
        return self.get_purpose_display()
