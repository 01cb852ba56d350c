"""A run's detail page: counts, and each problem row with its row number, field and reason."""

import pytest
from django.urls import reverse

from haven.casework.services import case_restriction_set
from haven.testing.factories import ContractFactory
from haven.testing.personas import Personas
from haven.workbook.engine.tests.exports import incident

from .conftest import series

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(import_rows):
    return import_rows([*series(3), incident("BAD", "2026-02-30 10:00")])


def test_the_run_shows_its_issues_by_row_field_and_reason(client, personas: Personas, run):
    client.force_login(personas.team_leader)
    body = client.get(reverse("workbook:run_detail", args=[run.pk])).content.decode()
    assert "cannot read &#39;2026-02-30 10:00&#39; as a date and time" in body
    assert ">reported_at<" in body
    assert run.file_sha256 in body


def test_a_run_of_another_provider_is_not_found(client, personas, run, dv360):
    # the other provider runs a DV 360 contract of its own, so it may use the page
    ContractFactory(
        slug="dv360-elsewhere", provider=personas.other_organisation, profile=dv360.profile
    )
    client.force_login(personas.other_provider_caseworker)
    assert client.get(reverse("workbook:run_list")).status_code == 200
    assert client.get(reverse("workbook:run_detail", args=[run.pk])).status_code == 404


@pytest.mark.parametrize("who", ["analyst", "commissioner"])
def test_other_roles_and_commissioners_are_refused(client, personas, run, who):
    client.force_login(getattr(personas, who))
    assert client.get(reverse("workbook:run_detail", args=[run.pk])).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, run):
    response = client.get(reverse("workbook:run_detail", args=[run.pk]))
    assert response.status_code == 302


def test_a_referral_for_a_restricted_person_shows_as_a_restricted_record(
    client, personas: Personas, import_rows
):
    run = import_rows(series(3))
    imported = run.imported.select_related("referral__case", "referral__person").get()
    person = imported.referral.person
    case_restriction_set(
        case=imported.referral.case,
        restricted=True,
        changed_by=personas.team_leader,
        reason="Synthetic",
    )
    client.force_login(personas.caseworker)  # not named on the case
    for url in (reverse("workbook:run_detail", args=[run.pk]), reverse("workbook:run_list")):
        body = client.get(url).content.decode()
        assert "Restricted record" in body, url
        assert person.reference_code not in body, url
    client.force_login(personas.team_leader)  # named
    body = client.get(reverse("workbook:run_detail", args=[run.pk])).content.decode()
    assert person.reference_code in body
