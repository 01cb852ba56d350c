"""MARAC tests use the shared fixtures (haven/testing/fixtures.py): a case opened a month ago,
a MARAC area of the personas' provider, and Cornwall's men's refuge contract."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.marac.models import MaracArea
from haven.testing.fixtures import contract_for, open_case, team_case

__all__ = ["contract_for", "open_case", "team_case"]


@pytest.fixture
def supported_case(team_case):
    """The caseworker's case, opened a month ago."""
    team_case.opened_at = timezone.now() - dt.timedelta(days=30)
    team_case.save()
    return team_case


@pytest.fixture
def area(personas):
    return MaracArea.objects.create(organisation=personas.organisation, name="Synthetic City")


@pytest.fixture
def refer(personas, area):
    """Record a referral of a case (keyword overrides)."""
    from haven.marac.services import marac_referral_record

    def make(case, **overrides):
        fields = {
            "case": case,
            "referred_by": personas.caseworker,
            "area": area,
            "referred_on": timezone.localdate() - dt.timedelta(days=3),
            "referring_agency": "idva",
            "criteria": ["visible_high_risk"],
            "research_summary": "Synthetic summary.",
            "consent": True,
            "victim_aware": True,
        } | overrides
        return marac_referral_record(**fields)

    return make


@pytest.fixture
def referral(supported_case, refer):
    return refer(supported_case)
