"""Groups and programmes (issue 16 item 1): a programme of a contract (perpetrator programme,
children's and young people's groups, Respect toolkit groups, recovery and parenting
programmes), its runs (cohorts) with sessions and attendance, people enrolled through their
case (offered, pre-group contacts and assessment, started, completed or dropped out), partner
(victim) liaison for the perpetrator programme, and a crèche log.

Every fact a return counts has its own field (haven/reporting/measures/programmes.py).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.encrypted_fields import EncryptedTextField
from haven.core.models import HavenModel

# seed 001 Lot 4 s5: "perpetrator group programme (at least 26 weeks in duration)"
PERPETRATOR_MIN_WEEKS = 26


class ProgrammeKind(models.TextChoices):
    PERPETRATOR = "perpetrator", "Perpetrator programme"
    CHILDRENS_GROUP = "childrens_group", "Children's group"
    RESPECT_TOOLKIT = "respect_toolkit", "Respect toolkit group (young people using violence)"
    YOUNG_PEOPLE = "young_people", "Young people's group"
    RECOVERY = "recovery", "Recovery programme (for example Recovery Toolkit or Freedom)"
    PARENTING = "parenting", "Parenting programme"
    OTHER = "other", "Other group or programme"


class Programme(HavenModel):
    """A programme or group a contract's service delivers; it runs as cohorts (ProgrammeRun)."""

    contract = models.ForeignKey(
        "contracts.Contract", on_delete=models.PROTECT, related_name="programmes"
    )
    kind = models.CharField(max_length=20, choices=ProgrammeKind.choices)
    name = models.CharField(max_length=120)
    # what completing needs: weeks from the first to the last session attended, and sessions
    # attended (seed 001 Lot 4 s5: a perpetrator programme runs at least 26 weeks)
    min_weeks = models.PositiveSmallIntegerField(null=True, blank=True)
    min_sessions = models.PositiveSmallIntegerField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "name"], name="programme_name_per_contract"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ProgrammeRun(HavenModel):
    """One run (cohort) of a programme: dates, venue and facilitators. Completed when its last
    session has been held and a facilitator or manager says so (`completed_on`)."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="runs")
    name = models.CharField(max_length=120)
    starts_on = models.DateField()
    planned_end_on = models.DateField()
    venue = models.CharField(max_length=200, blank=True)
    facilitators = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+", blank=True)
    completed_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(planned_end_on__gte=models.F("starts_on")),
                name="programme_run_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class DropOutReason(models.TextChoices):
    CHOSE_TO_LEAVE = "chose_to_leave", "Chose to leave"
    NON_ATTENDANCE = "non_attendance", "Stopped attending"
    EXCLUDED = "excluded", "Asked to leave (behaviour or breaking the group agreement)"
    RISK = "risk", "Ended for safety (risk to a partner, child or the group)"
    MOVED_AWAY = "moved_away", "Moved away"
    HEALTH = "health", "Health"
    WORK_OR_CARING = "work_or_caring", "Work, childcare or caring"
    CUSTODY = "custody", "In custody"
    NOT_SUITABLE = "not_suitable", "Found not suitable after starting"
    OTHER = "other", "Other"


class EnrolmentStatus(models.TextChoices):
    OFFERED = "offered", "Offered a place"
    ASSESSED = "assessed", "Pre-group assessment done"
    STARTED = "started", "Started"
    COMPLETED = "completed", "Completed"
    DROPPED_OUT = "dropped_out", "Dropped out"
    NOT_STARTED = "not_started", "Did not start"


class Enrolment(HavenModel):
    """A person (through their case, on the programme's contract) on one run: offered a place,
    contacted and assessed before the group, started, then completed or dropped out."""

    run = models.ForeignKey(ProgrammeRun, on_delete=models.PROTECT, related_name="enrolments")
    case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="programme_enrolments"
    )
    status = models.CharField(
        max_length=12, choices=EnrolmentStatus.choices, default=EnrolmentStatus.OFFERED
    )
    offered_on = models.DateField()
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assessed_on = models.DateField(null=True, blank=True)  # the pre-group assessment
    assessed_suitable = models.BooleanField(null=True, blank=True)
    started_on = models.DateField(null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)  # dropped out, or did not start
    drop_out_reason = models.CharField(max_length=16, choices=DropOutReason.choices, blank=True)
    drop_out_detail = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["offered_on"]
        constraints = [
            models.UniqueConstraint(fields=["run", "case"], name="enrolment_once_per_run"),
            models.CheckConstraint(
                condition=~models.Q(status="dropped_out") | ~models.Q(drop_out_reason=""),
                name="enrolment_drop_out_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.get_status_display()


class PreGroupContactMethod(models.TextChoices):
    PHONE = "phone", "Telephone"
    FACE_TO_FACE = "face_to_face", "Face to face"
    VIDEO = "video", "Video call"
    LETTER = "letter", "Letter or message"


class PreGroupContact(HavenModel):
    """A contact with the person before the group starts (seed 001 Lot 4 s8 "pre-group
    contacts")."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="contacts")
    contacted_on = models.DateField()
    method = models.CharField(max_length=12, choices=PreGroupContactMethod.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["contacted_on"]


class SessionFormat(models.TextChoices):
    GROUP = "group", "Group session"
    ONE_TO_ONE = "one_to_one", "One-to-one session"


class ProgrammeSession(HavenModel):
    """A session of a run on a day: the whole group, or one-to-one with one enrolment."""

    run = models.ForeignKey(ProgrammeRun, on_delete=models.PROTECT, related_name="sessions")
    held_on = models.DateField()
    format = models.CharField(max_length=12, choices=SessionFormat.choices)
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, null=True, blank=True, related_name="one_to_ones"
    )
    duration_minutes = models.PositiveSmallIntegerField()
    topic = models.CharField(max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["held_on", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(format="group", enrolment__isnull=True)
                | models.Q(format="one_to_one", enrolment__isnull=False),
                name="programme_session_one_to_one_has_enrolment",
            ),
            models.CheckConstraint(
                condition=models.Q(duration_minutes__gt=0), name="programme_session_has_duration"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_format_display()} {self.held_on:%d %b %Y}"


class AttendanceMark(models.TextChoices):
    ATTENDED = "attended", "Attended"
    APOLOGIES = "apologies", "Apologies"
    DID_NOT_ATTEND = "did_not_attend", "Did not attend"


class SessionAttendance(HavenModel):
    """One enrolment's mark at one session (the register)."""

    session = models.ForeignKey(
        ProgrammeSession, on_delete=models.CASCADE, related_name="attendance"
    )
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attendance")
    mark = models.CharField(max_length=16, choices=AttendanceMark.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "enrolment"], name="attendance_once"),
        ]


