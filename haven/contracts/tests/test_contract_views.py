"""Contract pages: the list and each contract's rules, scoped to the user."""

import pytest
from django.urls import reverse

from haven.contracts.models import Contract
from haven.contracts.profiles.validate import profile_paths
from haven.contracts.services import contract_profiles_load


@pytest.fixture
def victim_first(personas):
    contract_profiles_load(
        paths=[p for p in profile_paths() if p.stem == "victim-first-2018"], loaded_by=None
    )
    contract = Contract.objects.get(slug="victim-first-2018")
    contract.provider = personas.organisation
    contract.save()
    return contract


def test_contract_page_lists_deadline_rules_with_the_documents_title_and_section(
    client, personas, victim_first
):
    client.force_login(personas.caseworker)
    page = client.get(reverse("contracts:detail", args=[victim_first.slug])).content.decode()
    assert "Within 48 hours of receipt of the referral, 3 attempts" in page  # seed 002 s3.7
    assert "Victim First service specification (2018), section 3.7" in page
    assert "Wednesday" in page  # seed 002 s3.2
    assert "09:00 to 20:00" in page


def test_commissioner_of_the_contract_can_read_its_rules(client, personas, victim_first):
    victim_first.commissioner = personas.commissioner_body
    victim_first.save()
    client.force_login(personas.commissioner)
    assert client.get(reverse("contracts:detail", args=[victim_first.slug])).status_code == 200


def test_other_provider_cannot_see_the_contract(client, personas, victim_first):
    client.force_login(personas.other_provider_caseworker)
    assert client.get(reverse("contracts:detail", args=[victim_first.slug])).status_code == 404


def test_calculator_shows_each_deadline_with_its_reason(client, personas, victim_first):
    """seed 002 s3.7: phone within 48 hours of the referral being received."""
    client.force_login(personas.caseworker)
    query = {
        "method": "mobile_phone",
        "received-day": "1",
        "received-month": "12",
        "received-year": "2026",
        "received-hour": "10",
        "received-minute": "00",
    }
    page = client.get(reverse("contracts:detail", args=[victim_first.slug]), query).content.decode()
    assert "3 December 2026 at 10:00am" in page
    assert "Victim First service specification (2018), section 3.7" in page


def test_calculator_gives_a_field_error_for_an_impossible_date(client, personas, victim_first):
    client.force_login(personas.caseworker)
    query = {
        "received-day": "31",
        "received-month": "2",
        "received-year": "2026",
        "received-hour": "10",
        "received-minute": "00",
    }
    page = client.get(reverse("contracts:detail", args=[victim_first.slug]), query).content.decode()
    assert "govuk-error-summary" in page
    assert "real date" in page


def test_contract_page_shows_no_seed_numbers_file_names_or_developer_notes(
    client, personas, victim_first
):
    client.force_login(personas.caseworker)
    query = {"method": "mobile_phone", "received-day": "1", "received-month": "12"}
    query |= {"received-year": "2026", "received-hour": "10", "received-minute": "00"}
    page = client.get(reverse("contracts:detail", args=[victim_first.slug]), query).content.decode()
    assert "Victim First service specification (2018)" in page  # the document, not the file
    for developer_text in ("seed 0", ".txt", "5f1fd7eba8161a3a", "to widen it", "`risk`"):
        assert developer_text not in page
