"""How each contract's demo caseload looks: share of cases, team, who is referred, by whom."""

from __future__ import annotations

from dataclasses import dataclass

LLR = ("Leicester", "Leicestershire", "Rutland")
ALL_NEEDS = ("da", "da", "da", "da", "stalking", "sv_historic", "sv_acute", "hba", "fm")


@dataclass(frozen=True)
class CaseloadSpec:
    weight: int  # share of the demo's cases (all weights sum to 100)
    team: str
    support_days: tuple[int, int]
    first_risk_chance: float
    female_share: float
    ages: tuple[int, int]
    areas: tuple[str, ...]
    needs: tuple[str, ...] = ALL_NEEDS


CASELOADS: dict[str, CaseloadSpec] = {
    "opcc-dv360": CaseloadSpec(
        18, "Secondary responders", (3, 21), 0.5, 0.8, (18, 70), LLR, ("da",)
    ),
    "victim-first-2018": CaseloadSpec(
        30, "Secondary responders", (7, 120), 0.3, 0.6, (12, 85), LLR
    ),
    "target-hardening-2018": CaseloadSpec(
        8, "Secondary responders", (5, 40), 0.1, 0.85, (18, 85), LLR
    ),
    "wokingham-da-2017": CaseloadSpec(
        10, "Outreach and IDVA", (30, 200), 0.7, 0.85, (16, 80), ("Wokingham",)
    ),
    "leicester-victim-survivor-2012": CaseloadSpec(
        10, "Outreach and IDVA", (30, 180), 0.9, 0.85, (16, 80), ("Leicester",)
    ),
    "leicester-family-2012": CaseloadSpec(
        8, "Outreach and IDVA", (40, 200), 0.3, 0.5, (4, 19), ("Leicester",)
    ),
    "leicester-perpetrator-2012": CaseloadSpec(
        5, "Outreach and IDVA", (180, 220), 0.0, 0.1, (18, 65), ("Leicester",)
    ),
    "leicester-safehome-2012": CaseloadSpec(
        6, "Refuge", (20, 120), 0.5, 0.85, (16, 80), ("Leicester",)
    ),
    "cornwall-mens-refuge-2021": CaseloadSpec(
        5,
        "Refuge",
        (60, 150),
        0.6,
        0.0,
        (18, 75),
        ("Cornwall",),
        ("da", "da", "hba", "fm", "stalking"),
    ),
}

SOURCES: dict[str, tuple[str, ...]] = {
    "police": ("Leicestershire Police",),
    "police_workbook": ("Leicestershire Police",),
    "partner_agency": ("Citizens Advice", "GP surgery", "Housing Options", "Sentinel ASB team"),
    "agency": (
        "Housing Options",
        "Adult Social Care",
        "Children's Social Care",
        "NHS mental health team",
        "Probation Service",
    ),
    "professional": (
        "GP surgery",
        "Health visitor",
        "School safeguarding lead",
        "Thames Valley Police",
    ),
    "third_party": ("Friend or family member", "Employer"),
    "victim_first": ("Victim First",),
    "sv_dv_service": ("UAVA",),
    "emergency_phone": ("Victim First", "UAVA"),
    "leicester_family_service": ("Leicester Family Service",),
    "leicester_victim_survivor_service": ("Leicester Victim-Survivor Service",),
    "leicester_perpetrator_service": ("Leicester Perpetrator Programme",),
    "out_of_hours": ("Out-of-hours emergency line",),
    "childrens_services_triage": ("Wokingham Children's Services",),
}
PRESENTING = [
    "Controlling behaviour and threats after separation",
    "Physical assault reported to police last night",
    "Stalking by an ex-partner; messages daily",
    "Financial control and isolation from family",
    "Worried about the children's safety at contact handovers",
]
STAFF_DECLINES = [  # (reason, DeclineCategory) — seed 004 s10 A3 counts declines by reason
    ("Already supported by another service", "already_supported"),
    ("Referrer withdrew the referral", "withdrawn"),
    ("Person did not agree to the referral", "no_consent"),
    ("No capacity to take the referral on now", "no_vacancy"),
]
