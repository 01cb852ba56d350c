"""The police workbook page: runs with their counts and the new referrals."""

import pytest
from django.urls import reverse

from .conftest import series

pytestmark = pytest.mark.django_db
URL = reverse("workbook:run_list")


def test_a_caseworker_sees_runs_counts_and_links_to_new_referrals(client, personas, import_rows):
    run = import_rows(series(3))
    client.force_login(personas.caseworker)
    body = client.get(URL).content.decode()
    assert reverse("workbook:run_detail", args=[run.pk]) in body
    referral = run.imported.get().referral
    assert reverse("referrals:detail", args=[referral.pk]) in body
    assert "1 import, newest first" in body


def test_a_team_leader_and_service_manager_may_use_it(client, personas, dv360):
    for user in (personas.team_leader, personas.service_manager):
        client.force_login(user)
        assert client.get(URL).status_code == 200


@pytest.mark.parametrize("who", ["analyst", "administrator", "commissioner", "no_role"])
def test_other_roles_and_commissioners_are_refused(client, personas, dv360, who):
    client.force_login(getattr(personas, who))
    assert client.get(URL).status_code == 403


def test_staff_of_a_provider_without_the_workbook_route_are_refused(client, personas, dv360):
    client.force_login(personas.other_provider_caseworker)
    assert client.get(URL).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, dv360):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def _nav_texts(client) -> list[str]:
    from haven.testing.html import nav_texts

    return nav_texts(client.get(reverse("home")))


def test_the_page_is_in_the_service_navigation_only_for_those_who_may_import(
    client, personas, dv360
):
    client.force_login(personas.caseworker)
    assert "Police workbook" in _nav_texts(client)
    for who in ("commissioner", "analyst", "other_provider_caseworker"):
        client.force_login(getattr(personas, who))
        assert "Police workbook" not in _nav_texts(client)


def test_the_rule_is_cited_by_the_documents_title_not_a_seed_number(client, personas, dv360):
    client.force_login(personas.caseworker)
    body = client.get(URL).content.decode()
    # seed 000 s5: the automated-workbook rule
    assert "CON777 Domestic Violence 360 Support service specification (2016), section 5" in body
    assert "seed 000" not in body
