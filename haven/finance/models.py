"""A contract's money per financial year (issue 16 item 7): budget lines with a profile of
spend, income, and spend recorded by hand or imported from the finance system.

Money is integer pence (never float). The financial year starts on the profile's
`contract_year_start` of `year` (1 April, 1 July for Wokingham), as reporting/periods.py counts.
Hardship grants paid (haven/hardship) and target-hardening items fitted (haven/targethardening)
are spend too: read from those apps, never copied here.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel


class Category(models.TextChoices):
    """Budget and spend categories (seed 002 s16 open book; seed 004 s10 income and expenditure)."""

    STAFF = "staff", "Staff"
    PREMISES = "premises", "Premises"
    RUNNING_COSTS = "running_costs", "Running costs"
    MANAGEMENT = "management", "Management and overheads"
    HARDSHIP_FUND = "hardship_fund", "Hardship fund"
    TARGET_HARDENING = "target_hardening", "Target hardening"
    OTHER = "other", "Other"


class BudgetLine(HavenModel):
    """One category's budget for a contract's financial year starting in `year`."""

    contract = models.ForeignKey(
        "contracts.Contract", on_delete=models.PROTECT, related_name="budget_lines"
    )
    year = models.PositiveSmallIntegerField()
    category = models.CharField(max_length=20, choices=Category.choices)
    amount_pence = models.PositiveBigIntegerField()
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField()

    class Meta:
        ordering = ["year", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "year", "category"], name="finance_budget_line_per_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} {self.year} to {self.year + 1}"


class ProfileMonth(HavenModel):
    """The planned spend of a budget line in one month of its year (the profile of spend, seed
    004 s10; the projection of seed 001 s14). `month` is the month's first day."""

    line = models.ForeignKey(BudgetLine, on_delete=models.CASCADE, related_name="profile")
    month = models.DateField()
    amount_pence = models.PositiveBigIntegerField()

    class Meta:
        ordering = ["month"]
        constraints = [
            models.UniqueConstraint(fields=["line", "month"], name="finance_profile_month_once"),
        ]

    def __str__(self) -> str:
        return f"{self.month:%B %Y}"


class IncomeKind(models.TextChoices):
    CONTRACT_PAYMENT = "contract_payment", "Contract payment"
    OTHER = "other", "Other income"


class Income(HavenModel):
    """Money received for the contract: the commissioner's payment or other income, with its
    source (seed 004 s10 income and expenditure)."""

    contract = models.ForeignKey("contracts.Contract", on_delete=models.PROTECT, related_name="+")
    received_on = models.DateField()
    kind = models.CharField(max_length=20, choices=IncomeKind.choices)
    source = models.CharField(max_length=200)
    amount_pence = models.PositiveBigIntegerField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["received_on"]
        indexes = [models.Index(fields=["contract", "received_on"], name="finance_income_day")]

    def __str__(self) -> str:
        return self.source


class SpendImport(HavenModel):
    """One CSV file from the finance system, imported: how many rows were added and how many
    were already in (idempotent by transaction reference)."""

    contract = models.ForeignKey("contracts.Contract", on_delete=models.PROTECT, related_name="+")
    file_name = models.CharField(max_length=255)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    rows_added = models.PositiveIntegerField()
    rows_already_imported = models.PositiveIntegerField()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name


class Spend(HavenModel):
    """Money spent on the contract, on one category: recorded by hand (no reference) or
    imported from the finance system (its transaction reference, once per contract). A refund
    or credit note is a negative amount."""

    contract = models.ForeignKey("contracts.Contract", on_delete=models.PROTECT, related_name="+")
    spent_on = models.DateField()
    category = models.CharField(max_length=20, choices=Category.choices)
    # negative: a refund or credit note, netted off the line's spend (services.spend_record)
    amount_pence = models.BigIntegerField()
    description = models.CharField(max_length=200)
    supplier = models.CharField(max_length=200, blank=True)
    transaction_ref = models.CharField(max_length=64, blank=True)
    spend_import = models.ForeignKey(
        SpendImport, on_delete=models.PROTECT, null=True, blank=True, related_name="rows"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["spent_on"]
        indexes = [models.Index(fields=["contract", "spent_on"], name="finance_spend_day")]
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "transaction_ref"],
                condition=~models.Q(transaction_ref=""),
                name="finance_spend_transaction_once",
            ),
        ]

    def __str__(self) -> str:
        return self.description
