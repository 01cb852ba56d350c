"""Every shipped contract's return opens, each computed figure's page opens, and the XLSX is made,
whatever its catalogue holds (a guard against a measure the pages cannot show)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from haven.contracts.profiles.validate import profile_paths
from haven.testing.casework import CaseFactory, ReferralFactory
from haven.testing.fixtures import profile_contract

pytestmark = pytest.mark.django_db
MAY = dt.datetime(2026, 5, 2, 10, tzinfo=dt.UTC)


@pytest.mark.parametrize("slug", [path.stem for path in profile_paths()])
def test_the_return_and_every_figure_page_open(client, personas, slug):
    contract = profile_contract(slug, personas.organisation)
    referral = ReferralFactory(contract=contract, received_at=MAY)
    CaseFactory(contract=contract, team=personas.team, opened_at=MAY, referral=referral)
    client.force_login(personas.service_manager)
    page = client.get(reverse("reporting:return", args=[slug, "2026-Q1"]))
    assert page.status_code == 200
    html, opened = page.content.decode(), 0
    for measure in contract.profile.get("measures", []):
        href = reverse("reporting:measure", args=[slug, "2026-Q1", measure["id"]])
        if href in html:  # a figure of this quarter's return, computed
            assert client.get(href).status_code == 200, measure["id"]
            opened += 1
    quarterly = [m for m in contract.profile.get("measures", []) if m.get("compute")]
    assert opened or not quarterly
    xlsx = client.get(reverse("reporting:export", args=[slug, "2026-Q1", "xlsx"]))
    assert xlsx.status_code == 200
