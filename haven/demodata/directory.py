"""The demo provider's agency directory (issue 11 item 4): synthetic agencies only, with
example.org addresses and 01632 960xxx numbers (Ofcom's drama range), and the needs area each
agency type serves in a profile's needs assessment (for the referrals the demo records)."""

from __future__ import annotations

import random
import uuid
from typing import Any

from haven.casework.models import Agency

# (name, agency type, areas covered, contact route, contact details)
DEMO_AGENCIES = [
    ("Synthetic Housing Options", "housing", "Synthetic city", "portal",
     "https://housing-options.example.org/refer"),
    ("Synthetic Talking Therapies", "mental_health", "Synthetic county", "secure_email",
     "referrals@talking-therapies.example.org"),
    ("Synthetic Community Mental Health Team", "mental_health", "Synthetic city", "phone",
     "01632 960101"),
    ("Synthetic Recovery Service", "substance_misuse", "Synthetic county", "secure_email",
     "duty@recovery-service.example.org"),
    ("Synthetic Family Law Solicitors", "legal", "Synthetic county", "phone", "01632 960102"),
    ("Synthetic Sanctuary Scheme", "target_hardening", "Synthetic city", "secure_email",
     "sanctuary@target-hardening.example.org"),
    ("Synthetic Counselling Centre", "counselling", "Synthetic county", "portal",
     "https://counselling.example.org/self-refer"),
    ("Synthetic IDVA Service", "idva", "Synthetic county", "secure_email",
     "idva@idva-service.example.org"),
    ("Synthetic Adult Social Care", "social_care_adults", "Synthetic city", "phone",
     "01632 960103"),
    ("Synthetic Children's Services", "social_care_children", "Synthetic city", "phone",
     "01632 960104"),
    ("Synthetic Parenting Programme", "parenting", "Synthetic city", "secure_email",
     "parenting@family-hub.example.org"),
    ("Synthetic Work and Skills Hub", "education_employment", "Synthetic county", "portal",
     "https://work-skills.example.org/refer"),
    ("Synthetic Money Advice", "finance", "Synthetic county", "phone", "01632 960105"),
    ("Synthetic GP Practice", "health", "Synthetic town", "secure_email",
     "practice@gp-surgery.example.org"),
    ("Synthetic Victim Service (another area)", "other", "Outside the area", "secure_email",
     "referrals@victim-service.example.org"),
]  # fmt: skip
INACTIVE = ("Synthetic Drop-in (closed)", "other", "Synthetic town", "phone", "01632 960199")

# agency type: the needs area keys it serves, in preference order (the first the profile has)
AREAS_SERVED = {
    "housing": ["accommodation", "homelessness", "long_term_housing", "family_environment"],
    "target_hardening": ["safety_at_home", "personal_safety", "safety"],
    "mental_health": ["mental_health", "emotional_wellbeing"],
    "counselling": ["mental_health", "emotional_wellbeing", "outlook", "insight"],
    "substance_misuse": ["drugs_alcohol"],
    "legal": ["legal", "family"],
    "idva": ["personal_safety", "safety"],
    "social_care_adults": ["physical_health", "social_interactions"],
    "social_care_children": ["children_parenting", "family", "parenting", "safety"],
    "parenting": ["children_parenting", "parenting", "family"],
    "education_employment": ["education_employment", "education", "employment_finance"],
    "finance": ["finance", "employment_finance"],
    "health": ["physical_health", "health_development"],
}


def demo_directory(organisation: Any, seed: int) -> dict[str, list[Agency]]:
    """The demo directory of `organisation` (entries it lacks are added), active entries by type."""
    rng = random.Random(seed ^ 0x0D1EC7)  # the directory's own stream: ids only
    have = {a.name: a for a in Agency.objects.filter(organisation=organisation)}
    new = [
        Agency(
            id=uuid.UUID(int=rng.getrandbits(128), version=4),
            organisation=organisation,
            name=name,
            agency_type=agency_type,
            areas_covered=areas,
            contact_route=route,
            contact_details=details,
            is_active=(name, agency_type, areas, route, details) != INACTIVE,
        )
        for name, agency_type, areas, route, details in [*DEMO_AGENCIES, INACTIVE]
        if name not in have
    ]
    Agency.objects.bulk_create(new)
    by_type: dict[str, list[Agency]] = {}
    for agency in sorted([*have.values(), *new], key=lambda a: a.name):
        if agency.is_active:
            by_type.setdefault(agency.agency_type, []).append(agency)
    return by_type


def need_area_for(agency_type: str, area_keys: list[str]) -> str:
    """The profile's needs area an agency of this type serves ("" when none of its areas)."""
    return next((key for key in AREAS_SERVED.get(agency_type, []) if key in area_keys), "")
