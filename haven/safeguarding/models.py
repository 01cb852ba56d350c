"""Safeguarding of the children of a household and of adults (seed 004 s6.5 and s10 SA1-SA5,
SC1-SC10; seed 001 Lot 1 s8 safeguarding outputs; seed 003 s13 children on CIN/CP plans).

- `ChildRecord`: one per child of the survivor's household on a case: school or nursery, the
  child protection plan, child in need and looked-after periods (each with its dates), and the
  child's voice (what the child said, and when).
- `SafeguardingEvent`: one model with a `kind` for every referral, submission and meeting the
  returns count (MARU, children's social care, early help, young and adult carers; CAF or
  early-help assessments; team around the child, child protection conferences, core groups,
  children and family support meetings; Together for Families families identified).
- `SafeguardingAlert`: a safeguarding adults alert raised within the organisation (SA1-SA5).
- `ThinkFamilyCheck`: the Think Family questions asked at a contact (seed 004 s6.5).

Every counted fact is a field, never timeline JSON.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel
from haven.people.choices import HarmRelationship

VOICE_MAX_LENGTH = 4_000
NOTES_MAX_LENGTH = 2_000
SCHOOL_MAX_LENGTH = 200


class ChildRecord(HavenModel):
    """A child of the survivor's household, as safeguarding sees them on one case."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="child_records"
    )
    child = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="safeguarding_records"
    )
    school = models.CharField(max_length=SCHOOL_MAX_LENGTH, blank=True)
    # seed 004 s10 SC2 / seed 003 s13: a child protection plan, from and to
    cp_plan_started_on = models.DateField(null=True, blank=True)
    cp_plan_ended_on = models.DateField(null=True, blank=True)
    # seed 004 s10 SC4: a child in need (CIN, "CHIN")
    cin_started_on = models.DateField(null=True, blank=True)
    cin_ended_on = models.DateField(null=True, blank=True)
    looked_after_started_on = models.DateField(null=True, blank=True)
    looked_after_ended_on = models.DateField(null=True, blank=True)
    # the child's voice: what the child said, and when
    voice = models.TextField(blank=True)
    voice_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["recorded_at"]
        constraints = [
            models.UniqueConstraint(fields=["case", "child"], name="child_record_once_per_case"),
            *[
                models.CheckConstraint(
                    condition=models.Q(**{f"{name}_ended_on__isnull": True})
                    | models.Q(
                        **{
                            f"{name}_started_on__isnull": False,
                            f"{name}_ended_on__gte": models.F(f"{name}_started_on"),
                        }
                    ),
                    name=f"child_record_{name}_ends_after_it_starts",
                )
                for name in ("cp_plan", "cin", "looked_after")
            ],
            models.CheckConstraint(
                condition=models.Q(voice="", voice_on__isnull=True)
                | (~models.Q(voice="") & models.Q(voice_on__isnull=False)),
                name="child_record_voice_has_a_date",
            ),
        ]

    def __str__(self) -> str:
        return "Child's safeguarding record"


class EventKind(models.TextChoices):
    # referrals (seed 004 s6.5 "referral pathways into Early Help, Social Care"; s10 SC1)
    REFERRAL_MARU = "referral_maru", "Referral to the MARU (multi-agency referral unit)"
    REFERRAL_CHILDRENS_SOCIAL_CARE = (
        "referral_childrens_social_care",
        "Referral to children's social care",
    )
    REFERRAL_EARLY_HELP = "referral_early_help", "Referral to early help"
    REFERRAL_YOUNG_CARERS = "referral_young_carers", "Referral to the young carers service"
    REFERRAL_ADULT_CARERS = "referral_adult_carers", "Referral to the carers service (an adult)"
    # seed 001 Lot 1 s8, Lot 3 s8: CAFs (or equivalent) completed
    CAF_SUBMITTED = "caf_submitted", "CAF or early help assessment submitted"
    # meetings (seed 004 s10 SC5-SC7, s6.5 "core groups"; seed 001 Lot 1 s8 inputs)
    TAC_MEETING = "tac_meeting", "Team around the child (TAC) meeting"
    CP_CONFERENCE = "cp_conference", "Child protection conference"
    CORE_GROUP = "core_group", "Core group meeting"
    FAMILY_SUPPORT_MEETING = "family_support_meeting", "Children and family support meeting"
    # seed 004 s10 SC8: Together for Families (troubled families) families identified
    TFF_IDENTIFIED = "tff_identified", "Family identified for Together for Families"


