"""Refuge and safe accommodation: properties, rooms, voids and stays (issue 13).

- A property is named, never addressed (refuge addresses are secret); it says whom it takes
  (seed 004 s4.2: men and their children), whether it is in the commissioner's area (seed 003
  s13: residents in and out of Wokingham) and which contracts it serves.
- A stay is one household's time in a room: moving in (licence or tenancy agreement signed,
  the household members moving in) starts the duties of seed 004 s4.2/s7.5, and the 20-week
  limit of s7.3; a stay past it records why, with an exit plan, a review timetable and when the
  commissioner was told. Moving out records where to and whether it was planned.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel


class PropertyKind(models.TextChoices):
    REFUGE = "refuge", "Refuge"
    # Safe Home's units (seed 003 s6.8)
    EMERGENCY_UNIT = "emergency_unit", "Emergency unit"
    SUPPORTED_UNIT = "supported_unit", "Supported unit"


class Takes(models.TextChoices):
    """Whom a property's rooms are for (the adult; children of either sex come with them)."""

    MEN_ONLY = "men_only", "Men only"
    WOMEN_ONLY = "women_only", "Women only"
    ANY = "any", "Anyone"


class Property(HavenModel):
    """A refuge or unit of a provider, by name only: its address is never recorded here."""

    organisation = models.ForeignKey(
        "contracts.Organisation", on_delete=models.PROTECT, related_name="refuge_properties"
    )
    name = models.CharField(max_length=100)
    kind = models.CharField(max_length=20, choices=PropertyKind.choices)
    takes = models.CharField(max_length=12, choices=Takes.choices, default=Takes.ANY)
    area_label = models.CharField(max_length=100, blank=True)
    # seed 003 s13: residents into refuge in the commissioner's area and out of it
    in_commissioner_area = models.BooleanField(default=True)
    contracts = models.ManyToManyField(
        "contracts.Contract", related_name="refuge_properties", blank=True
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "properties"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="refuge_property_name_once"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Room(HavenModel):
    """A room or self-contained unit that one household lives in at a time."""

    property = models.ForeignKey(Property, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(max_length=60)
    bedrooms = models.PositiveSmallIntegerField(default=1)
    accessible = models.BooleanField(default=False)
    pets_allowed = models.BooleanField(default=False)
    children_allowed = models.BooleanField(default=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["property__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["property", "name"], name="refuge_room_name_once")
        ]

    def __str__(self) -> str:
        return f"{self.property.name}, {self.name}"


class VoidReason(models.TextChoices):
    REPAIRS = "repairs", "Repairs or maintenance"
    CLEANING = "cleaning", "Cleaning and turnaround"
    SAFETY = "safety", "Safety: the location may be known"
    STAFFING = "staffing", "Staffing"
    OTHER = "other", "Another reason"


class RoomVoid(HavenModel):
    """A room out of use from one day to another (`ends_on` empty: until further notice)."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="voids")
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    reason = models.CharField(max_length=12, choices=VoidReason.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="refuge_void_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"Void from {self.starts_on:%d %b %Y}"


class Agreement(models.TextChoices):
    LICENCE = "licence", "Licence agreement"
    TENANCY = "tenancy", "Tenancy agreement"


class Destination(models.TextChoices):
    """Where the household went on leaving (Haven's list)."""

    SOCIAL_HOUSING = "social_housing", "Social housing tenancy"
    PRIVATE_RENTED = "private_rented", "Private rented tenancy"
    SUPPORTED_HOUSING = "supported_housing", "Supported housing"
    ANOTHER_REFUGE = "another_refuge", "Another refuge"
    TEMPORARY = "temporary", "Temporary or emergency accommodation"
    OWN_HOME = "own_home", "Own home, made safe"
    FAMILY_FRIENDS = "family_friends", "Family or friends"
    RETURNED_TO_HARMER = "returned_to_harmer", "Returned to the person causing harm"
    INSTITUTION = "institution", "Hospital, care or prison"
    UNKNOWN = "unknown", "Not known"


class Stay(HavenModel):
    """One household's stay in a room, from moving in to moving out."""

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="stays")
    room = models.ForeignKey(Room, on_delete=models.PROTECT, related_name="stays")
    moved_in_at = models.DateTimeField()
    agreement = models.CharField(max_length=10, choices=Agreement.choices)
    agreement_signed_on = models.DateField()
    # the people of the person's household moving in with them (people.HouseholdLink), e.g.
    # children: seed 004 s10 A5 counts the children entering the refuge
    household_members = models.ManyToManyField(
        "people.Person", through="StayMember", related_name="+", blank=True
    )
    moved_out_at = models.DateTimeField(null=True, blank=True)
    destination = models.CharField(max_length=20, choices=Destination.choices, blank=True)
    planned_exit = models.BooleanField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-moved_in_at"]
        indexes = [models.Index(fields=["room", "moved_in_at"], name="refuge_stay_room_in")]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(moved_out_at__isnull=True),
                name="refuge_one_open_stay_per_case",
            ),
            models.CheckConstraint(
                condition=models.Q(moved_out_at__isnull=True)
                | models.Q(moved_out_at__gte=models.F("moved_in_at")),
                name="refuge_stay_out_after_in",
            ),
        ]

    def __str__(self) -> str:
        return f"Stay from {self.moved_in_at:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.moved_out_at is None


class StayMember(HavenModel):
    """One member of the person's household who moved in with them (seed 004 s10 A5)."""

    stay = models.ForeignKey(Stay, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["stay", "person"], name="refuge_stay_member_once")
        ]

    def __str__(self) -> str:
        return str(self.person)


class ExtensionReason(models.TextChoices):
    """Why a stay goes past the limit (seed 004 s7.3; A8 is broken down by it)."""

    NO_MOVE_ON = "no_move_on", "No suitable move-on accommodation yet"
    RISK = "risk", "Risk remains too high to move on"
    PROCEEDINGS = "proceedings", "Court or legal proceedings under way"
    HEALTH = "health", "Health, disability or care needs"
    IMMIGRATION = "immigration", "Immigration status or no recourse to public funds"
    OTHER = "other", "Another reason"


class StayExtension(HavenModel):
    """A stay past the limit (seed 004 s7.3): the reason, an exit plan, a review timetable and
    when the commissioner was told."""

    stay = models.ForeignKey(Stay, on_delete=models.CASCADE, related_name="extensions")
    reason = models.CharField(max_length=12, choices=ExtensionReason.choices)
    exit_plan = models.TextField()
    review_timetable = models.TextField()
    commissioner_notified_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["recorded_at"]

    def __str__(self) -> str:
        return self.get_reason_display()
