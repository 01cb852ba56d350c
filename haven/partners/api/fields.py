"""A contract's referral fields for partner systems, described from the partner form itself
(the same labels, choices and limits a partner sees on the page), at the body's paths."""

from __future__ import annotations

from typing import Any

from django import forms

from haven.contracts.models import Contract
from haven.partners.forms import (
    PERSON_FIELDS,
    PartnerPersonForm,
    PartnerReferralForm,
    PartnerSafeContactForm,
)
from haven.partners.models import PartnerOrganisation

SAFE_CONTACT_API_FIELDS = (
    "safe_phone",
    "voicemail_allowed",
    "texts_allowed",
    "email_safe",
    "letters",
    "safe_address",
    "harmer_at_address",
    "code_word",
    "notes",
)
BOOLEAN_FIELDS = frozenset({"voicemail_allowed", "texts_allowed", "email_safe"})
REFERRAL_API_FIELDS = (
    "consent_to_contact",
    "contact_method",
    "primary_support_need",
    "incident_at",
    "referrer_risk_level",
    "risk_indicators",
    "priority",
    "presenting_need",
    "referrer_name",
    "referrer_contact",
    "partner_reference",
)


def _describe(path: str, name: str, field: forms.Field) -> dict[str, Any]:
    kind = "string"
    choices = None
    if name in BOOLEAN_FIELDS or name == "consent_to_contact":
        kind = "boolean"
    elif isinstance(field, forms.ChoiceField):
        kind = "choice"
        offered: list[tuple[Any, Any]] = list(field.choices)  # type: ignore[arg-type]
        choices = [{"value": str(value), "label": str(label)} for value, label in offered]
    elif isinstance(field, forms.MultiValueField):
        kind = "date" if name == "date_of_birth" else "date-time"
    elif isinstance(field.widget, forms.Textarea):
        kind = "text"
    return {
        "name": path,
        "label": str(field.label or name),
        "type": kind,
        "required": bool(field.required),
        "max_length": getattr(field, "max_length", None),
        "choices": choices,
    }


def referral_fields(contract: Contract, organisation: PartnerOrganisation) -> dict[str, Any]:
    link = organisation.contract_links.get(contract=contract)
    needs_incident = any(
        rule.get("start") == "incident" for rule in contract.profile.get("deadlines") or []
    )
    referral_form = PartnerReferralForm(
        contact_methods=list(contract.profile.get("contact_methods") or []),
        needs_incident=needs_incident,
    )
    person_form = PartnerPersonForm()
    safe_form = PartnerSafeContactForm()
    fields = [_describe(f"person.{n}", n, person_form.fields[n]) for n in PERSON_FIELDS]
    fields += [
        _describe(f"safe_contact.{n}", n, safe_form.fields[n]) for n in SAFE_CONTACT_API_FIELDS
    ]
    fields.append(
        {
            "name": "safe_contact.safe_times",
            "label": "When it is safe to call: up to two spans of days (0 Monday to 6 Sunday) "
            "and 24-hour times",
            "type": "safe-times",
            "required": False,
            "max_length": None,
            "choices": None,
        }
    )
    for name in REFERRAL_API_FIELDS:
        described = _describe(name, name, referral_form.fields[name])
        if name == "incident_at":
            described["required"] = needs_incident
        fields.append(described)
    return {"contract": contract.slug, "route": link.route, "fields": fields}
