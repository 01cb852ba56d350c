"""The deadline calculator on a contract page: a situation in, every applying deadline out."""

from __future__ import annotations

from typing import Any

from haven.govuk.forms import GovukDateTimeField, GovukForm, GovukSelectField

METHODS = [
    ("", "Not known"),
    ("home_phone", "Home phone"),
    ("mobile_phone", "Mobile phone"),
    ("work_phone", "Work phone"),
    ("email", "Email"),
    ("in_person", "In person"),
    ("post", "Post"),
    ("sms", "Text message (SMS)"),
]
RISKS = [("", "Not known"), ("standard", "Standard"), ("medium", "Medium"), ("high", "High")]
PRIORITIES = [("", "Not known"), ("standard", "Standard"), ("emergency", "Emergency")]


class DeadlineCalculatorForm(GovukForm):
    method = GovukSelectField(label="Chosen contact method", choices=METHODS, required=False)
    risk = GovukSelectField(label="Risk level", choices=RISKS, required=False)
    priority = GovukSelectField(label="Priority", choices=PRIORITIES, required=False)
    received = GovukDateTimeField(
        label="Referral received", hint="For example, 1 12 2026 14 30 (24-hour clock, UK time)"
    )
    incident = GovukDateTimeField(label="Police incident (if any)", required=False)
    accepted = GovukDateTimeField(label="Accepted onto the caseload (if known)", required=False)
    entered = GovukDateTimeField(label="Moved into the refuge (if known)", required=False)

    def situation_values(self) -> dict[str, Any]:
        return {name: value for name, value in self.cleaned_data.items() if value}
