import re

import pytest
from django.urls import reverse

from haven.testing.html import parse

pytestmark = pytest.mark.django_db

VALID = {
    "full_name": "Alex Example",
    "email": "alex@example.com",
    "children": "2",
    "date_of_birth-day": "1",
    "date_of_birth-month": "2",
    "date_of_birth-year": "1990",
    "contact_method": "email",
    "support_needs": ["housing"],
    "area": "north",
}


def test_design_system_page_shows_every_field_kind(client):
    response = client.get(reverse("govuk:design_system"))
    assert response.status_code == 200
    page = parse(response.content.decode())
    assert page.find("input", id="id_full_name")
    assert page.find("input", id="id_email", type="email")
    assert page.find("input", id="id_children", inputmode="numeric")
    assert page.find("input", id="id_date_of_birth-day")
    assert page.find("input", id="id_contacted_at-hour")
    assert page.find("input", type="radio", id="id_contact_method")
    assert page.find("input", type="checkbox", id="id_support_needs")
    assert page.find("select", id="id_area")
    assert page.find("div", class_="govuk-character-count")


def test_design_system_page_nonce_matches_the_csp_header(client):
    response = client.get(reverse("govuk:design_system"))
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    scripts = parse(response.content.decode()).find_all("script")
    assert scripts
    assert {script.attrs["nonce"] for script in scripts} == {nonce}


def test_design_system_post_with_errors_shows_summary_and_error_title(client):
    response = client.post(reverse("govuk:design_system"), {"date_of_birth-day": "3"})
    assert response.status_code == 200
    page = parse(response.content.decode())
    assert page.find("title").text.startswith("Error: ")
    links = [a.attrs["href"] for a in page.find("div", class_="govuk-error-summary").find_all("a")]
    assert links[0] == "#id_full_name"
    assert "#id_date_of_birth-month" in links


def test_design_system_valid_post_redirects_with_a_success_banner(client):
    response = client.post(reverse("govuk:design_system"), VALID, follow=True)
    assert response.redirect_chain == [(reverse("govuk:design_system"), 302)]
    banner = parse(response.content.decode()).find("div", class_="govuk-notification-banner")
    assert "The sample form is valid" in banner.text


def test_exit_this_page_example_is_public(client):
    response = client.get(reverse("govuk:exit_this_page"))
    assert response.status_code == 200
    assert parse(response.content.decode()).find("div", class_="govuk-exit-this-page")
