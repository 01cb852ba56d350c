"""The returns page's forms: pick a quarter or month, or give a date range; and the drill-down's
query parameters. Bad input is a form error or a 404, never a 500."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from haven.govuk.forms import GovukForm, GovukSelectField, GovukTextField
from haven.reporting.engine import MeasureResult
from haven.reporting.periods import Period, PeriodError, date_range

DATE_HINT = "For example, 2026-04-01"


class PeriodPickerForm(GovukForm):
    period = GovukSelectField(label="Quarter or month", choices=[])

    def __init__(self, *args: Any, options: tuple[tuple[str, str], ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = list(options)  # type: ignore[attr-defined]


class RangeForm(GovukForm):
    """Any date range: `?from=YYYY-MM-DD&to=YYYY-MM-DD`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["from"] = GovukTextField(label="From", hint=DATE_HINT, max_length=10)
        self.fields["to"] = GovukTextField(label="To", hint=DATE_HINT, max_length=10)

    def _date(self, name: str, what: str) -> date:
        text = self.cleaned_data.get(name, "")
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise forms.ValidationError(
                f"Enter the {what} date as year, month and day, like 2026-04-01"
            ) from None

    def clean_from(self) -> date:
        return self._date("from", "first")

    def clean_to(self) -> date:
        return self._date("to", "last")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("from"), data.get("to")
        if isinstance(first, date) and isinstance(last, date):
            try:
                data["period"] = date_range(first, last)
            except PeriodError as error:
                message = str(error)
                self.add_error("to", message[:1].upper() + message[1:])
        return data

    def period(self) -> Period:
        period: Period = self.cleaned_data["period"]
        return period


PARTS = [("numerator", "numerator"), ("denominator", "denominator")]


class DrilldownForm(forms.Form):
    """Which records of a figure to list: all of it, or one breakdown cell; its numerator (the
    default) or denominator."""

    breakdown = forms.CharField(required=False, max_length=60)
    cell = forms.CharField(required=False, max_length=500)
    part = forms.ChoiceField(required=False, choices=PARTS)

    def __init__(self, *args: Any, measure: MeasureResult, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.measure = measure

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        figure = self.measure.figure
        if figure is None:
            raise forms.ValidationError("This figure is not recorded yet")
        part = data.get("part") or "numerator"
        if part == "denominator" and figure.denominator is None:
            raise forms.ValidationError("This figure has no denominator")
        key, cell_key = data.get("breakdown") or "", data.get("cell") or ""
        if bool(key) != bool(cell_key):
            raise forms.ValidationError("Give both a breakdown and a cell, or neither")
        ids = figure.denominator if part == "denominator" else figure.numerator
        label = ""
        if key:
            breakdown = next((b for b in self.measure.breakdowns if b.key == key), None)
            cell = (
                next((c for c in breakdown.cells if c.key == cell_key), None)
                if breakdown is not None
                else None
            )
            if breakdown is None or cell is None:
                raise forms.ValidationError("There is no such breakdown cell")
            ids = cell.denominator if part == "denominator" else cell.numerator
            label = f"{breakdown.label}: {cell.label}"
        data.update(part=part, ids=tuple(ids or ()), cell_label=label)
        return data
