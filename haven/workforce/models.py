"""Workforce compliance and volunteers (issue 16 items 3 and 6): each worker's staff record,
the planned establishment, sickness absence, supervision, vetting and mandatory training.

HR data is personal data of staff: pages show it only to the organisation's team leaders and
service managers and to the worker themself (rules.py); ids in URLs are uuids.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel
from haven.people import choices as equality


class StaffKind(models.TextChoices):
    STAFF = "staff", "Staff"
    VOLUNTEER = "volunteer", "Volunteer"


class ContractType(models.TextChoices):
    PERMANENT = "permanent", "Permanent"
    FIXED_TERM = "fixed_term", "Fixed-term"
    # seed 004 s10: "Temporary Staffing Usage - Overall (Bank, Agency and Locum)"
    BANK = "bank", "Bank"
    AGENCY = "agency", "Agency"
    LOCUM = "locum", "Locum"


class VolunteerRole(models.TextChoices):
    # seed 001 Lot 3 s8: volunteers recruited, trained and supervised (mentors, helpline)
    MENTOR = "mentor", "Mentor"
    HELPLINE = "helpline", "Helpline volunteer"
    BEFRIENDER = "befriender", "Befriender"
    OTHER = "other", "Other volunteer role"


class LeavingReason(models.TextChoices):
    # seed 004 s10: staff turnover; why people leave tells voluntary from other turnover
    RESIGNATION = "resignation", "Resigned"
    END_OF_CONTRACT = "end_of_contract", "Fixed-term contract or placement ended"
    RETIREMENT = "retirement", "Retired"
    REDUNDANCY = "redundancy", "Made redundant"
    DISMISSAL = "dismissal", "Dismissed"
    OTHER = "other", "Other reason"


class EstablishmentPost(HavenModel):
    """A line of the workforce plan: a post of the organisation and its planned FTE, in force
    from `valid_from` to `valid_to` (seed 004 s10: vacancy and plan vs actual)."""

    organisation = models.ForeignKey(
        "contracts.Organisation", on_delete=models.PROTECT, related_name="establishment_posts"
    )
    title = models.CharField(max_length=150)
    contract_type = models.CharField(max_length=20, choices=ContractType.choices)
    fte = models.DecimalField("planned FTE", max_digits=5, decimal_places=2)
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class StaffMember(HavenModel):
    """A worker or volunteer of an organisation, linked to their Haven login when they have one
    (volunteers and sessional staff may have none)."""

    organisation = models.ForeignKey(
        "contracts.Organisation", on_delete=models.PROTECT, related_name="staff_members"
    )
    team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff_record",
    )
    full_name = models.CharField(max_length=150)
    kind = models.CharField(max_length=20, choices=StaffKind.choices, default=StaffKind.STAFF)
    post = models.ForeignKey(
        EstablishmentPost, null=True, blank=True, on_delete=models.PROTECT, related_name="holders"
    )
    job_title = models.CharField(max_length=150, blank=True)
    volunteer_role = models.CharField(max_length=20, choices=VolunteerRole.choices, blank=True)
    contract_type = models.CharField(max_length=20, choices=ContractType.choices, blank=True)
    fte = models.DecimalField("FTE", max_digits=4, decimal_places=2, default=1)
    started_on = models.DateField()
    left_on = models.DateField(null=True, blank=True)
    leaving_reason = models.CharField(max_length=20, choices=LeavingReason.choices, blank=True)
    # seed 002 Lot 1 s12, s15: vetting is a condition of the contract for staff with cases
    vetting_required = models.BooleanField(default=True)
    # equality data of staff and volunteers (seed 001 s14), the people app's answer lists
    date_of_birth = models.DateField(null=True, blank=True)
    sex = models.CharField(max_length=20, choices=equality.Sex.choices, blank=True)
    gender_same_as_birth = models.CharField(
        max_length=20, choices=equality.GenderSameAsBirth.choices, blank=True
    )
    sexual_orientation = models.CharField(
        max_length=20, choices=equality.SexualOrientation.choices, blank=True
    )
    disability = models.CharField(
        max_length=20, choices=equality.YesNoPreferNot.choices, blank=True
    )
    ethnicity = models.CharField(max_length=40, choices=equality.ETHNICITY_CHOICES, blank=True)
    ethnicity_other = models.CharField(max_length=100, blank=True)
    religion = models.CharField(max_length=20, choices=equality.Religion.choices, blank=True)
    marital_status = models.CharField(
        max_length=20, choices=equality.MaritalStatus.choices, blank=True
    )
    pregnancy_maternity = models.CharField(
        max_length=20, choices=equality.PregnancyMaternity.choices, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["full_name"]
        indexes = [models.Index(fields=["organisation", "kind"])]

    def __str__(self) -> str:
        return self.full_name

    @property
    def is_volunteer(self) -> bool:
        return self.kind == StaffKind.VOLUNTEER


class SicknessReason(models.TextChoices):
    STRESS = "stress", "Stress, anxiety or depression"
    MUSCULOSKELETAL = "musculoskeletal", "Back or musculoskeletal"
    INFECTION = "infection", "Cold, flu or infection"
    INJURY = "injury", "Injury"
    OTHER = "other", "Other"


class SicknessAbsence(HavenModel):
    """An absence through sickness; `fte_days_lost` is worked out from the working days and the
    worker's FTE (seed 004 s10: FTE days lost / FTE days available)."""

    staff_member = models.ForeignKey(
        StaffMember, on_delete=models.CASCADE, related_name="sickness_absences"
    )
    first_day = models.DateField()
    last_day = models.DateField(null=True, blank=True, help_text="Blank while still off")
    reason = models.CharField(max_length=20, choices=SicknessReason.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-first_day"]

    @property
    def stress_related(self) -> bool:
        return self.reason == SicknessReason.STRESS


class SupervisionKind(models.TextChoices):
    INDIVIDUAL = "individual", "Individual"
    GROUP = "group", "Group"
    CLINICAL = "clinical", "Clinical"


class Supervision(HavenModel):
    """A supervision session held (seed 000 s12, seed 004 s13: every 6 weeks). No case content
    is kept here: what was discussed about a case belongs on the case."""

    staff_member = models.ForeignKey(
        StaffMember, on_delete=models.CASCADE, related_name="supervisions"
    )
    held_on = models.DateField()
    kind = models.CharField(max_length=20, choices=SupervisionKind.choices)
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-held_on"]


class VettingLevel(models.TextChoices):
    NPPV1 = "nppv1", "NPPV level 1"
    NPPV2 = "nppv2", "NPPV level 2"
    NPPV3 = "nppv3", "NPPV level 3"
    DBS_BASIC = "dbs_basic", "DBS basic"
    DBS_STANDARD = "dbs_standard", "DBS standard"
    DBS_ENHANCED = "dbs_enhanced", "DBS enhanced"
    DBS_ENHANCED_BARRED = "dbs_enhanced_barred", "DBS enhanced with barred lists"


class Vetting(HavenModel):
    """A vetting clearance (seed 002 Lot 1 s12, s15): police NPPV or a DBS check."""

    staff_member = models.ForeignKey(StaffMember, on_delete=models.CASCADE, related_name="vettings")
    level = models.CharField(max_length=30, choices=VettingLevel.choices)
    issued_on = models.DateField()
    expires_on = models.DateField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-expires_on"]


class Course(HavenModel):
    """A training course; mandatory ones count towards compliance (seed 004 s10)."""

    organisation = models.ForeignKey(
        "contracts.Organisation", on_delete=models.PROTECT, related_name="courses"
    )
    name = models.CharField(max_length=150)
    mandatory_for_staff = models.BooleanField(default=False)
    mandatory_for_volunteers = models.BooleanField(default=False)
    renewal_months = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Blank when a completion never expires"
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="course_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class TrainingSession(HavenModel):
    """A training session held (seed 001 Lot 3 s8: staff training sessions held)."""

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="sessions")
    held_on = models.DateField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-held_on"]


class TrainingCompletion(HavenModel):
    """A worker's or volunteer's completion of a course, valid until `expires_on`."""

    staff_member = models.ForeignKey(
        StaffMember, on_delete=models.CASCADE, related_name="training_completions"
    )
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="completions")
    session = models.ForeignKey(
        TrainingSession,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="completions",
    )
    completed_on = models.DateField()
    expires_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-completed_on"]
