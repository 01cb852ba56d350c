"""Record the housing at entry and exit and a Safe Home outcome, with GOV.UK errors on the
fields."""

from __future__ import annotations

from haven.govuk.forms import GovukDateField, GovukForm, GovukRadiosField, GovukTextareaField
from haven.housing.models import Destination, SafeHomeOutcomeKind, Tenure
from haven.housing.services import DETAIL_MAX_LENGTH

DATE_HINT = "For example, 27 3 2026"


class HousingEntryForm(GovukForm):
    entry_tenure = GovukRadiosField(
        label="What was their housing when support started?",
        choices=Tenure.choices,
        error_messages={"required": "Select the housing tenure"},
    )
    left_home_on = GovukDateField(
        label="When did they have to leave their home? (optional)",
        required=False,
        when="today_or_past",
        error_label="date they left their home",
        hint=f"Only if the abuse disrupted their own home. {DATE_HINT}",
    )


class HousingExitForm(GovukForm):
    exit_tenure = GovukRadiosField(
        label="What is their housing now support ends?",
        choices=Tenure.choices,
        error_messages={"required": "Select the housing tenure"},
    )
    exit_destination = GovukRadiosField(
        label="Where did they go?",
        choices=Destination.choices,
        error_messages={"required": "Select where they went"},
    )
    settled_on = GovukDateField(
        label="When did they move into this home? (optional unless a new settled home)",
        required=False,
        when="today_or_past",
        error_label="date they moved in",
        hint=DATE_HINT,
    )


class SafeHomeOutcomeForm(GovukForm):
    kind = GovukRadiosField(
        label="What was achieved?",
        choices=SafeHomeOutcomeKind.choices,
        error_messages={"required": "Select the outcome"},
    )
    achieved_on = GovukDateField(
        label="When was it achieved?",
        when="today_or_past",
        error_label="date achieved",
        hint=DATE_HINT,
    )
    detail = GovukTextareaField(
        label="Detail (needed for another housing solution)",
        required=False,
        rows=3,
        max_length=DETAIL_MAX_LENGTH,
        error_label="the detail",
    )
