"""Cases whose profiles require exit steps, shared by the exit-step service tests."""

import datetime as dt

import pytest
from django.utils import timezone


def opened_days_ago(case, days=10):
    case.opened_at = timezone.now() - dt.timedelta(days=days)
    case.save()
    return case


def a_moment_ago():
    return timezone.now() - dt.timedelta(minutes=5)


@pytest.fixture
def refuge_case(open_case, contract_for):
    # seed 004 s4.2, s1, s10: exit risk assessment, exit interview and needs reassessment
    return opened_days_ago(
        open_case(contract_for("cornwall-mens-refuge-2021"), route="professional")
    )


@pytest.fixture
def referral_case(open_case, contract_for, personas):
    """A case whose profile requires an onward referral (no shipped profile does yet)."""
    contract = contract_for("victim-first-2018")
    contract.profile["exit"]["requires"] = ["onward_referral"]
    contract.profile_sha256 = "onward".ljust(64, "0")
    contract.save()
    return opened_days_ago(open_case(contract, contact_method="mobile_phone"))


@pytest.fixture
def victim_first_case(open_case, contract_for):
    return opened_days_ago(
        open_case(contract_for("victim-first-2018"), contact_method="mobile_phone")
    )
