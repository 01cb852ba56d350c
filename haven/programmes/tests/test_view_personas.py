"""Every programme page for each persona: staff of the provider see the programmes; the group's
facilitator and managers run it; caseworkers who do not facilitate are refused its forms; staff
of another provider find nothing; commissioners and signed-out visitors are kept out."""

import pytest
from django.urls import reverse

from haven.programmes.tests.views_helpers import run_pages

pytestmark = pytest.mark.django_db


def _reading_pages(run):
    return [
        reverse("programmes:index"),
        reverse("programmes:programme", args=[run.programme_id]),
        reverse("programmes:run", args=[run.pk]),
    ]


@pytest.mark.parametrize(
    "who", ["caseworker", "teammate", "outsider", "team_leader", "service_manager"]
)
def test_staff_of_the_provider_see_the_programmes(client, run, personas, who):
    client.force_login(getattr(personas, who))
    for url in _reading_pages(run):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", ["outsider", "team_leader", "service_manager"])
def test_the_facilitator_and_managers_run_the_group(client, run, place, personas, who):
    client.force_login(getattr(personas, who))
    for name, url in run_pages(run, place).items():
        assert client.get(url).status_code == 200, name


@pytest.mark.parametrize("who", ["caseworker", "teammate"])
def test_caseworkers_who_do_not_facilitate_are_refused_the_groups_forms(
    client, run, place, personas, who
):
    client.force_login(getattr(personas, who))
    for name, url in run_pages(run, place).items():
        if name != "run":
            assert client.get(url).status_code == 403, name
    assert client.get(reverse("programmes:programme_new")).status_code == 403
    assert client.get(reverse("programmes:run_new", args=[run.programme_id])).status_code == 403


def test_managers_set_up_programmes_and_groups(client, run, personas):
    client.force_login(personas.team_leader)
    assert client.get(reverse("programmes:programme_new")).status_code == 200
    assert client.get(reverse("programmes:run_new", args=[run.programme_id])).status_code == 200


def test_another_providers_staff_find_nothing(client, run, place, personas):
    client.force_login(personas.other_provider_caseworker)
    assert client.get(reverse("programmes:index")).status_code == 200
    assert "Choices for change" not in client.get(reverse("programmes:index")).content.decode()
    for name, url in run_pages(run, place).items():
        assert client.get(url).status_code == 404, name
    assert client.get(reverse("programmes:programme", args=[run.programme_id])).status_code == 404
    assert client.get(reverse("programmes:enrol", args=[place.case_id])).status_code == 404


@pytest.mark.parametrize("who", ["commissioner", "analyst", "administrator", "auditor", "no_role"])
def test_others_are_refused(client, run, personas, who):
    client.force_login(getattr(personas, who))
    assert client.get(reverse("programmes:index")).status_code == 403


def test_the_case_pages_need_the_right_to_change_the_case(client, place, victim_case, personas):
    client.force_login(personas.teammate)  # the victim's team, not the perpetrator's
    assert client.get(reverse("programmes:enrol", args=[place.case_id])).status_code == 404
    assert client.get(reverse("programmes:liaison_start", args=[victim_case.pk])).status_code == 200


def test_signed_out_visitors_are_sent_to_sign_in(client, run, place):
    for url in [*_reading_pages(run), *run_pages(run, place).values()]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/accounts/login/" in response["Location"]


def test_the_index_is_linked_from_the_staff_home(client, personas):
    client.force_login(personas.caseworker)
    assert reverse("programmes:index") in client.get(reverse("home")).content.decode()
