"""The deadline calculator refuses implausible times with a field error (issue 9 s4), never a 500."""

import pytest
from django.urls import reverse

from haven.contracts.models import Contract
from haven.contracts.profiles.validate import profile_paths
from haven.contracts.services import contract_profiles_load
from haven.deadlines import local_time


@pytest.fixture
def victim_first(personas):
    contract_profiles_load(
        paths=[p for p in profile_paths() if p.stem == "victim-first-2018"], loaded_by=None
    )
    contract = Contract.objects.get(slug="victim-first-2018")
    contract.provider = personas.organisation
    contract.save()
    return contract


def calculate(client, contract, year="2026", day="1"):
    query = {
        "method": "mobile_phone",
        "received-day": day,
        "received-month": "12",
        "received-year": year,
        "received-hour": "10",
        "received-minute": "00",
    }
    response = client.get(reverse("contracts:detail", args=[contract.slug]), query)
    assert response.status_code == 200
    return response.content.decode()


def test_year_9999_is_a_field_error_not_an_overflow(client, personas, victim_first):
    client.force_login(personas.caseworker)
    page = calculate(client, victim_first, year="9999")
    assert "Referral received must be the same as or before 31 December 2099" in page
    assert 'href="#id_received-day"' in page


def test_unicode_digits_are_not_a_real_date(client, personas, victim_first):
    client.force_login(personas.caseworker)
    assert "Referral received must be a real date" in calculate(client, victim_first, day="²")


def test_the_engines_own_range_error_is_shown_on_the_received_field(
    client, personas, victim_first, monkeypatch
):
    monkeypatch.setattr(local_time, "LAST_YEAR", 2030)
    client.force_login(personas.caseworker)
    page = calculate(client, victim_first, year="2031")
    assert "The received time must be between 1900 and 2030, not 2031" in page
    assert 'href="#id_received-day"' in page
