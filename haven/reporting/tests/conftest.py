"""A small returns scenario for the page tests: a contract with three measures (a count with a
risk-level breakdown, a percentage against a 95% target with a sex breakdown, and one not
recorded) and, in 2026-Q1 (April-June 2026), three referrals and two first-contact deadlines.

Worked out by hand (not copied from the output):
- R1 referrals received: 3 (two standard risk, one high).
- P1 contacted on time: 1 met of 2 due = 50.0%, target 95% not met.
- The high-risk referral's case is restricted and allocated to the teammate: the service manager
  is not named on it, so it is a "Restricted record" in drill-down and still counted.

The shared fixtures (haven/testing/fixtures.py) are available here too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from haven.casework.models import Case
from haven.casework.services import case_restriction_set
from haven.contracts.models import Contract
from haven.contracts.profiles.validate import find_profile, load_profile
from haven.testing.casework import CaseFactory, ReferralFactory, TaskFactory
from haven.testing.factories import ContractFactory
from haven.testing.fixtures import contract_for, open_case, profile_contract, team_case
from haven.testing.personas import Personas

__all__ = ["contract_for", "open_case", "profile_contract", "team_case"]

UTC = dt.UTC
PERIOD = "2026-Q1"
MEASURES = [
    {
        "id": "R1",
        "label": "Number of referrals",
        "section": "Demand",
        "citation": "seed 000 s6",
        "compute": "referrals_received",
        "breakdowns": ["risk_level"],
    },
    {
        "id": "P1",
        "label": "Victims contacted within 24 hours",
        "section": "Performance",
        "citation": "seed 000 s6",
        "unit": "percentage",
        "target": 0.95,
        "compute": "deadlines_met",
        "params": {"rules": ["first_contact_phone"]},
        "breakdowns": ["sex"],
    },
    {
        "id": "S1",
        "label": "Victims satisfied with the service",
        "section": "Outcomes",
        "citation": "seed 000 s6",
        "unit": "percentage",
        "target": 0.9,
        "missing": "needs satisfaction surveys",
    },
]


def returns_contract(provider: Any, slug: str = "returns-test", **extra: Any) -> Contract:
    """The opcc-dv360 profile with the three measures above, under its own slug."""
    base = load_profile(find_profile("opcc-dv360")).model_dump(mode="json")
    return ContractFactory(
        slug=slug,
        name="Returns test service",
        provider=provider,
        profile=dict(base, slug=slug, measures=MEASURES),
        profile_sha256=slug.ljust(64, "0")[:64],
        **extra,
    )


@dataclass
class Scenario:
    personas: Personas
    contract: Contract
    open_case: Case
    restricted_case: Case


def _at(day: int, month: int = 5) -> dt.datetime:
    return dt.datetime(2026, month, day, 10, 0, tzinfo=UTC)


@pytest.fixture
def scenario(personas: Personas) -> Scenario:
    contract = returns_contract(personas.organisation)
    team = personas.team
    open_case = CaseFactory(
        contract=contract,
        team=team,
        allocated_to=personas.caseworker,
        opened_at=_at(3),
        referral=ReferralFactory(
            contract=contract, received_at=_at(2), referrer_risk_level="standard"
        ),
    )
    restricted = CaseFactory(
        contract=contract,
        team=team,
        allocated_to=personas.teammate,
        opened_at=_at(6),
        risk_level="high",
        referral=ReferralFactory(contract=contract, received_at=_at(5), referrer_risk_level="high"),
    )
    case_restriction_set(
        case=restricted, restricted=True, changed_by=personas.teammate, reason="Synthetic"
    )
    ReferralFactory(contract=contract, received_at=_at(7), referrer_risk_level="standard")
    ReferralFactory(contract=contract, received_at=_at(1, month=3))  # the quarter before
    TaskFactory(
        case=open_case,
        rule_key="first_contact_phone",
        due_at=_at(4),
        met_at=_at(3),
        status="met",
        completed_at=_at(3),
    )
    TaskFactory(case=restricted, rule_key="first_contact_phone", due_at=_at(7), status="breached")
    return Scenario(personas, contract, open_case, restricted)


@pytest.fixture
def census_baselines(db: None) -> None:
    """The Census 2021 baselines migration 0001 seeds. A transactional test (the browser tests)
    empties every table when it ends, seeded rows included, so tests that read them put them
    back first with the migration's own function (it updates or creates, so it is idempotent)."""
    from importlib import import_module

    from django.apps import apps

    seeding = import_module("haven.reporting.migrations.0001_equality_baseline")
    seeding.seed(apps, None)
