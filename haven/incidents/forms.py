"""Forms for serious incidents, complaints and compliments, with GOV.UK errors on the fields."""

from __future__ import annotations

from typing import Any

from haven.govuk.forms import (
    GovukDateField,
    GovukDateTimeField,
    GovukForm,
    GovukRadiosField,
    GovukSelectField,
    GovukTextareaField,
    GovukTextField,
)
from haven.incidents.complaint_services import ABOUT_MAX_LENGTH
from haven.incidents.complaint_services import SUMMARY_MAX_LENGTH as COMPLAINT_MAX_LENGTH
from haven.incidents.models import (
    ComplaintOutcome,
    ComplaintRoute,
    ComplaintSubject,
    FromCategory,
    IncidentKind,
    ReviewStatus,
)
from haven.incidents.services import RECIPIENT_MAX_LENGTH, REVIEW_MAX_LENGTH, SUMMARY_MAX_LENGTH

DATE_HINT = "For example, 27 3 2026"
WHEN_HINT = "For example, 27 3 2026 14 30. Use the 24-hour clock."
NO_NAMES = "Do not write anyone's name: the case link says whose support it was about."


class _ContractMixin:
    """A contract select when the user keeps more than one service's records."""

    fields: dict[str, Any]

    def setup_contracts(self, contracts: list[Any]) -> None:
        field = self.fields["contract"]
        if len(contracts) == 1:
            del self.fields["contract"]
            return
        field.choices = [("", "Choose a service")] + [(str(c.pk), c.name) for c in contracts]


