"""Legal proceedings a survivor is supported through: criminal prosecutions, civil orders and
family court (seed 000 s6 "the number of successful prosecutions"; seed 001 s14 "criminal and
civil justice system involvement"; seed 003 s13 "numbers supported to take forward legal
proceedings"; seed 004 s6.8 "support service users through any court proceedings; criminal and
civil"). Court support on a given day stays a support session (haven/support).

The kind, court, dates and outcome are fields (not JSON) because returns count them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel


class ProceedingKind(models.TextChoices):
    CRIMINAL_PROSECUTION = "criminal_prosecution", "Criminal prosecution"
    RESTRAINING_ORDER = "restraining_order", "Restraining order"
    NON_MOLESTATION_ORDER = "non_molestation_order", "Non-molestation order"
    OCCUPATION_ORDER = "occupation_order", "Occupation order"
    DVPO = "dvpo", "Domestic violence protection notice or order (DVPN or DVPO)"
    CHILD_ARRANGEMENTS = "child_arrangements", "Child arrangements (family court)"
    OTHER_CIVIL = "other_civil", "Other civil or family proceedings"


# Which justice system each kind belongs to (seed 001 s14: "criminal and civil justice system
# involvement"). A restraining order is made by a criminal court; family court is civil.
CRIMINAL_KINDS = frozenset({ProceedingKind.CRIMINAL_PROSECUTION, ProceedingKind.RESTRAINING_ORDER})
JUSTICE_SYSTEM = {
    kind.value: ("criminal" if kind in CRIMINAL_KINDS else "civil") for kind in ProceedingKind
}


class CourtType(models.TextChoices):
    MAGISTRATES = "magistrates", "Magistrates' court"
    CROWN = "crown", "Crown Court"
    FAMILY = "family", "Family court"
    COUNTY = "county", "County court"
    OTHER = "other", "Another court, or not known yet"


class ProceedingStatus(models.TextChoices):
    ONGOING = "ongoing", "Ongoing"
    CONCLUDED = "concluded", "Concluded"


class ProceedingOutcome(models.TextChoices):
    # a prosecution
    CHARGED = "charged", "Charged (the prosecution goes on)"
    GUILTY_PLEA = "guilty_plea", "Convicted: guilty plea"
    FOUND_GUILTY = "found_guilty", "Convicted: found guilty at trial"
    ACQUITTED = "acquitted", "Acquitted (found not guilty)"
    DISCONTINUED = "discontinued", "Discontinued or no further action"
    # an order or a family case
    GRANTED = "granted", "Order granted or made"
    REFUSED = "refused", "Order refused"
    WITHDRAWN = "withdrawn", "Application withdrawn"


# The outcomes each kind can have; CHARGED is the one that leaves a proceeding ongoing.
PROSECUTION_OUTCOMES = (
    ProceedingOutcome.CHARGED,
    ProceedingOutcome.GUILTY_PLEA,
    ProceedingOutcome.FOUND_GUILTY,
    ProceedingOutcome.ACQUITTED,
    ProceedingOutcome.DISCONTINUED,
)
ORDER_OUTCOMES = (ProceedingOutcome.GRANTED, ProceedingOutcome.REFUSED, ProceedingOutcome.WITHDRAWN)
INTERIM_OUTCOMES = frozenset({ProceedingOutcome.CHARGED})
# seed 000 s6 "successful prosecutions": a conviction, by guilty plea or after trial (the CPS
# counts a prosecution as successful when it ends in a conviction)
CONVICTIONS = frozenset({ProceedingOutcome.GUILTY_PLEA, ProceedingOutcome.FOUND_GUILTY})


def outcomes_for(kind: str) -> tuple[ProceedingOutcome, ...]:
    """The outcomes a proceeding of `kind` can have."""
    return PROSECUTION_OUTCOMES if kind == ProceedingKind.CRIMINAL_PROSECUTION else ORDER_OUTCOMES


class Proceeding(HavenModel):
    """One criminal, civil or family proceeding the survivor of a case is supported through."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="proceedings")
    kind = models.CharField(max_length=24, choices=ProceedingKind.choices)
    court_type = models.CharField(max_length=12, choices=CourtType.choices)
    court_name = models.CharField(max_length=200, blank=True)
    specialist_dv_court = models.BooleanField(default=False)
    started_on = models.DateField()
    next_hearing_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=ProceedingStatus.choices, default=ProceedingStatus.ONGOING
    )
    outcome = models.CharField(max_length=16, choices=ProceedingOutcome.choices, blank=True)
    outcome_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_on", "-recorded_at"]
        indexes = [models.Index(fields=["case", "started_on"], name="proceeding_case_started")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome="", outcome_on__isnull=True)
                | (~models.Q(outcome="") & models.Q(outcome_on__isnull=False)),
                name="proceeding_outcome_has_a_date",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=ProceedingStatus.CONCLUDED) | ~models.Q(outcome=""),
                name="proceeding_concluded_has_an_outcome",
            ),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()

    @property
    def justice_system(self) -> str:
        return JUSTICE_SYSTEM[self.kind]

    @property
    def court_text(self) -> str:
        """The court as staff say it: its name if known, its type, and SDVC."""
        parts = [self.court_name] if self.court_name else []
        parts.append(self.get_court_type_display())
        if self.specialist_dv_court:
            parts.append("specialist domestic abuse court")
        return ", ".join(parts)
