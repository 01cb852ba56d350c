"""The case record: a case per episode of support, its timeline, deadline tasks, attempts, notes."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.access.scope import case_scope_q, named_in_organisation_q, visible_q
from haven.accounts.signed_in import Viewer
from haven.casework.directory_models import Agency as Agency
from haven.casework.directory_models import ContactRoute as ContactRoute
from haven.casework.draft_models import DRAFT_KEPT_DAYS as DRAFT_KEPT_DAYS
from haven.casework.draft_models import FormDraft as FormDraft
from haven.casework.event_kinds import CaseEventKind

# Facts that returns count (exit interviews, onward referrals, needs assessments): own module.
# How cases end: exit reasons, re-engagement attempts, exclusions and appeals: own module.
from haven.casework.exit_models import AppealNoticeMethod as AppealNoticeMethod
from haven.casework.exit_models import AppealOutcome as AppealOutcome
from haven.casework.exit_models import Exclusion as Exclusion
from haven.casework.exit_models import ExitReason as ExitReason
from haven.casework.exit_models import NotContactableReason as NotContactableReason
from haven.casework.exit_models import ReengagementAttempt as ReengagementAttempt
from haven.casework.exit_models import ReengagementMethod as ReengagementMethod
from haven.casework.fact_models import AgencyType as AgencyType
from haven.casework.fact_models import ExitInterview as ExitInterview
from haven.casework.fact_models import InterviewMethod as InterviewMethod
from haven.casework.fact_models import InterviewOutcome as InterviewOutcome
from haven.casework.fact_models import NeedsAssessment as NeedsAssessment
from haven.casework.fact_models import NeedsAssessmentArea as NeedsAssessmentArea
from haven.casework.fact_models import NeedsLevel as NeedsLevel
from haven.casework.fact_models import NeedsStage as NeedsStage
from haven.casework.fact_models import OnwardReferral as OnwardReferral
from haven.casework.fact_models import OnwardReferralKind as OnwardReferralKind
from haven.casework.fact_models import ReferralOutcome as ReferralOutcome

# The waiting list (issue 13; seed 003 s7): own module.
from haven.casework.waiting_models import WaitingLeftHow as WaitingLeftHow
from haven.casework.waiting_models import WaitingListEntry as WaitingListEntry
from haven.casework.waiting_models import WaitingReason as WaitingReason
from haven.core.encrypted_fields import EncryptedTextField
from haven.core.models import HavenModel
from haven.deadlines import RISK_LEVEL_CHOICES


class CaseState(models.TextChoices):
    NEW = "new", "New"
    CONTACTING = "contacting", "Contacting"
    ENGAGED = "engaged", "Engaged"
    WAITING_LIST = "waiting_list", "Waiting list"
    DECLINED = "declined", "Declined support"
    NOT_CONTACTABLE = "not_contactable", "Not contactable"
    CLOSED = "closed", "Closed"


class ExitType(models.TextChoices):
    PLANNED = "planned", "Planned exit"
    UNPLANNED = "unplanned", "Unplanned exit"


class CaseQuerySet(models.QuerySet["Case"]):
    def visible_to(self, user: Viewer) -> CaseQuerySet:
        """Cases this user may open without a reason; restricted ones only for named staff."""
        return self.filter(visible_q(user))

    def in_scope_of(self, user: Viewer) -> CaseQuerySet:
        """Cases in the user's organisation/team scope, restricted or not (for break-glass)."""
        return self.filter(case_scope_q(user) | named_in_organisation_q(user))


class Case(HavenModel):
    """An episode of support for one person under one contract."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="cases")
    contract = models.ForeignKey(
        "contracts.Contract", on_delete=models.PROTECT, related_name="cases"
    )
    referral = models.OneToOneField(
        "referrals.Referral", null=True, blank=True, on_delete=models.PROTECT, related_name="case"
    )
    state = models.CharField(
        max_length=20, choices=CaseState.choices, default=CaseState.NEW, db_index=True
    )
    allocated_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="allocated_cases",
    )
    team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="cases"
    )
    risk_level = models.CharField(
        max_length=10, choices=RISK_LEVEL_CHOICES, blank=True, db_index=True
    )
    is_restricted = models.BooleanField(default=False)
    opened_at = models.DateTimeField(db_index=True)
    first_contact_at = models.DateTimeField(null=True, blank=True)
    final_letter_requested_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    exit_type = models.CharField(max_length=10, choices=ExitType.choices, blank=True)
    exit_reason = models.CharField(max_length=24, choices=ExitReason.choices, blank=True)
    closure_reason = models.TextField(blank=True)
    # seed 002 s7: why the person could not be contacted (marked not contactable, or closed so)
    not_contactable_reason = models.CharField(
        max_length=16, choices=NotContactableReason.choices, blank=True
    )
    closure_overrides = models.JSONField(default=dict, blank=True, help_text="requirement: reason")

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at"]
        indexes = [
            # restricted cases are few: who is a restricted person (people.models.restricted_q)
            # is read from this small index on every person page, search and duplicate check
            models.Index(
                fields=["person"],
                condition=models.Q(is_restricted=True),
                name="case_restricted_person",
            )
        ]

    def __str__(self) -> str:
        return f"Case {self.pk}"


class CaseAccess(HavenModel):
    """A member of staff named on a restricted case."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="accesses")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_accesses"
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "user"], name="case_access_unique")]


