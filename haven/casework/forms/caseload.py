"""Caseload filters (issue 10 s5), kept in the query string like the worklist's: the worker
(team leaders and service managers only), contract, risk level, state and "overdue only"."""

from __future__ import annotations

from typing import Any

from haven.casework.caseload_selectors import EVERYONE, UNALLOCATED
from haven.casework.forms.worklist import WorklistFilterForm
from haven.govuk.forms import GovukForm, GovukSelectField

OVERDUE_CHOICES = [("", "All open cases"), ("yes", "Only cases with an overdue deadline")]


class CaseloadFilterForm(WorklistFilterForm):
    overdue = GovukSelectField(label="Deadlines", required=False, choices=OVERDUE_CHOICES)
    worker = GovukSelectField(label="Worker", required=False)

    def __init__(
        self,
        *args: Any,
        contracts: list[tuple[str, str]],
        workers: list[tuple[str, str]] | None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, contracts=contracts, **kwargs)
        if workers is None:  # a caseworker: their own caseload only
            del self.fields["worker"]
        else:
            self.fields["worker"].choices = [  # type: ignore[attr-defined]
                ("", "My caseload"),
                (EVERYONE, "Everyone I oversee"),
                (UNALLOCATED, "Not allocated to a worker"),
                *workers,
            ]


class OverviewFilterForm(GovukForm):
    overdue = GovukSelectField(
        label="Workers",
        required=False,
        choices=[("", "Every worker"), ("yes", "Only workers with an overdue deadline")],
    )

    def overdue_only(self) -> bool:
        return self.is_bound and self.is_valid() and self.cleaned_data["overdue"] == "yes"
