"""The equality analysis page (issue 10 s4; seed 004 s11.1; seed 001 s14) and the population
baselines service managers keep: shares against the baseline, who may see and change them, bad
input never a 500."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.casework.services import case_open_from_referral
from haven.core.models import AuditAction, AuditEvent
from haven.people.models import EqualityData
from haven.reporting.models import EqualityBaseline
from haven.reporting.periods import current_period
from haven.testing.casework import CaseworkPersonFactory, ReferralFactory
from haven.testing.fixtures import profile_contract

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("census_baselines")]


@pytest.fixture
def world(personas):
    contract = profile_contract("wokingham-da-2017", personas.organisation)
    contract.commissioner = personas.commissioner_body
    contract.save(update_fields=["commissioner"])
    for religion in ("christian", "christian", "muslim"):
        person = CaseworkPersonFactory(organisation=personas.organisation)
        EqualityData.objects.create(person=person, religion=religion)
        case_open_from_referral(
            referral=ReferralFactory(contract=contract, person=person),
            opened_by=personas.caseworker,
            team=personas.team,
            allocated_to=personas.caseworker,
        )
    period = current_period(timezone.now(), "quarter", "07-01").code
    return contract, period


def test_the_migration_seeded_sourced_census_figures():
    wokingham = EqualityBaseline.objects.get(
        area="Wokingham", characteristic="religion_belief", category="christian"
    )
    # 79,405 Christians of 177,360 usual residents (ONS Census 2021, TS030)
    assert wokingham.share == Decimal("0.4477")
    assert wokingham.population == 177_360
    assert "TS030" in wokingham.source
    assert wokingham.source_url.startswith("https://")
    assert all(b.source and b.as_of_year == 2021 for b in EqualityBaseline.objects.all())


@pytest.mark.parametrize("who", ["service_manager", "analyst"])
def test_shares_are_shown_against_the_area_baseline(client, personas, world, who):
    contract, period = world
    client.force_login(getattr(personas, who))
    response = client.get(reverse("quality:equality", args=[contract.slug, period]))
    assert response.status_code == 200
    body = response.content.decode()
    # 2 of 3 referrals Christian (66.7%) against 44.8% of Wokingham: +21.9 points
    assert "66.7%" in body
    assert "44.8%" in body
    assert "+21.9" in body
    assert "No baseline" in body  # e.g. sex: no figure entered
    assert '<caption class="govuk-table__caption' in body
    assert 'scope="row"' in body
    assert AuditEvent.objects.filter(
        request_id=response["X-Request-Id"], action=AuditAction.VIEW
    ).exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("caseworker", 403),
        ("team_leader", 403),
        ("commissioner", 403),
        ("other_provider_caseworker", 404),
    ],
)
def test_others_may_not_see_the_analysis(client, personas, world, who, status):
    contract, period = world
    client.force_login(getattr(personas, who))
    response = client.get(reverse("quality:equality", args=[contract.slug, period]))
    assert response.status_code == status


@pytest.mark.parametrize("period", ["2026-Q5", "x", "1066-Q1", "2026-13"])
def test_a_bad_period_is_a_404(client, personas, world, period):
    contract, _ = world
    client.force_login(personas.service_manager)
    response = client.get(reverse("quality:equality", args=[contract.slug, period]))
    assert response.status_code == 404


def _form(**changes):
    return {
        "area": "Rutland",
        "category": "sex|female",
        "share": "50.5",
        "population": "",
        "source": "Synthetic source for a test",
        "source_url": "https://example.org/census",
        "as_of_year": "2021",
    } | changes


def test_a_service_manager_adds_and_changes_a_figure(client, personas):
    client.force_login(personas.service_manager)
    assert client.get(reverse("quality:baselines")).status_code == 200
    response = client.post(reverse("quality:baselines"), _form())
    assert response.status_code == 302
    saved = EqualityBaseline.objects.get(area="Rutland", characteristic="sex", category="female")
    assert saved.share == Decimal("0.5050")
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(saved.pk)).exists()
    # the same area, category and year again changes the figure in place
    client.post(reverse("quality:baselines"), _form(share="51"))
    saved.refresh_from_db()
    assert saved.share == Decimal("0.5100")
    assert EqualityBaseline.objects.filter(area="Rutland").count() == 1
    edit = reverse("quality:baseline_edit", args=[saved.pk])
    assert client.get(edit).status_code == 200
    assert client.post(edit, _form(share="49")).status_code == 302
    saved.refresh_from_db()
    assert saved.share == Decimal("0.4900")


@pytest.mark.parametrize(
    "changes",
    [
        {"share": "101"},
        {"share": "-1"},
        {"share": "NaN"},
        {"share": "a lot"},
        {"category": "sex|not-a-category"},
        {"source": ""},
        {"source_url": "javascript:alert(1)"},
        {"area": "\x00"},
        {"as_of_year": "99999"},
    ],
)
def test_a_bad_figure_is_refused_with_the_form_again(client, personas, changes):
    client.force_login(personas.service_manager)
    before = EqualityBaseline.objects.count()
    response = client.post(reverse("quality:baselines"), _form(**changes))
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    # nothing saved (PostgreSQL cannot even be asked about a NUL byte, so count the rows)
    assert EqualityBaseline.objects.count() == before


def test_an_analyst_reads_but_does_not_change_the_baselines(client, personas):
    client.force_login(personas.analyst)
    page = client.get(reverse("quality:baselines"))
    assert page.status_code == 200
    assert "Save figure" not in page.content.decode()
    assert client.post(reverse("quality:baselines"), _form()).status_code == 403


@pytest.mark.parametrize("who", ["caseworker", "team_leader", "commissioner"])
def test_others_do_not_see_the_baselines(client, personas, who):
    client.force_login(getattr(personas, who))
    assert client.get(reverse("quality:baselines")).status_code == 403


def test_areas_without_populations_for_every_area_are_shown_apart(client, personas):
    # Victim First covers Leicester, Leicestershire and Rutland: Rutland has no religion figure,
    # so the three are never combined; Leicester's and Leicestershire's figures show apart.
    contract = profile_contract("victim-first-2018", personas.organisation)
    period = current_period(timezone.now(), "quarter", "04-01").code
    client.force_login(personas.service_manager)
    body = client.get(reverse("quality:equality", args=[contract.slug, period])).content.decode()
    assert "Population share, Leicester" in body
    assert "Population share, Rutland" in body
    assert "24.8%" in body  # Leicester: 91,177 Christians of 368,397 = 0.2475 (Census 2021, TS030)
    assert "Not combined" in body