class BreakGlassGrant(HavenModel):
    """A reason given to open a restricted case one is not named on; audited as view_restricted."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="break_glass_grants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField()
    expires_at = models.DateTimeField()


class CaseEvent(HavenModel):
    """One entry on the case timeline (referral, attempts, notes, assessments, state changes)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=40, choices=CaseEventKind.choices, db_index=True)
    occurred_at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    summary = models.CharField(max_length=500)
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-occurred_at", "-created_at"]
        indexes = [models.Index(fields=["case", "occurred_at"])]


class TaskStatus(models.TextChoices):
    OPEN = "open", "Open"
    MET = "met", "Met"
    BREACHED = "breached", "Breached"
    CANCELLED = "cancelled", "Cancelled"


OUTSTANDING = models.Q(is_outstanding=True)


class Task(HavenModel):
    """A clocked duty on a case from a profile rule: due time, explanation, citation and state.

    `is_outstanding` (not completed, not cancelled) and the case's allocation (`allocated_to`,
    `team`) are kept on the task by the task and allocation services, so a worklist reads one
    partial index in due order instead of walking every case's tasks.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    rule_key = models.CharField(max_length=80)
    label = models.CharField(max_length=300)
    action = models.CharField(max_length=30)
    due_at = models.DateTimeField(db_index=True)
    explanation = models.TextField()
    citation = models.CharField(max_length=100)
    status = models.CharField(
        max_length=10, choices=TaskStatus.choices, default=TaskStatus.OPEN, db_index=True
    )
    attempts_allowed = models.PositiveSmallIntegerField(null=True, blank=True)
    attempts_made = models.PositiveSmallIntegerField(default=0)
    completed_at = models.DateTimeField(null=True, blank=True)
    met_at = models.DateTimeField(null=True, blank=True)
    # False once completed (met or late) or cancelled; a breached task not yet done stays True
    # until done late or its case closes (then it stays breached, never done).
    is_outstanding = models.BooleanField(default=True, editable=False)
    # Copies of case.allocated_to / case.team (the worklist indexes below lead with them).
    allocated_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        db_index=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    team = models.ForeignKey(
        "accounts.Team",
        null=True,
        blank=True,
        editable=False,
        db_index=False,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["due_at"]
        constraints = [
            models.UniqueConstraint(fields=["case", "rule_key"], name="task_rule_once_per_case")
        ]
        indexes = [
            # outstanding tasks in due order: of a worker (my worklist), of a team (team
            # worklist) and of everyone (all cases, for service managers)
            models.Index(
                fields=["allocated_to", "due_at", "id"],
                condition=OUTSTANDING,
                name="task_outstanding_worker",
            ),
            models.Index(
                fields=["team", "due_at", "id"], condition=OUTSTANDING, name="task_outstanding_team"
            ),
            models.Index(fields=["due_at", "id"], condition=OUTSTANDING, name="task_outstanding"),
        ]

    def __str__(self) -> str:
        return self.label


class Channel(models.TextChoices):
    PHONE = "phone", "Phone call"
    SMS = "sms", "Text message (SMS)"
    EMAIL = "email", "Email"
    LETTER = "letter", "Letter"
    VISIT = "visit", "Home visit"


class Direction(models.TextChoices):
    OUTBOUND = "outbound", "We contacted them"
    INBOUND = "inbound", "They contacted us"


class Outcome(models.TextChoices):
    REACHED = "reached", "Spoke to the person"
    NO_ANSWER = "no_answer", "No answer"
    VOICEMAIL_LEFT = "voicemail_left", "Voicemail left"
    LETTER_SENT = "letter_sent", "Letter sent"
    EMAIL_SENT = "email_sent", "Email sent"
    SMS_SENT = "sms_sent", "Text message sent"
    VISIT_DONE = "visit_done", "Visit done"
    VISIT_NO_ANSWER = "visit_no_answer", "Visited, no answer"


class ContactAttempt(HavenModel):
    """A recorded attempt to contact the person, with any safe-contact override and its reason."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attempts")
    channel = models.CharField(max_length=10, choices=Channel.choices)
    direction = models.CharField(
        max_length=10, choices=Direction.choices, default=Direction.OUTBOUND
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    notes = EncryptedTextField(blank=True)  # ADR 0019
    attempted_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    is_final_letter = models.BooleanField(default=False)
    safe_contact_reasons = models.JSONField(default=list, blank=True)
    override_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-attempted_at"]


class NoteType(models.TextChoices):
    CONTACT = "contact", "Contact with the person"
    PROFESSIONAL = "professional", "Contact with a professional"
    CASE_NOTE = "case_note", "Case note"
    SAFEGUARDING = "safeguarding", "Safeguarding"
    MANAGEMENT = "management", "Management oversight"


class CaseNote(HavenModel):
    """A contemporaneous note; editable by its author for 24 hours, then only corrected."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note_type = models.CharField(max_length=20, choices=NoteType.choices)
    happened_at = models.DateTimeField()
    recorded_at = models.DateTimeField()
    text = EncryptedTextField()  # ADR 0019: encrypted at rest
    corrects = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrections"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-recorded_at"]


class CaseNoteVersion(HavenModel):
    """Every earlier wording of a note, kept when its author edits it."""

    note = models.ForeignKey(CaseNote, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField()
    note_type = models.CharField(max_length=20, choices=NoteType.choices)
    happened_at = models.DateTimeField()
    text = EncryptedTextField()  # ADR 0019
    replaced_at = models.DateTimeField()
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["note", "version"], name="note_version_unique")
        ]
