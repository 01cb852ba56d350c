"""The person page's "Consent and sharing" section and the case page's prompt for a missing
confidentiality agreement (seed 004 s11.1), registered from ConsentConfig.ready()."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse

from haven.casework.models import CaseState
from haven.casework.sections import CaseSection, render_section
from haven.consent.selectors import consents_of, has_confidentiality_agreement
from haven.core.formatting import when
from haven.people.sections import PersonSection, render_person_section

if TYPE_CHECKING:
    from django.http import HttpRequest

    from haven.casework.selectors import VisibleCase
    from haven.contracts.models import Contract
    from haven.people.selectors import ReadablePerson

PERSON_ORDER = 40
CASE_ORDER = 1  # a prompt, near the top


def person_section(request: HttpRequest, readable: ReadablePerson) -> PersonSection:
    person = readable.person
    can_change = request.user.has_perm("people.change_person")
    html = render_person_section(
        request,
        "consent/_person_section.html",
        {
            "person": person,
            "consents": consents_of(person),
            "confidentiality": has_confidentiality_agreement(person),
            "can_change": can_change,
            "when": when,
        },
    )
    links: tuple[tuple[str, str], ...] = ()
    if can_change:
        links = (("Record a consent", reverse("consent:record", args=[person.pk])),)
    if request.user.has_perm("consent.view_agreements"):
        links += (("Information-sharing agreements", reverse("consent:agreements")),)
    return PersonSection(order=PERSON_ORDER, html=html, links=links)


def confidentiality_required(contract: Contract) -> str | None:
    """The citation of the profile's `confidentiality_agreement` block (validated when the
    profile is loaded), or None: the contract asks for none."""
    spec = (contract.profile or {}).get("confidentiality_agreement")
    return str(spec.get("citation") or "seed 004 s11.1") if isinstance(spec, dict) else None


def case_section(request: HttpRequest, visible: VisibleCase) -> CaseSection | None:
    """seed 004 s11.1: "Service users will be provided with a confidentiality agreement to sign"
    at intake (seed 003 s15: "sign a confidentiality form"): a prompt on an open case of a
    contract whose profile says so, while none is recorded for its person."""
    case = visible.case
    if case.state == CaseState.CLOSED:
        return None
    citation = confidentiality_required(case.contract)
    if citation is None or has_confidentiality_agreement(case.person):
        return None
    html = render_section(
        request, "consent/_case_section.html", {"case": case, "citation": citation}
    )
    links: tuple[tuple[str, str], ...] = ()
    if visible.can_change:
        href = reverse("consent:record", args=[case.person_id]) + "?kind=confidentiality"
        links = (("Record the confidentiality agreement", href),)
    return CaseSection(order=CASE_ORDER, html=html, links=links)
