"""Target hardening (seed 002 Lot 2): the provider's catalogue of security items, and per case
the job: the home visit with its security assessment and service level, the items fitted with
their costs, the work refused, and additional needs fed back to the referrer.

- seed 002 Lot 2 s3.1: attend within 5 working days (emergencies 4 hours), carry out a Home
  Security Assessment whose score sets the service level, supply and fit "police approved / kite
  marked" items up to an agreed price; never the landlord's or owner's repairs (a broken door).
- s4: cost per property, time between referral and fitting, spend to date.
- s6: additional needs are fed back to the referrer with the victim's consent.
The end-of-visit survey is a followups.Survey (occasion end_of_visit); the 12-month follow-up
is the profile's schedule `follow_up_12_months`.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel


class Fitting(models.TextChoices):
    # seed 002 Lot 2 s3.1: level 2 items "can be fitted/installed/used by the victim"; level 3
    # items "require a specialist fitter"
    SELF_FIT = "self_fit", "Fitted or used by the victim"
    SPECIALIST = "specialist_fit", "Fitted by a specialist"


class SecurityItem(HavenModel):
    """One item of a provider's catalogue, with its price and the most fitted at one property."""

    provider = models.ForeignKey(
        "contracts.Organisation", on_delete=models.PROTECT, related_name="security_items"
    )
    name = models.CharField(max_length=120)
    # seed 002 Lot 2 s3.1: "a recognised standard i.e. Police approved/kite marked"
    police_approved = models.BooleanField()
    unit_price = models.DecimalField(max_digits=8, decimal_places=2)
    max_per_property = models.PositiveSmallIntegerField()
    fitting = models.CharField(max_length=16, choices=Fitting.choices)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["provider", "name"], name="security_item_unique_name"),
            models.CheckConstraint(
                condition=models.Q(unit_price__gte=0), name="security_item_price_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class TargetHardeningJob(HavenModel):
    """The job on one case: recorded with the home visit and its assessment (one per case)."""

    case = models.OneToOneField(
        "casework.Case", on_delete=models.CASCADE, related_name="target_hardening_job"
    )
    visited_at = models.DateTimeField()
    visited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # the profile's question and factor keys that applied (target_hardening.assessment)
    concerns = models.JSONField(default=list)
    vulnerabilities = models.JSONField(default=list)
    score = models.PositiveSmallIntegerField()
    service_level = models.PositiveSmallIntegerField()
    explanation = models.CharField(max_length=2000)
    # a manager's approval to spend more than the profile's maximum on this property
    over_limit_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    over_limit_approved_at = models.DateTimeField(null=True, blank=True)
    over_limit_reason = models.TextField(blank=True)
    # seed 002 Lot 2 s6: additional needs, fed back to the referrer only with consent
    additional_needs = models.TextField(blank=True)
    consent_to_share = models.BooleanField(null=True, blank=True)
    needs_fed_back_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(service_level__in=[1, 2, 3]), name="th_job_level_1_to_3"
            ),
            models.CheckConstraint(
                condition=models.Q(needs_fed_back_at__isnull=True)
                | models.Q(consent_to_share=True),
                name="th_job_needs_fed_back_with_consent",
            ),
        ]

    def __str__(self) -> str:
        return f"Target hardening job (level {self.service_level})"


class FittedItem(HavenModel):
    """Items supplied or fitted at the visit (or later), at the unit price of the time."""

    job = models.ForeignKey(TargetHardeningJob, on_delete=models.CASCADE, related_name="fitted")
    item = models.ForeignKey(SecurityItem, on_delete=models.PROTECT, related_name="+")
    quantity = models.PositiveSmallIntegerField()
    unit_price = models.DecimalField(max_digits=8, decimal_places=2)
    fitted_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["fitted_on", "created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(quantity__gte=1), name="th_fitted_quantity")
        ]

    @property
    def cost(self) -> Decimal:
        return self.unit_price * self.quantity


class RefusedBy(models.TextChoices):
    # seed 002 Lot 2 s3.1: the landlord's or owner-occupier's responsibilities are not replaced
    # ("if a door is smashed down ... the target hardening service should not be replacing
    # this"); products must be police approved / kitemarked
    VICTIM = "victim", "The victim refused it"
    LANDLORD_OR_OWNER = "landlord_or_owner", "The landlord's or owner's responsibility"
    NOT_POLICE_APPROVED = "not_police_approved", "Not police approved or kitemarked"


class Refusal(HavenModel):
    """An item or piece of work not supplied, who or what refused it, and why."""

    job = models.ForeignKey(TargetHardeningJob, on_delete=models.CASCADE, related_name="refusals")
    item = models.ForeignKey(
        SecurityItem, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    work = models.CharField(max_length=200, blank=True)
    refused_by = models.CharField(max_length=20, choices=RefusedBy.choices)
    reason = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(item__isnull=False) | ~models.Q(work=""),
                name="th_refusal_names_item_or_work",
            )
        ]

    @property
    def what(self) -> str:
        return self.item.name if self.item is not None else self.work