class PartnerLiaison(HavenModel):
    """seed 001 Lot 4 s1, Lot 3 s5: a perpetrator's enrolment linked to their (ex-)partner's own
    case, kept by a liaison worker on the victim's side. The perpetrator's workers see only
    `selectors.liaison_summary` (in place, last contact date, risk concerns raised).

    The perpetrator's place is held by its id, not a foreign key: a subject access search walks
    foreign keys from a person's records (haven/subjectaccess/gather.py), and the perpetrator's
    search must never walk from their place into the victim's liaison contacts (nor the victim's
    into the perpetrator's place)."""

    enrolment_id = models.UUIDField(unique=True)
    victim_case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="partner_liaisons"
    )
    liaison_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)


class PartnerContact(HavenModel):
    """A liaison contact with the victim, on the victim's side: never shown to the
    perpetrator's workers beyond its date and whether it raised a risk concern."""

    liaison = models.ForeignKey(PartnerLiaison, on_delete=models.CASCADE, related_name="contacts")
    contacted_on = models.DateField()
    method = models.CharField(max_length=12, choices=PreGroupContactMethod.choices)
    risk_concern_raised = models.BooleanField(default=False)
    notes = EncryptedTextField(blank=True)  # ADR 0019: victim's words, encrypted at rest
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-contacted_on", "-created_at"]


class CrecheSession(HavenModel):
    """seed 001 Lot 1 s5, s8: crèche provided on a day (hours and children), optionally beside a
    run's sessions."""

    contract = models.ForeignKey(
        "contracts.Contract", on_delete=models.PROTECT, related_name="creche_sessions"
    )
    run = models.ForeignKey(
        ProgrammeRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="creches"
    )
    held_on = models.DateField()
    duration_minutes = models.PositiveSmallIntegerField()
    children_count = models.PositiveSmallIntegerField()
    venue = models.CharField(max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-held_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(duration_minutes__gt=0), name="creche_session_has_duration"
            ),
        ]