MEETING_KINDS = frozenset(
    {
        EventKind.TAC_MEETING,
        EventKind.CP_CONFERENCE,
        EventKind.CORE_GROUP,
        EventKind.FAMILY_SUPPORT_MEETING,
    }
)
# about the whole family or an adult, never one child
FAMILY_KINDS = frozenset({EventKind.TFF_IDENTIFIED, EventKind.REFERRAL_ADULT_CARERS})


class SafeguardingEvent(HavenModel):
    """A safeguarding referral, submission or meeting on a case, about one child or the family."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="safeguarding_events"
    )
    child = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="safeguarding_events",
    )
    kind = models.CharField(max_length=32, choices=EventKind.choices)
    occurred_on = models.DateField()
    # a meeting: whether the service attended (seed 004 s10 SC5 "conferences attended")
    attended = models.BooleanField(null=True, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-occurred_on", "-recorded_at"]
        indexes = [models.Index(fields=["case", "occurred_on"], name="safeguarding_event_case_day")]

    def __str__(self) -> str:
        return self.get_kind_display()

    @property
    def is_meeting(self) -> bool:
        return self.kind in MEETING_KINDS


class Substantiation(models.TextChoices):
    PENDING = "pending", "Not known yet"
    FULLY = "fully", "Substantiated"
    PARTIALLY = "partially", "Partially substantiated"
    NOT_SUBSTANTIATED = "not_substantiated", "Not substantiated"


# seed 004 s10 SA2: "partially or fully substantiated"
SUBSTANTIATED = frozenset({Substantiation.FULLY, Substantiation.PARTIALLY})
# seed 004 s10 SA5: "person engaging in abusive behaviour is a partner or family member"
PARTNER_OR_FAMILY = frozenset(
    {
        HarmRelationship.CURRENT_PARTNER,
        HarmRelationship.EX_PARTNER,
        HarmRelationship.PARENT,
        HarmRelationship.CHILD,
        HarmRelationship.OTHER_FAMILY,
    }
)


class SafeguardingAlert(HavenModel):
    """A safeguarding adults alert raised within the organisation (seed 004 s10 SA1-SA5)."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="safeguarding_alerts"
    )
    raised_on = models.DateField()
    concern = models.TextField()
    substantiation = models.CharField(
        max_length=20, choices=Substantiation.choices, default=Substantiation.PENDING
    )
    referred_on = models.DateField(null=True, blank=True)  # to adult safeguarding (SA3)
    # who causes the harm, to the adult at risk ("" when not known)
    harm_relationship = models.CharField(
        max_length=20, choices=HarmRelationship.choices, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-raised_on", "-recorded_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(referred_on__isnull=True)
                | models.Q(referred_on__gte=models.F("raised_on")),
                name="safeguarding_alert_referred_after_raised",
            )
        ]

    def __str__(self) -> str:
        return "Safeguarding adults alert"

    @property
    def referred(self) -> bool:
        return self.referred_on is not None


class CarerReferral(models.TextChoices):
    NOT_NEEDED = "not_needed", "Not needed: no carer"
    ACCEPTED = "accepted", "Offered and accepted"
    DECLINED = "declined", "Offered and declined"


class ThinkFamilyCheck(HavenModel):
    """The Think Family questions asked at one contact (seed 004 s6.5)."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="think_family_checks"
    )
    asked_on = models.DateField()
    children_in_family = models.BooleanField()
    contact_with_children = models.TextField(blank=True)
    impact_on_family = models.TextField(blank=True)
    parenting_support_needed = models.BooleanField()
    young_carer = models.BooleanField()
    care_provided = models.TextField(blank=True)
    vulnerable_adult = models.BooleanField()
    adult_carer = models.BooleanField()
    family_offered_support = models.BooleanField()
    whole_family_help = models.TextField(blank=True)
    young_carer_referral = models.CharField(max_length=12, choices=CarerReferral.choices)
    adult_carer_referral = models.CharField(max_length=12, choices=CarerReferral.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-asked_on", "-recorded_at"]

    def __str__(self) -> str:
        return "Think Family questions"
