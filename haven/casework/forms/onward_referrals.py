"""An onward referral (an agency from the directory or another, the need, consent or the
safeguarding reason to share without it, when it was sent) and its outcome, with GOV.UK errors
on the fields."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from haven.casework.forms.exit_steps import WHEN_HINT, ExitStepForm
from haven.casework.models import Agency
from haven.casework.services.exit_steps import SUMMARY_MAX_LENGTH
from haven.casework.services.onward_referrals import (
    AGENCY_MAX_LENGTH,
    AGENCY_TYPES,
    BASES_WITHOUT_CONSENT,
    BASIS_MISSING,
    KINDS,
    NEED_MAX_LENGTH,
    NO_CONSENT,
    OUTCOMES,
    OVERRIDE_MAX_LENGTH,
)
from haven.contracts.profiles.sections import NeedsAreaSpec
from haven.govuk.forms import (
    GovukDateTimeField,
    GovukRadiosField,
    GovukSelectField,
    GovukTextareaField,
    GovukTextField,
)

OTHER = "other"


class OnwardReferralForm(ExitStepForm):
    moment_field = "made_at"
    moment_label = "Date and time the referral was sent"

    kind = GovukRadiosField(
        label="Is this a referral or are you passing the survivor on?",
        required=False,  # a referral unless said otherwise
        choices=list(KINDS.items()),
        initial="referral",
        choice_hints={
            "passed_on": "They are better supported by that service than by ours (for example "
            "the victim service in their own area)"
        },
    )
    directory_agency = GovukSelectField(
        label="Which agency or service?",
        choices=[],
        hint="From your organisation’s directory. Choose ‘Another agency’ if it is not listed",
        error_messages={"required": "Select the agency or service"},
    )
    agency = GovukTextField(
        label="Another agency: its name",
        required=False,
        max_length=AGENCY_MAX_LENGTH,
        error_label="the agency or service referred to",
    )
    agency_type = GovukRadiosField(
        label="Another agency: what type of agency or service is it?",
        required=False,
        choices=list(AGENCY_TYPES.items()),
        divider_before="other",
        small=True,
    )
    need_area = GovukRadiosField(
        label="Which need does it address?",
        required=False,
        choices=[],
        small=True,
        hint="The area of the needs assessment this referral is for",
    )
    need = GovukTextField(
        label="Support need (optional)",
        required=False,
        max_length=NEED_MAX_LENGTH,
        error_label="support need",
        hint="Why they were referred, for example housing or mental health",
    )
    made_at = GovukDateTimeField(
        label="When was the referral sent?",
        when="past",
        error_label="date and time the referral was sent",
        hint=WHEN_HINT,
    )
    consent = GovukRadiosField(
        label="Did the survivor consent to the referral?",
        choices=[("yes", "Yes"), ("no", "No")],
        inline=True,
        error_messages={"required": "Select whether the survivor consented to the referral"},
    )
    override_basis = GovukRadiosField(
        label="If they did not consent: the lawful basis for sharing without consent",
        required=False,
        choices=list(BASES_WITHOUT_CONSENT.items()),
        small=True,
        hint="Check your information-sharing protocol; ask your data protection officer if unsure",
    )
    consent_override = GovukTextareaField(
        label="If they did not consent: the reason for sharing without consent",
        required=False,
        rows=3,
        max_length=OVERRIDE_MAX_LENGTH,
        error_label="the safeguarding reason",
        hint="Only where your information-sharing protocol allows sharing without consent, "
        "for example a risk of serious harm to the survivor or a child",
    )
    note = GovukTextareaField(
        label="Note (optional)",
        required=False,
        rows=3,
        max_length=SUMMARY_MAX_LENGTH,
        error_label="the note",
    )

    def __init__(
        self,
        *args: Any,
        agencies: list[Agency] | None = None,
        areas: list[NeedsAreaSpec] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.agencies = {str(agency.pk): agency for agency in agencies or []}
        if self.agencies:
            field = self.fields["directory_agency"]
            field.choices = [  # type: ignore[attr-defined]
                ("", "Select an agency"),
                *(
                    (pk, f"{a.name} ({a.get_agency_type_display()})")
                    for pk, a in self.agencies.items()
                ),
                (OTHER, "Another agency, not in the directory"),
            ]
        else:  # no directory yet: the agency is named
            del self.fields["directory_agency"]
            self.fields["agency"].label = "Which agency or service was the survivor referred to?"
            self.fields["agency_type"].label = "What type of agency or service is it?"
        if areas:
            field = self.fields["need_area"]
            field.choices = [(area.key, area.label) for area in areas]  # type: ignore[attr-defined]
            del self.fields["need"]
        else:
            del self.fields["need_area"]

    def picked_agency(self) -> Agency | None:
        return self.agencies.get(str(self.cleaned_data.get("directory_agency") or ""))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        other = "directory_agency" not in self.fields or cleaned.get("directory_agency") == OTHER
        if other and "directory_agency" not in self.errors:
            if not (cleaned.get("agency") or "").strip() and "agency" not in self.errors:
                self.add_error("agency", "Enter the agency or service the survivor was referred to")
            if not cleaned.get("agency_type") and "agency_type" not in self.errors:
                self.add_error("agency_type", "Select the type of agency or service")
        refused = cleaned.get("consent") == "no"  # (add_error drops the field from cleaned)
        if refused and not (cleaned.get("consent_override") or "").strip():
            self.add_error("consent", NO_CONSENT)
        if refused and not cleaned.get("override_basis") and "override_basis" not in self.errors:
            self.add_error("override_basis", BASIS_MISSING)
        return cleaned


class OutcomeForm(ExitStepForm):
    moment_field = "outcome_at"
    moment_label = "Date and time of the outcome"
    opened_what = "when the referral was sent"

    outcome = GovukRadiosField(
        label="What happened to the referral?",
        choices=list(OUTCOMES.items()),
        choice_hints={"no_reply": "The agency has not replied and you have stopped waiting"},
        error_messages={"required": "Select what happened to the referral"},
    )
    outcome_at = GovukDateTimeField(
        label="When did you hear (or stop waiting)?",
        when="past",
        error_label="date and time of the outcome",
        hint=WHEN_HINT,
    )
    note = GovukTextareaField(
        label="Note (optional)",
        required=False,
        rows=3,
        max_length=SUMMARY_MAX_LENGTH,
        error_label="the note",
    )

    def __init__(self, *args: Any, made_at: datetime, **kwargs: Any) -> None:
        super().__init__(*args, opened_at=made_at, **kwargs)
