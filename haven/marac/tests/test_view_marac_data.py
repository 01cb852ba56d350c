"""The MARAC data page and its CSV (issue 12 item 5; reference.md s2, the SafeLives Marac data
set; seed 001 Lot 3 "Number of MARAC referrals made"): for the team leaders and service managers
who keep the meetings, counts only, the download audited as an export."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.core.models import AuditAction, AuditEvent
from haven.marac import dataset
from haven.marac.tests.views_helpers import heard

pytestmark = pytest.mark.django_db
DATA = reverse("marac:data")
CSV = reverse("marac:data_csv")


@pytest.fixture
def restricted_heard(referral, personas):
    """The referral's case, restricted, heard today with an action."""
    case = referral.case
    case.is_restricted = True
    case.save()
    return heard(referral, personas)


def _csv(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("who", ["team_leader", "service_manager"])
def test_team_leaders_and_managers_see_the_quarters_figures(
    client, restricted_heard, personas, who
):
    client.force_login(getattr(personas, who))
    response = client.get(DATA)
    assert response.status_code == 200
    page = response.content.decode()
    this_quarter = dataset.quarter_of(timezone.localdate())
    assert f"MARAC data, {this_quarter.label}" in page
    assert "Cases heard, repeats included" in page
    assert "Referrals made by referring agency" in page
    assert "Sexual orientation" in page
    assert "0.0%" in page  # the one case heard is not a repeat


@pytest.mark.parametrize(
    "who", ["caseworker", "outsider", "analyst", "commissioner", "other_provider_caseworker"]
)
def test_others_are_refused_as_on_the_meetings_list(client, restricted_heard, personas, who):
    client.force_login(getattr(personas, who))
    for url in (reverse("marac:meetings"), DATA, CSV):
        assert client.get(url).status_code == 403, url


def test_the_meetings_list_links_the_data_page(client, personas):
    client.force_login(personas.team_leader)
    assert f'href="{DATA}"' in client.get(reverse("marac:meetings")).content.decode()


def test_a_restricted_case_counts_but_is_never_named(client, restricted_heard, personas):
    """Counts only: no name, no reference code, even for a case restricted to named staff."""
    person = restricted_heard[1].referral.case.person
    client.force_login(personas.service_manager)
    for url in (DATA, CSV):
        text = client.get(url).content.decode("utf-8-sig")
        for value in (person.reference_code, person.given_name, person.family_name):
            assert value not in text, url
    rows = _csv(client.get(CSV))
    assert ["Cases heard, repeats included", "", "1"] in rows


def test_an_area_and_a_quarter_narrow_the_figures(client, restricted_heard, personas, area):
    client.force_login(personas.team_leader)
    last_quarter = dataset.quarters_to(timezone.localdate())[1]
    response = client.get(DATA, {"quarter": last_quarter.code, "area": str(area.pk)})
    assert response.status_code == 200
    page = response.content.decode()
    assert f"MARAC data, {last_quarter.label}" in page
    assert area.name in page
    assert "No cases heard" in page
    rows = _csv(client.get(CSV, {"quarter": last_quarter.code, "area": str(area.pk)}))
    assert ["Cases heard, repeats included", "", "0"] in rows


def test_a_quarter_not_offered_is_an_error_on_the_field(client, restricted_heard, personas):
    client.force_login(personas.team_leader)
    response = client.get(DATA, {"quarter": "1999-Q1", "area": ""})
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Select one of the quarters in the list" in page
    assert dataset.quarter_of(timezone.localdate()).label in page
    assert client.get(CSV, {"quarter": "1999-Q1"}).status_code == 404


def test_the_csv_holds_the_same_figures_and_is_audited_as_an_export(
    client, restricted_heard, personas, area
):
    client.force_login(personas.team_leader)
    quarter = dataset.quarter_of(timezone.localdate())
    response = client.get(CSV, {"quarter": quarter.code, "area": ""})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert f"marac-data-{quarter.code}" in response["Content-Disposition"]
    rows = _csv(response)
    assert rows[0] == ["Figure", "Category", "Count"]
    assert ["Repeat cases heard", "", "0"] in rows
    assert ["Repeats as a percentage of cases heard", "", "0.0"] in rows
    referred = int(dataset.quarter_of(restricted_heard[1].referral.referred_on) == quarter)
    assert ["Referrals made by referring agency", "IDVA service", str(referred)] in rows
    assert ["Cases heard by sexual orientation", "Not known", "1"] in rows
    event = AuditEvent.objects.get(request_id=response["X-Request-Id"])
    assert event.action == AuditAction.EXPORT
    assert event.actor == personas.team_leader
    assert event.changes["page"] == "marac:data_csv"
    assert event.changes["format"] == "CSV"
    assert event.changes["filters"] == {"quarter": quarter.code, "area": ""}
    assert event.changes["exported"] == [str(area.pk)]


def test_the_page_is_audited_as_a_read(client, restricted_heard, personas, area):
    client.force_login(personas.team_leader)
    response = client.get(DATA)
    event = AuditEvent.objects.get(request_id=response["X-Request-Id"])
    assert event.action == AuditAction.VIEW
    assert event.changes == {"page": "marac:data", "shown": [str(area.pk)]}


@pytest.mark.parametrize(
    "query",
    [
        {"quarter": "2026-Q9"},
        {"quarter": "\x00", "area": "\x00"},
        {"quarter": "x" * 10_000},
        {"area": "not-a-uuid"},
        {"area": "00000000-0000-0000-0000-000000000000"},
        {"quarter": ["2026-Q1", "2026-Q2"]},
        {"area": "' OR 1=1 --"},
    ],
)
def test_hostile_choices_are_errors_never_500s(client, personas, query):
    """The CSV takes the page's chooser (test_hostile_input.py walks it on marac:data)."""
    client.force_login(personas.team_leader)
    assert client.get(DATA, query).status_code == 200
    assert client.get(CSV, query).status_code in {200, 404}
