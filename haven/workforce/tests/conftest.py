"""Workforce tests: staff records for the personas' caseworker (vetted), teammate (vetting
lapsed), team leader and a volunteer without a login, kept by the service manager."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from haven.testing.fixtures import team_case

__all__ = ["team_case"]


def make_staff(personas, user=None, **kwargs):
    from haven.workforce.services import staff_member_create

    today = timezone.localdate()
    values = {
        "organisation": personas.organisation,
        "full_name": user.full_name if user else "Vera Volunteer",
        "kind": "staff",
        "contract_type": "permanent",
        "fte": Decimal("1"),
        "started_on": today - timedelta(days=400),
        "team": personas.team,
        "user": user,
        "created_by": personas.service_manager,
    }
    values.update(kwargs)
    return staff_member_create(**values)


def vet(personas, staff, *, expires_in_days):
    from haven.workforce.services import vetting_record

    today = timezone.localdate()
    return vetting_record(
        staff=staff,
        level="nppv3",
        issued_on=today - timedelta(days=365 * 3),
        expires_on=today + timedelta(days=expires_in_days),
        recorded_by=personas.service_manager,
    )


@pytest.fixture
def caseworker_record(personas):
    staff = make_staff(personas, personas.caseworker)
    vet(personas, staff, expires_in_days=400)
    return staff


@pytest.fixture
def lapsed_record(personas):
    """The teammate, whose vetting lapsed yesterday (seed 002 Lot 1 s12, s15)."""
    staff = make_staff(personas, personas.teammate)
    vet(personas, staff, expires_in_days=-1)
    return staff


@pytest.fixture
def volunteer(personas):
    return make_staff(
        personas,
        None,
        kind="volunteer",
        volunteer_role="mentor",
        contract_type="",
        team=None,
        vetting_required=False,
    )
