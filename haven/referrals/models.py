"""Referrals: how a person reached a contract, the eligibility decision and its reason."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel
from haven.deadlines import RISK_LEVEL_CHOICES


class ContactMethod(models.TextChoices):
    """The victim's chosen contact method, from the police list (seed 002 s3.7)."""

    HOME_PHONE = "home_phone", "Home phone"
    MOBILE_PHONE = "mobile_phone", "Mobile phone"
    WORK_PHONE = "work_phone", "Work phone"
    EMAIL = "email", "Email"
    IN_PERSON = "in_person", "In person"
    POST = "post", "Post"
    SMS = "sms", "Text message (SMS)"


class ReceivedVia(models.TextChoices):
    """How a staff-entered referral reached the service (the route says who referred)."""

    PHONE = "phone", "Phone call"
    EMAIL = "email", "Email"
    COMMUNITY_EVENT = "community_event", "At a community event"
    HELPLINE_CALL = "helpline_call", "Helpline call"
    REFERRAL_FORM = "referral_form", "Referral form from an agency"
    POLICE_NOTIFICATION = "police_notification", "Police notification entered by hand"
    IN_PERSON = "in_person", "In person"
    POST = "post", "Letter"
    WEB = "web", "Online self-referral form"  # issue 14: haven/portal


class SupportNeed(models.TextChoices):
    """Primary support need (seed 004 s10 KPI A1)."""

    DA = "da", "Domestic abuse"
    HBA = "hba", "Honour-based abuse"
    FGM = "fgm", "Female genital mutilation"
    FM = "fm", "Forced marriage"
    SV_HISTORIC = "sv_historic", "Sexual violence (historic)"
    SV_ACUTE = "sv_acute", "Sexual violence (acute)"
    STALKING = "stalking", "Stalking"


class Priority(models.TextChoices):
    STANDARD = "standard", "Standard"
    EMERGENCY = "emergency", "Emergency"


class Decision(models.TextChoices):
    PENDING = "pending", "Waiting for a decision"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


class DeclineCategory(models.TextChoices):
    """Why a referral or initial request was declined, as a category the return can count
    (seed 004 s10 A3: "declined (with reasons)"); the free-text reason stays alongside.

    From the seeds' eligibility and exclusion rules: seed 004 s4.3 (men 16+ fleeing domestic
    abuse, needing housing-related support, willing to engage) and s4.2 (a refuge of at least
    five bedrooms); seed 003 s7 (assessment of need, risk and eligibility; concerns from a risk
    assessment referred to the appropriate alternative service) and s8 (Wokingham residents;
    needs within a statutory responsibility or beyond the resources available; exclusion for a
    serious risk to staff, customers or the public)."""

    OUTSIDE_ELIGIBILITY = "outside_eligibility", "Does not meet the eligibility criteria"
    OUTSIDE_AREA = "outside_area", "Lives outside the area the service covers"
    NO_CONSENT = "no_consent", "Did not consent to the referral or to support"
    NEEDS_BETTER_MET_ELSEWHERE = (
        "needs_better_met_elsewhere",
        "Needs better met by another service (statutory or specialist)",
    )
    ALREADY_SUPPORTED = "already_supported", "Already supported by another service"
    UNABLE_TO_MEET_RISK = "unable_to_meet_risk", "Risk cannot be safely managed by the service"
    NO_VACANCY = "no_vacancy", "No vacancy or capacity"
    NOT_CONTACTABLE = "not_contactable", "Could not be contacted"
    WITHDRAWN = "withdrawn", "Referral withdrawn by the referrer or the person"
    OTHER = "other", "Other reason"


class Cohort(models.TextChoices):
    """Groups a profile may exempt from the waiting list (seed 003 s5, s7)."""

    YOS_PLAN = "yos_plan", "On a Youth Offending Service intervention plan"
    LOOKED_AFTER_CHILD = "looked_after_child", "A child looked after by the council"
    CHILD_PROTECTION_PLAN = "child_protection_plan", "On a child protection plan"


MANUAL_SOURCE = "manual"


class Referral(HavenModel):
    """One referral of a person to a contract; declined referrals are kept with their reason."""

    contract = models.ForeignKey(
        "contracts.Contract", on_delete=models.PROTECT, related_name="referrals"
    )
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="referrals")
    route = models.CharField(max_length=60, help_text="A key from the profile's referral_routes")
    received_via = models.CharField(max_length=30, choices=ReceivedVia.choices, blank=True)
    source_organisation = models.CharField(max_length=200, blank=True)
    referrer_name = models.CharField(max_length=200, blank=True)
    referrer_contact = models.CharField(max_length=200, blank=True)
    received_at = models.DateTimeField(db_index=True)
    incident_at = models.DateTimeField(null=True, blank=True)
    contact_method = models.CharField(max_length=20, choices=ContactMethod.choices, blank=True)
    consent_to_contact = models.BooleanField(default=False)
    referrer_risk_level = models.CharField(max_length=10, choices=RISK_LEVEL_CHOICES, blank=True)
    risk_indicators = models.TextField(blank=True)
    priority = models.CharField(max_length=10, choices=Priority.choices, default=Priority.STANDARD)
    presenting_need = models.TextField(blank=True)
    primary_support_need = models.CharField(max_length=20, choices=SupportNeed.choices, blank=True)
    cohorts = models.JSONField(
        default=list, blank=True, help_text="Cohort keys, e.g. child_protection_plan"
    )
    decision = models.CharField(
        max_length=10, choices=Decision.choices, default=Decision.PENDING, db_index=True
    )
    decision_reason = models.TextField(blank=True)
    decline_category = models.CharField(
        max_length=30, choices=DeclineCategory.choices, blank=True
    )  # seed 004 s10 A3: set whenever the referral is declined
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    eligibility_reasons = models.JSONField(default=list, blank=True)
    is_repeat = models.BooleanField(
        default=False, help_text="Referred within the previous 12 months"
    )
    source = models.CharField(max_length=40, default=MANUAL_SOURCE)
    external_id = models.CharField(max_length=100, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"],
                condition=~models.Q(external_id=""),
                name="referral_source_external_id_unique",
            )
        ]
        indexes = [models.Index(fields=["person", "received_at"])]

    def __str__(self) -> str:
        return f"Referral {self.pk}"

    def route_label(self) -> str:
        for route in self.contract.profile.get("referral_routes") or []:
            if route.get("key") == self.route:
                return str(route.get("label", self.route))
        return self.route
