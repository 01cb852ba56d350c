"""What a MARAC referral shows, on its page and in its PDF for secure email: typed rows, no HTML.

Nothing a person causing harm could use: the victim's address only when none of their cases is
restricted (a restricted record's whereabouts stay with its named staff), the safe number and
safe times only (never the ordinary phone, email, code word or contact notes)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from haven.casework.models import Case
from haven.marac.models import MaracReferral
from haven.people.models import SafeContact

WITHHELD = "Withheld: the record is restricted. Ask the referrer."


@dataclass(frozen=True)
class Row:
    label: str
    value: str


@dataclass(frozen=True)
class ReferralSheet:
    referral: list[Row]
    victim: list[Row]
    consent: list[Row]
    summary: str
    judgement_reasons: str


def _day(value: object) -> str:
    return f"{value:%-d %B %Y}" if value else "Not recorded"


def _yes_no(value: bool) -> str:
    return "Yes" if value else "No"


def address_withheld(case: Case) -> bool:
    """Follows the restriction rules: any restricted case of the person keeps the address off."""
    return Case.objects.filter(person_id=case.person_id, is_restricted=True).exists()


def _victim_rows(case: Case) -> list[Row]:
    person = case.person
    rows = [
        Row("Reference", person.reference_code),
        Row("Name", person.full_name or "Not recorded"),
        Row("Date of birth", _day(person.date_of_birth)),
        Row("Gender", person.gender or "Not recorded"),
        Row(
            "First language",
            (person.preferred_language or "Not recorded")
            + (" (interpreter needed)" if person.interpreter_needed else ""),
        ),
    ]
    if address_withheld(case):
        rows.append(Row("Address", WITHHELD))
    else:
        rows.append(Row("Address", ", ".join(person.address_lines) or "Not recorded"))
    safe = SafeContact.objects.filter(person=person).first()
    if safe is not None and safe.safe_phone:
        times = "; ".join(window.describe() for window in safe.windows()) or "Any time"
        rows += [
            Row("Safe telephone number", safe.safe_phone),
            Row("Safe times to call", times),
            Row("Safe to leave a message", _yes_no(safe.voicemail_allowed)),
        ]
    else:
        rows.append(Row("Safe telephone number", "None recorded: contact through the referrer"))
    return rows


def referral_sheet(referral: MaracReferral) -> ReferralSheet:
    referrer = referral.referred_by
    details = [
        Row("MARAC", referral.area.name),
        Row("Date referred", _day(referral.referred_on)),
        Row("Referring agency", referral.get_referring_agency_display()),
        Row("Referrer", referrer.full_name or "Not recorded"),
        Row("Criteria met", ", ".join(referral.criteria_labels) or "None"),
        Row(
            "Risk checklist",
            f"{referral.ric_score} yes answers" if referral.ric_score is not None else "Not done",
        ),
        Row(
            "Repeat",
            f"Yes: last referred {_day(referral.previous_referral.referred_on)}"
            if referral.is_repeat and referral.previous_referral
            else "No",
        ),
        Row("Review date", _day(referral.review_on)),
    ]
    consent = [
        Row("The victim consents", _yes_no(referral.consent)),
        Row("The victim knows of the referral", _yes_no(referral.victim_aware)),
    ]
    if not referral.consent:
        consent.append(Row("Shared without consent because", referral.without_consent_reason))
    return ReferralSheet(
        referral=details,
        victim=_victim_rows(referral.case),
        consent=consent,
        summary=referral.research_summary,
        judgement_reasons=referral.judgement_reasons,
    )


def printed_at() -> str:
    return f"{timezone.localtime():%-d %B %Y %H:%M}"
