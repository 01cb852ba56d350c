"""The consent pages' forms: record and withdraw a consent, an agreement, its review, and the
share register's filter."""

from __future__ import annotations

from haven.consent.models import (
    AgreementStatus,
    Art6Basis,
    Art9Condition,
    ConsentKind,
    ShareBasis,
    ShareKind,
)
from haven.consent.services import FORM_HOW_GIVEN
from haven.govuk.forms import (
    GovukDateField,
    GovukForm,
    GovukRadiosField,
    GovukSelectField,
    GovukTextareaField,
    GovukTextField,
)

DAY_HINT = "For example, 27 3 2026"


class ConsentForm(GovukForm):
    kind = GovukRadiosField(
        label="What is the consent to?",
        error_label="what the consent is to",
        choices=ConsentKind.choices,
    )
    recipient = GovukTextField(
        label="Agency information may be shared with (consent to share only)",
        error_label="the agency",
        required=False,
        max_length=200,
    )
    purpose = GovukTextField(
        label="What it may be shared for (consent to share only)",
        hint="For example, a referral for housing support",
        error_label="the purpose",
        required=False,
        max_length=300,
    )
    given_on = GovukDateField(
        label="Date given", error_label="the date given", hint=DAY_HINT, when="today_or_past"
    )
    how_given = GovukRadiosField(
        label="How was it given?",
        error_label="how it was given",
        choices=[(value.value, value.label) for value in FORM_HOW_GIVEN],
    )
    note = GovukTextareaField(
        label="Note (optional)", error_label="note", required=False, max_length=2000, rows=3
    )


class WithdrawForm(GovukForm):
    withdrawn_on = GovukDateField(
        label="Date withdrawn",
        error_label="the date withdrawn",
        hint=DAY_HINT,
        when="today_or_past",
    )
    reason = GovukTextareaField(
        label="Why was it withdrawn?", error_label="why it was withdrawn", max_length=2000, rows=3
    )


class AgreementForm(GovukForm):
    partner = GovukTextField(
        label="Partner organisation", error_label="the partner", max_length=200
    )
    purpose = GovukTextareaField(
        label="Purpose of the sharing", error_label="the purpose", max_length=2000, rows=3
    )
    art6_basis = GovukRadiosField(
        label="UK GDPR Article 6 lawful basis",
        error_label="the Article 6 lawful basis",
        choices=Art6Basis.choices,
    )
    art9_condition = GovukRadiosField(
        label="Article 9 or DPA 2018 Schedule 1 condition",
        error_label="the Article 9 condition",
        choices=Art9Condition.choices,
    )
    signed_on = GovukDateField(
        label="Date signed (optional)",
        error_label="the date signed",
        hint=DAY_HINT,
        when="today_or_past",
        required=False,
    )
    review_on = GovukDateField(label="Review date", error_label="the review date", hint=DAY_HINT)
    status = GovukRadiosField(
        label="Status", error_label="the status", choices=AgreementStatus.choices
    )


class ReviewForm(GovukForm):
    reviewed_on = GovukDateField(
        label="Date reviewed", error_label="the date reviewed", hint=DAY_HINT, when="today_or_past"
    )
    next_review_on = GovukDateField(
        label="Next review date", error_label="the next review date", hint=DAY_HINT
    )
    note = GovukTextareaField(
        label="Note (optional)", error_label="note", required=False, max_length=2000, rows=3
    )


class ShareFilterForm(GovukForm):
    since = GovukDateField(
        label="From", error_label="the first date", hint=DAY_HINT, required=False
    )
    until = GovukDateField(label="To", error_label="the last date", hint=DAY_HINT, required=False)
    kind = GovukSelectField(
        label="Kind",
        error_label="the kind",
        choices=[("", "Any"), *ShareKind.choices],
        required=False,
    )
    basis = GovukSelectField(
        label="Basis",
        error_label="the basis",
        choices=[("", "Any"), *ShareBasis.choices],
        required=False,
    )
