"""Accept or decline a referral by the contract profile's `eligibility` block. Pure: no Django."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from haven.people.postcodes import area_of

NEED_LABELS = {
    "da": "domestic abuse",
    "hba": "honour-based abuse",
    "fgm": "female genital mutilation",
    "fm": "forced marriage",
    "sv_historic": "historic sexual violence",
    "sv_acute": "acute sexual violence",
    "stalking": "stalking",
}


@dataclass(frozen=True)
class ReferralFacts:
    """What the referral says about the person; None = not known."""

    age: int | None = None
    area: str | None = None  # the local authority as recorded; else decided from these two
    postcode: str | None = None
    town: str | None = None
    gender: str | None = None
    primary_support_need: str | None = None
    consent_to_contact: bool = False


@dataclass(frozen=True)
class Decision:
    eligible: bool
    reasons: list[str] = field(default_factory=list)  # why declined
    checks: list[str] = field(default_factory=list)  # what staff should confirm (unknown facts)
    citation: str = ""
    # the DeclineCategory of the first rule that failed (seed 004 s10 A3); "" when eligible
    category: str = ""

    @property
    def summary(self) -> str:
        if self.eligible:
            return "Eligible" + (f" ({self.citation})" if self.citation else "")
        return "Not eligible: " + "; ".join(self.reasons)


# "Wokingham Borough Council", "Leicester City Council", "City of Leicester" name the areas
# "Wokingham" and "Leicester" (the profiles name authorities without these words)
COUNCIL_WORDS = re.compile(
    r"^council\s+of\s+(?:the\s+)?|"
    r"\b(?:(?:city|county|borough|district|unitary|metropolitan)\s+)?council\b|"
    r"^(?:the\s+)?(?:city|borough|county)\s+of\b|\bcity\b"
)


def _authority(name: str) -> str:
    return " ".join(COUNCIL_WORDS.sub(" ", name.casefold()).split())


def _same(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def _same_area(a: str, b: str) -> bool:
    return _same(a, b) or _authority(a) == _authority(b)


def _age(rules: Mapping[str, Any], age: int | None) -> tuple[list[str], list[str]]:
    low, high = rules.get("min_age"), rules.get("max_age")
    if low is None and high is None:
        return [], []
    if age is None:
        return [], ["Age is not known: check the person is within the age limits"]
    if low is not None and age < low:
        return [f"Aged {age}, below the minimum age of {low}"], []
    if high is not None and age > high:
        return [f"Aged {age}, above the maximum age of {high}"], []
    return [], []


def _listed(
    allowed: list[str] | None,
    value: str | None,
    what: str,
    labels: Mapping[str, str] | None = None,
    same: Callable[[str, str], bool] = _same,
) -> tuple[list[str], list[str]]:
    if not allowed:
        return [], []
    show = (lambda v: labels.get(v, v)) if labels else (lambda v: v)
    options = ", ".join(show(a) for a in allowed)
    if not value:
        return [], [f"{what.capitalize()} is not known: this service covers {options}"]
    if any(same(value, a) for a in allowed):
        return [], []
    return [f"{what.capitalize()} {show(value)} is not covered (this service covers {options})"], []


def _area(allowed: list[str] | None, facts: ReferralFacts) -> tuple[list[str], list[str]]:
    """The recorded local authority, else the postcode district (or post town) against the
    contract's areas: inside when every authority the district reaches is covered, outside when
    none is, and "area uncertain — check" when it straddles a boundary the contract follows."""
    if not allowed or facts.area:
        return _listed(allowed, facts.area, "area", same=_same_area)
    finding = area_of(postcode=facts.postcode or "", town=facts.town or "")
    if not finding.authorities:
        return _listed(allowed, None, "area")
    options = ", ".join(allowed)
    inside = [a for a in finding.authorities if any(_same(a, b) for b in allowed)]
    places = " and ".join(finding.authorities)
    if len(inside) == len(finding.authorities):
        return [], []
    if not inside:
        return [
            f"Area {places} ({finding.found_from}) is not covered (this service covers {options})"
        ], []
    return [], [
        f"Area uncertain — check: {finding.found_from} is partly in {places}; this service "
        f"covers {options}"
    ]


def assess(eligibility: Mapping[str, Any] | None, facts: ReferralFacts) -> Decision:
    """Every rule in the block is checked; a referral is declined when any fails, with each reason."""
    rules = eligibility or {}
    reasons: list[str] = []
    checks: list[str] = []
    category = ""
    for (found, to_check), failed_as in (
        (_age(rules, facts.age), "outside_eligibility"),
        (_area(rules.get("areas"), facts), "outside_area"),
        (_listed(rules.get("genders"), facts.gender, "gender"), "outside_eligibility"),
        (
            _listed(
                rules.get("primary_support_needs"),
                facts.primary_support_need,
                "primary support need",
                NEED_LABELS,
            ),
            "outside_eligibility",
        ),
    ):
        reasons += found
        checks += to_check
        category = category or (failed_as if found else "")
    if rules.get("requires_consent", True) and not facts.consent_to_contact:
        reasons.append("The person has not consented to be contacted")
        category = category or "no_consent"
    citation = str(rules.get("citation") or "")
    if citation:
        reasons = [f"{reason} ({citation})" for reason in reasons]
    return Decision(
        eligible=not reasons, reasons=reasons, checks=checks, citation=citation, category=category
    )
