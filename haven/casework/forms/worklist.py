"""Worklist filters, kept in the query string so HTMX refreshes and pagination keep them."""

from __future__ import annotations

from typing import Any

from haven.casework.models import CaseState
from haven.deadlines import RISK_LEVEL_CHOICES
from haven.govuk.forms import GovukForm, GovukSelectField


class WorklistFilterForm(GovukForm):
    contract = GovukSelectField(label="Contract", required=False)
    risk_level = GovukSelectField(
        label="Risk level", required=False, choices=[("", "Any risk level"), *RISK_LEVEL_CHOICES]
    )
    state = GovukSelectField(
        label="Case state", required=False, choices=[("", "Any state"), *CaseState.choices]
    )

    def __init__(self, *args: Any, contracts: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contract"].choices = [("", "Any contract"), *contracts]  # type: ignore[attr-defined]

    def filters(self) -> dict[str, str]:
        if not self.is_bound or not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v}
