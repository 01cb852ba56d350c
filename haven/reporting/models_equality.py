"""Population baselines for the equality analysis (issue 10 s4; seed 004 s11.1 "analysis of
inequality of access and outcomes across protected characteristics"; seed 001 s14).

One row per area, protected characteristic and category: the share of the area's population in
that category, with its source. Seeded with ONS Census 2021 figures where a published figure
was found (migration 0001); service managers keep them (`/returns/baselines/`). A category
without a row has no baseline, and the analysis says so.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from haven.core.models import HavenModel

CHARACTERISTICS = [
    ("age", "Age"),
    ("disability", "Disability"),
    ("gender_reassignment", "Gender reassignment"),
    ("marriage_civil_partnership", "Marriage and civil partnership"),
    ("pregnancy_maternity", "Pregnancy and maternity"),
    ("race", "Race (ethnic group)"),
    ("religion_belief", "Religion or belief"),
    ("sex", "Sex"),
    ("sexual_orientation", "Sexual orientation"),
]


class EqualityBaseline(HavenModel):
    area = models.CharField(max_length=100, help_text="A contract profile's area, e.g. Leicester")
    characteristic = models.CharField(max_length=40, choices=CHARACTERISTICS)
    category = models.CharField(
        max_length=80, help_text="The category key the equality analysis uses, e.g. christian"
    )
    share = models.DecimalField(
        max_digits=5,
        decimal_places=4,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(1))],
        help_text="Share of the area's population in the category, as a fraction (0.2475)",
    )
    population = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="The population the share is of, from the same source (to combine areas)",
    )
    source = models.TextField(help_text="Dataset and table, e.g. ONS Census 2021 TS030 Religion")
    source_url = models.URLField(max_length=500, blank=True)
    as_of_year = models.PositiveSmallIntegerField(
        default=2021, validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )

    class Meta:
        ordering = ["area", "characteristic", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "characteristic", "category", "as_of_year"],
                name="equality_baseline_once",
            ),
            models.CheckConstraint(
                condition=models.Q(share__gte=0) & models.Q(share__lte=1),
                name="equality_baseline_share_fraction",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.area}: {self.characteristic} {self.category}"