class IncidentForm(_ContractMixin, GovukForm):
    contract = GovukSelectField(
        label="Which service?",
        choices=[],
        error_messages={"required": "Select the service"},
    )
    kind = GovukRadiosField(
        label="What kind of serious incident is it?",
        choices=IncidentKind.choices,
        error_messages={"required": "Select the kind of incident"},
    )
    occurred_at = GovukDateTimeField(
        label="When did it happen?",
        when="today_or_past",
        error_label="date and time of the incident",
        hint=f"The commissioner's deadline runs from this time. {WHEN_HINT}",
    )
    summary = GovukTextareaField(
        label="What happened?",
        rows=5,
        max_length=SUMMARY_MAX_LENGTH,
        error_label="what happened",
        error_messages={"required": "Enter what happened"},
    )

    def __init__(self, *args: Any, contracts: list[Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if contracts is None:  # against a case: its contract
            del self.fields["contract"]
        else:
            self.setup_contracts(contracts)


class NotificationForm(GovukForm):
    notified_at = GovukDateTimeField(
        label="When was the commissioner told?",
        when="today_or_past",
        error_label="date and time reported",
        hint=WHEN_HINT,
    )
    notified_to = GovukTextField(
        label="Who was told?",
        max_length=RECIPIENT_MAX_LENGTH,
        error_label="who was told",
        hint="The commissioner's team or role, for example Cornwall Council commissioning team",
        error_messages={"required": "Enter who was told"},
    )


class ReviewForm(GovukForm):
    review_status = GovukRadiosField(
        label="Where is the review?",
        choices=ReviewStatus.choices,
        error_messages={"required": "Select where the review is"},
    )
    review_completed_on = GovukDateField(
        label="Date the review was completed (if it is)",
        required=False,
        when="today_or_past",
        error_label="date the review was completed",
        hint=DATE_HINT,
    )
    findings = GovukTextareaField(
        label="Findings (optional)",
        required=False,
        rows=4,
        max_length=REVIEW_MAX_LENGTH,
        error_label="the findings",
    )
    learning = GovukTextareaField(
        label="Learning (optional)",
        required=False,
        rows=4,
        max_length=REVIEW_MAX_LENGTH,
        error_label="the learning",
    )
    action_plan = GovukTextareaField(
        label="Action plan to implement the learning (optional)",
        required=False,
        rows=4,
        max_length=REVIEW_MAX_LENGTH,
        error_label="the action plan",
    )


class _ReceivedForm(_ContractMixin, GovukForm):
    """The service a complaint or compliment is about, and the day it was received."""

    contract = GovukSelectField(
        label="Which service is it about?",
        choices=[],
        error_messages={"required": "Select the service"},
    )
    received_on = GovukDateField(
        label="When was it received?",
        when="today_or_past",
        error_label="date received",
        hint=DATE_HINT,
    )


class ComplaintForm(_ReceivedForm):
    complainant = GovukRadiosField(
        label="Who is it from?",
        choices=FromCategory.choices,
        error_messages={"required": "Select who the complaint is from"},
    )
    route = GovukRadiosField(
        label="How was it received?",
        choices=ComplaintRoute.choices,
        error_messages={"required": "Select how it was received"},
    )
    subject = GovukRadiosField(
        label="What is it about?",
        choices=ComplaintSubject.choices,
        error_messages={"required": "Select what it is about"},
    )
    summary = GovukTextareaField(
        label="The complaint",
        rows=5,
        max_length=COMPLAINT_MAX_LENGTH,
        error_label="the complaint",
        hint=NO_NAMES,
        error_messages={"required": "Enter what the complaint is about"},
    )
    stage = GovukRadiosField(
        label="Which stage of the complaints procedure does it start at?",
        choices=[],
        error_messages={"required": "Select the stage it starts at"},
    )
    case_reference = GovukTextField(
        label="Case reference code (optional)",
        required=False,
        max_length=10,
        error_label="case reference code",
        hint="When the complaint is about one person's support, for example H7K2Q9",
        spellcheck=False,
    )

    def __init__(
        self, *args: Any, contracts: list[Any], stages: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.setup_contracts(contracts)
        self.fields["stage"].choices = stages


class StageResponseForm(GovukForm):
    responded_on = GovukDateField(
        label="When was the response sent?",
        when="today_or_past",
        error_label="date of the response",
        hint=DATE_HINT,
    )
    response = GovukTextareaField(
        label="The response (optional)",
        required=False,
        rows=4,
        max_length=COMPLAINT_MAX_LENGTH,
        error_label="the response",
        hint=NO_NAMES,
    )


class EscalationForm(GovukForm):
    escalated_on = GovukDateField(
        label="When did the complainant take it to the next stage?",
        when="today_or_past",
        error_label="date",
        hint=DATE_HINT,
    )


class ResolutionForm(GovukForm):
    outcome = GovukRadiosField(
        label="What was the outcome?",
        choices=ComplaintOutcome.choices,
        error_messages={"required": "Select the outcome"},
    )
    resolved_on = GovukDateField(
        label="When was it resolved?",
        when="today_or_past",
        error_label="date resolved",
        hint=DATE_HINT,
    )
    learning = GovukTextareaField(
        label="Learning (optional)",
        required=False,
        rows=4,
        max_length=COMPLAINT_MAX_LENGTH,
        error_label="the learning",
    )


class ComplimentForm(_ReceivedForm):
    complimenter = GovukRadiosField(
        label="Who is it from?",
        choices=FromCategory.choices,
        error_messages={"required": "Select who the compliment is from"},
    )
    about = GovukTextField(
        label="What is it about?",
        max_length=ABOUT_MAX_LENGTH,
        error_label="what it is about",
        hint=NO_NAMES,
        error_messages={"required": "Enter what the compliment is about"},
    )
    case_reference = GovukTextField(
        label="Case reference code (optional)",
        required=False,
        max_length=10,
        error_label="case reference code",
        spellcheck=False,
    )

    def __init__(self, *args: Any, contracts: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setup_contracts(contracts)


class LogFilterForm(GovukForm):
    """The filters above a log (GET): the service and open or resolved."""

    contract = GovukSelectField(label="Service", choices=[], required=False)
    status = GovukSelectField(label="Status", choices=[], required=False)

    def __init__(
        self, *args: Any, contracts: list[Any], statuses: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contract"].choices = [("", "All services")] + [  # type: ignore[attr-defined]
            (str(c.pk), c.name) for c in contracts
        ]
        self.fields["status"].choices = [("", "Any"), *statuses]  # type: ignore[attr-defined]
