"""Housing on a Safe Home case (seed 001 Lot 2): the housing tenure at entry and exit, the
destination at exit, and the Safe Home outcomes secured (own home secured, sanctuary measures,
the person causing harm found alternative accommodation, homelessness applications, housing
transfers, private rentals, temporary supported accommodation placements, other solutions).

Tenure, dates and kinds are fields (not timeline JSON) because returns count them
(reporting/measures/housing.py).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel


class Tenure(models.TextChoices):
    """Housing tenure, in the spirit of the housing data sets (CORE, H-CLIC)."""

    OWNER_OCCUPIER = "owner_occupier", "Owner occupier (own home, owned or mortgaged)"
    PRIVATE_RENTED = "private_rented", "Private rented"
    SOCIAL_RENTED_COUNCIL = "social_rented_council", "Social rented: council"
    SOCIAL_RENTED_HA = "social_rented_ha", "Social rented: housing association"
    FAMILY_OR_FRIENDS = "family_or_friends", "Living with family or friends"
    TEMPORARY = "temporary", "Temporary or supported accommodation"
    REFUGE = "refuge", "Refuge"
    HOMELESS = "homeless", "Homeless or no fixed abode"
    OTHER = "other", "Other"


# Haven's reading of "independent living" (seed 001 Lot 2 s3, s8): a home of one's own, owned or
# with a tenancy in one's name (owner occupier, private or social rented).
INDEPENDENT_TENURES = frozenset(
    {
        Tenure.OWNER_OCCUPIER,
        Tenure.PRIVATE_RENTED,
        Tenure.SOCIAL_RENTED_COUNCIL,
        Tenure.SOCIAL_RENTED_HA,
    }
)


class Destination(models.TextChoices):
    """Where the person went when support ended (the move-out)."""

    STAYED_IN_OWN_HOME = "stayed_in_own_home", "Stayed in their own home"
    NEW_SETTLED_HOME = "new_settled_home", "Moved to a new settled home"
    TEMPORARY = "temporary", "Moved to temporary or supported accommodation"
    REFUGE = "refuge", "Moved to a refuge"
    FAMILY_OR_FRIENDS = "family_or_friends", "Moved in with family or friends"
    RETURNED = "returned", "Returned to the person causing harm"
    LEFT_THE_AREA = "left_the_area", "Left the area"
    NOT_KNOWN = "not_known", "Not known"


class HousingSituation(HavenModel):
    """One case's housing: tenure at entry (recorded at the start) and, at or before closure,
    tenure and destination at exit (seed 001 Lot 2 s14: "housing tenure at entry and exit")."""

    case = models.OneToOneField(
        "casework.Case", on_delete=models.CASCADE, related_name="housing_situation"
    )
    entry_tenure = models.CharField(max_length=24, choices=Tenure.choices)
    # seed 001 Lot 2 s8 "disruption to own home": when they had to leave it (None: they did not)
    left_home_on = models.DateField(null=True, blank=True)
    entry_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    entry_recorded_at = models.DateTimeField()
    exit_tenure = models.CharField(max_length=24, choices=Tenure.choices, blank=True)
    exit_destination = models.CharField(max_length=24, choices=Destination.choices, blank=True)
    # when they moved into (or kept) the home they had at exit
    settled_on = models.DateField(null=True, blank=True)
    exit_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    exit_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(exit_tenure="", exit_destination="")
                | (~models.Q(exit_tenure="") & ~models.Q(exit_destination="")),
                name="housing_exit_tenure_and_destination_together",
            ),
        ]

    def __str__(self) -> str:
        return self.get_entry_tenure_display()

    @property
    def independent_at_entry(self) -> bool:
        return self.entry_tenure in INDEPENDENT_TENURES

    @property
    def independent_at_exit(self) -> bool | None:
        return self.exit_tenure in INDEPENDENT_TENURES if self.exit_tenure else None


class SafeHomeOutcomeKind(models.TextChoices):
    """The Safe Home outputs of seed 001 Lot 2 s8, and sanctuary measures (s5 "Sanctuary type
    scheme")."""

    OWN_HOME_SECURED = "own_home_secured", "Own home secured"
    SANCTUARY = "sanctuary", "Sanctuary measures fitted"
    PERPETRATOR_ALTERNATIVE = (
        "perpetrator_alternative",
        "Person causing harm found alternative accommodation",
    )
    HOMELESSNESS_APPLICATION = "homelessness_application", "Homelessness application made"
    HOUSING_TRANSFER = "housing_transfer", "Housing transfer secured"
    PRIVATE_RENTAL = "private_rental", "Private rental secured"
    TEMPORARY_SUPPORTED = (
        "temporary_supported",
        "Temporary supported accommodation placement secured",
    )
    OTHER = "other", "Other housing solution secured"


class SafeHomeOutcome(HavenModel):
    """One Safe Home outcome achieved for the survivor of a case (many per case)."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="safe_home_outcomes"
    )
    kind = models.CharField(max_length=32, choices=SafeHomeOutcomeKind.choices)
    achieved_on = models.DateField()
    detail = models.TextField(blank=True)  # required for "other" (s8: "other ... (detail)")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-achieved_on", "-recorded_at"]
        indexes = [models.Index(fields=["case", "achieved_on"], name="safehome_case_achieved")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="other") | ~models.Q(detail=""),
                name="safehome_other_has_detail",
            ),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()
