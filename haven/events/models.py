"""Training, awareness sessions and community events the service delivers (issue 16 item 2).

Seed 001 (Leicester) Lot 1 s4 "Deliver training and awareness sessions with local
practitioners", "healthy relationship sessions ... in school and youth settings", "drop in
sessions in local communities"; s8 outputs "Number of training & awareness [sessions] delivered
(and locations such as schools)", "Number of community events held", and the outcome "Increased
awareness of domestic violence locally amongst practitioners and the public". Lot 4 s4
"Awareness raising, education and skills development amongst local community members and
practitioners"; s8 "Number of training sessions delivered to local practitioners or public
(specify)". Seed 003 s4 "training and information to schools, services, partners".

An event is about no one: who attended is a number (by agency where known), never a name, and
the feedback is counts and themes, never a person's words that could identify them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel


class EventKind(models.TextChoices):
    TRAINING = "training", "Training for practitioners"
    AWARENESS = "awareness", "Awareness session for the public"
    # seed 001 Lot 1 s4: "healthy relationship sessions ... in school and youth settings"
    SCHOOL_SESSION = "school_session", "School session"
    COMMUNITY_EVENT = "community_event", "Community event"
    # seed 001 Lot 1 s4: "Provide drop in sessions in local communities"
    STALL_DROP_IN = "stall_drop_in", "Stall or drop-in"
    CONFERENCE_TALK = "conference_talk", "Conference talk"


# seed 001 Lot 1 s8 "training & awareness [sessions]" and Lot 4 s8 "training sessions delivered
# to local practitioners or public": every kind that teaches or raises awareness
TRAINING_AND_AWARENESS_KINDS = (
    EventKind.TRAINING,
    EventKind.AWARENESS,
    EventKind.SCHOOL_SESSION,
    EventKind.CONFERENCE_TALK,
)
# seed 001 Lot 1 s8 / Lot 4 s8 "community events held" (Lot 1 s4's drop-ins are held in the
# community)
COMMUNITY_EVENT_KINDS = (EventKind.COMMUNITY_EVENT, EventKind.STALL_DROP_IN)


class LocationType(models.TextChoices):
    # seed 001 Lot 1 s8: "(and locations such as schools)"
    SCHOOL = "school", "School"
    COLLEGE = "college", "College"
    GP_PRACTICE = "gp_practice", "GP practice"
    COMMUNITY_CENTRE = "community_centre", "Community centre"
    FAITH_VENUE = "faith_venue", "Faith venue"
    WORKPLACE = "workplace", "Workplace"
    ONLINE = "online", "Online"
    OTHER = "other", "Somewhere else"


class Audience(models.TextChoices):
    # seed 001 Lot 1 s8 / Lot 4 s8: "practitioners or public (specify)"
    PRACTITIONERS = "practitioners", "Practitioners"
    PUBLIC = "public", "The public"
    YOUNG_PEOPLE = "young_people", "Young people"
    PARENTS = "parents", "Parents and carers"
    SERVICE_STAFF = "service_staff", "Staff of the service"


class PractitionerAgency(models.TextChoices):
    """The kind of agency practitioners attending came from."""

    POLICE = "police", "Police"
    HEALTH = "health", "Health (GP, hospital, health visiting)"
    EDUCATION = "education", "Schools and colleges"
    CHILDRENS_SOCIAL_CARE = "childrens_social_care", "Children’s social care"
    ADULT_SOCIAL_CARE = "adult_social_care", "Adult social care"
    HOUSING = "housing", "Housing"
    PROBATION = "probation", "Probation"
    VOLUNTARY_SECTOR = "voluntary_sector", "Voluntary and community sector"
    OTHER = "other", "Another agency"


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    DELIVERED = "delivered", "Delivered"
    CANCELLED = "cancelled", "Cancelled"


class Event(HavenModel):
    """One session or event, planned, delivered or cancelled."""

    provider = models.ForeignKey(
        "contracts.Organisation", on_delete=models.PROTECT, related_name="events"
    )
    # the contract(s) it is delivered under (one event can serve two Leicester lots)
    contracts = models.ManyToManyField("contracts.Contract", related_name="events")
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    title = models.CharField(max_length=200)
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveIntegerField()
    venue = models.CharField(max_length=200)
    location_type = models.CharField(max_length=20, choices=LocationType.choices)
    audience = models.CharField(max_length=20, choices=Audience.choices)
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="facilitated_events"
    )
    status = models.CharField(
        max_length=12, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    cancelled_reason = models.CharField(max_length=300, blank=True)
    # delivery: how many came, what was used
    attended = models.PositiveIntegerField(null=True, blank=True)
    materials = models.TextField(blank=True)
    # feedback: counts, and themes without personal data (seed 001 Lot 1 s8 "increased
    # awareness ... amongst practitioners and the public")
    feedback_forms = models.PositiveIntegerField(default=0)
    awareness_increased = models.PositiveIntegerField(default=0)
    more_confident = models.PositiveIntegerField(default=0)
    feedback_themes = models.TextField(blank=True)
    # the reference of an imported past event (imports are idempotent by it)
    external_ref = models.CharField(max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    delivery_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    delivery_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["provider", "starts_at"], name="event_provider_starts")]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "external_ref"],
                condition=~models.Q(external_ref=""),
                name="event_external_ref_once",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=EventStatus.DELIVERED)
                | models.Q(attended__isnull=False),
                name="event_delivered_has_attendance",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=EventStatus.CANCELLED) | ~models.Q(cancelled_reason=""),
                name="event_cancelled_has_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(awareness_increased__lte=models.F("feedback_forms"))
                & models.Q(more_confident__lte=models.F("feedback_forms")),
                name="event_feedback_within_forms",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)


class AgencyAttendance(HavenModel):
    """How many practitioners of one kind of agency attended (optional)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agency_attendance")
    agency = models.CharField(max_length=30, choices=PractitionerAgency.choices)
    attended = models.PositiveIntegerField()

    class Meta:
        ordering = ["agency"]
        constraints = [
            models.UniqueConstraint(fields=["event", "agency"], name="event_agency_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_agency_display()}: {self.attended}"
