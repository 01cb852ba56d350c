"""Support plans and safety plans, each for the case's survivor or one child of their household.

A support plan (seed 004 s4.2: "an agreed support plan for every service user, including each
child"; seed 003 s6.6: support and safety plans for each child) has goals per need area, actions
with an owner, a due date and a status, a planned gradual withdrawal (seed 003 s5), and reviews.
A safety plan is Haven's own structure, kept apart from the support plan. Plans are edited in
place; every change is audited (old and new values) and status changes keep their own rows.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel


class ActionOwner(models.TextChoices):
    PERSON = "person", "The person the plan is for"
    WORKER = "worker", "The worker"
    AGENCY = "agency", "Another agency"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    DROPPED = "dropped", "Dropped"


OPEN_STATUSES = (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS)


class SupportPlan(HavenModel):
    """The agreed support plan of one person (the survivor or a child) on one case."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    agreed_at = models.DateTimeField()
    withdrawal_note = models.TextField(blank=True)  # seed 003 s5: planned gradual withdrawal
    withdrawal_on = models.DateField(null=True, blank=True)
    next_review_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["agreed_at"]
        constraints = [
            models.UniqueConstraint(fields=["case", "person"], name="support_plan_once_per_person")
        ]
        indexes = [models.Index(fields=["agreed_at"], name="support_plan_agreed_at")]

    def __str__(self) -> str:
        return "Support plan"


class PlanGoal(HavenModel):
    """A goal of a plan in one need area (a key of the profile's needs-assessment areas, or the
    worker's own words where the profile has none)."""

    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="goals")
    area = models.CharField(max_length=100)
    description = models.TextField()
    # seed 001 Lot 1 s8: re-integration of children into universal services (school, nursery,
    # health, youth services)
    reintegration = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return "Support plan goal"


class PlanAction(HavenModel):
    """Something to do towards a plan's goals: who, by when, and how far it has got."""

    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="actions")
    goal = models.ForeignKey(
        PlanGoal, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    description = models.TextField()
    owner = models.CharField(max_length=10, choices=ActionOwner.choices)
    agency = models.CharField(max_length=200, blank=True)  # when another agency owns it
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    status_changed_at = models.DateTimeField()

    class Meta:
        ordering = ["due_on", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(owner=ActionOwner.AGENCY) | ~models.Q(agency=""),
                name="plan_action_agency_named",
            )
        ]

    def __str__(self) -> str:
        return "Support plan action"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def owner_text(self) -> str:
        return self.agency if self.owner == ActionOwner.AGENCY else self.get_owner_display()


class PlanReview(HavenModel):
    """A review of a support plan: what changed, and the next review's date."""

    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="reviews")
    reviewed_at = models.DateTimeField()
    what_changed = models.TextField()
    next_review_on = models.DateField(null=True, blank=True)
    task = models.ForeignKey(
        "casework.Task", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-reviewed_at"]

    def __str__(self) -> str:
        return "Support plan review"


class ActionStatusChange(HavenModel):
    """One change of an action's status (at a review, or on its own)."""

    action = models.ForeignKey(PlanAction, on_delete=models.CASCADE, related_name="changes")
    review = models.ForeignKey(
        PlanReview, null=True, blank=True, on_delete=models.CASCADE, related_name="changes"
    )
    before = models.CharField(max_length=12, choices=ActionStatus.choices)
    after = models.CharField(max_length=12, choices=ActionStatus.choices)
    changed_at = models.DateTimeField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["changed_at"]

    def __str__(self) -> str:
        return "Action status change"


# Haven's own safety plan sections: field name and the question staff read.
SAFETY_SECTIONS = {
    "safe_contacts": "Safe contacts: who can be called for help, and how",
    "safe_places": "Safe places and the way out: where to go, and how to leave safely",
    "emergency": "What to do in an emergency",
    "online_safety": "Technology and online safety",
    "children_safety": "Children's safety",
    "code_word": "Agreed code word, and who knows it",
}


class SafetyPlan(HavenModel):
    """The safety plan of one person (the survivor or a child) on one case."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    completed_at = models.DateTimeField()
    reviewed_on = models.DateField(null=True, blank=True)
    safe_contacts = models.TextField(blank=True)
    safe_places = models.TextField(blank=True)
    emergency = models.TextField(blank=True)
    online_safety = models.TextField(blank=True)
    children_safety = models.TextField(blank=True)
    code_word = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["completed_at"]
        constraints = [
            models.UniqueConstraint(fields=["case", "person"], name="safety_plan_once_per_person")
        ]
        indexes = [models.Index(fields=["completed_at"], name="safety_plan_completed_at")]

    def __str__(self) -> str:
        return "Safety plan"
