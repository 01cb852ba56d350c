"""The agency directory a provider keeps (who it refers people on to, and how to send safely),
and what became of an onward referral. Imported by `casework.models`, so these are `casework`
models like the rest (issue 11 item 4; seed 002 Lot 1 s7 "list of agencies referred to")."""

from __future__ import annotations

from django.db import models

from haven.casework.fact_models import AgencyType
from haven.core.models import HavenModel


class ContactRoute(models.TextChoices):
    """How a referral reaches the agency safely (the route, not the address: that is in
    `contact_details`)."""

    SECURE_EMAIL = "secure_email", "Secure email"
    PORTAL = "portal", "Online referral portal"
    PHONE = "phone", "Phone"
    POST = "post", "Post"
    OTHER = "other", "Other"


class Agency(HavenModel):
    """One agency in a provider organisation's directory; staff pick from it when referring on.
    Inactive entries stay (past referrals point at them) but are not offered."""

    organisation = models.ForeignKey(
        "contracts.Organisation", on_delete=models.PROTECT, related_name="agencies"
    )
    name = models.CharField(max_length=200)
    agency_type = models.CharField(max_length=30, choices=AgencyType.choices)
    areas_covered = models.CharField(max_length=300, blank=True)
    contact_route = models.CharField(max_length=20, choices=ContactRoute.choices)
    contact_details = models.CharField(max_length=300)
    notes = models.TextField(blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="agency_name_unique_in_organisation"
            ),
        ]

    def __str__(self) -> str:
        return self.name
