"""A contract with referrals in a past quarter, for the sign-off and commissioner tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from haven.contracts.models import Contract
from haven.contracts.profiles.stored import profile_of
from haven.referrals.models import Referral
from haven.reporting.periods import Period, parse_period
from haven.testing.casework import ReferralFactory
from haven.testing.fixtures import profile_contract

QUARTER = "2026-Q1"  # opcc-dv360 runs April to March: April to June 2026
IN_QUARTER = dt.datetime(2026, 5, 12, 10, 0, tzinfo=dt.UTC)


@dataclass
class SignOffWorld:
    personas: Any
    contract: Contract
    period: Period
    referrals: list[Referral]

    def add_referral(self, **fields: Any) -> Referral:
        referral: Referral = ReferralFactory(
            contract=self.contract, route="police_workbook", received_at=IN_QUARTER, **fields
        )
        self.referrals.append(referral)
        return referral


def build_signoff_world(personas: Any, *, referrals: int = 7) -> SignOffWorld:
    """dv360, bought by the personas' commissioner, delivered by their organisation."""
    contract = profile_contract("opcc-dv360", personas.organisation)
    contract.commissioner = personas.commissioner_body
    contract.save(update_fields=["commissioner"])
    period = parse_period(QUARTER, profile_of(contract).contract_year_start)
    world = SignOffWorld(personas, contract, period, [])
    for _ in range(referrals):
        world.add_referral()
    return world
