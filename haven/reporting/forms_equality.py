"""The form a service manager keeps a population baseline with (issue 10 s4)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from haven.contracts.profiles.measures import PROTECTED_CHARACTERISTICS
from haven.govuk.forms import (
    GovukForm,
    GovukIntegerField,
    GovukSelectField,
    GovukTextareaField,
    GovukTextField,
)
from haven.reporting.dimensions import DIMENSIONS, NOT_KNOWN


def category_choices() -> list[tuple[str, str]]:
    """Every category of every protected characteristic, as "characteristic|category"."""
    options: list[tuple[str, str]] = []
    for key in PROTECTED_CHARACTERISTICS:
        dimension = DIMENSIONS[key]
        cells = dimension.cells(None) if dimension.cells is not None else []  # type: ignore[arg-type]
        options += [
            (f"{key}|{cell}", f"{dimension.label}: {label}")
            for cell, label in cells
            if cell != NOT_KNOWN[0]
        ]
    return options


class BaselineForm(GovukForm):
    area = GovukTextField(
        label="Area",
        hint="As the contract's profile names it, for example Leicester or Isles of Scilly",
        max_length=100,
    )
    category = GovukSelectField(label="Characteristic and category", choices=())
    share = GovukTextField(
        label="Share of the area's population",
        hint="A percentage, for example 24.75",
        max_length=10,
        suffix="%",
        inputmode="decimal",
    )
    population = GovukIntegerField(
        label="Population the share is of (optional)",
        hint="From the same source: areas are combined only when every area has one",
        required=False,
        min_value=1,
        max_value=100_000_000,
    )
    source = GovukTextareaField(
        label="Source",
        hint="Dataset and table, for example ONS Census 2021, TS030 Religion",
        max_length=1000,
    )
    source_url = GovukTextField(label="Source address (URL)", required=False, max_length=500)
    as_of_year = GovukIntegerField(label="Year of the figure", min_value=1900, max_value=2100)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "Choose a category"), *category_choices()]  # type: ignore[attr-defined]

    def clean_share(self) -> Decimal:
        text = self.cleaned_data["share"].strip().rstrip("%").strip()
        try:
            percent = Decimal(text)
        except InvalidOperation:
            raise ValidationError("Enter the share as a percentage, like 24.75") from None
        if not percent.is_finite() or not Decimal(0) <= percent <= Decimal(100):
            raise ValidationError("The share must be between 0% and 100%")
        return (percent / 100).quantize(Decimal("0.0001"))

    def clean_source_url(self) -> str:
        url = str(self.cleaned_data["source_url"]).strip()
        if url:
            try:
                URLValidator(schemes=["https", "http"])(url)
            except ValidationError:
                raise ValidationError(
                    "Enter the address in full, like https://www.ons.gov.uk/..."
                ) from None
        return url

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        characteristic, category = data["category"].split("|", 1)
        return {
            "area": data["area"],
            "characteristic": characteristic,
            "category": category,
            "share": data["share"],
            "population": data["population"],
            "source": data["source"],
            "source_url": data["source_url"],
            "as_of_year": data["as_of_year"],
        }

    @classmethod
    def initial_for(cls, baseline: Any) -> dict[str, Any]:
        return {
            "area": baseline.area,
            "category": f"{baseline.characteristic}|{baseline.category}",
            "share": f"{baseline.share * 100:.2f}",
            "population": baseline.population,
            "source": baseline.source,
            "source_url": baseline.source_url,
            "as_of_year": baseline.as_of_year,
        }


class AssignForm(forms.Form):
    """Which case to set a data-quality task on: one case's id, or "all" of the field's."""

    case = forms.CharField(max_length=40)

    def clean_case(self) -> str:
        value = str(self.cleaned_data["case"]).strip()
        if value == "all":
            return value
        import uuid

        try:
            return str(uuid.UUID(value))
        except ValueError:
            raise ValidationError("Choose a case") from None
