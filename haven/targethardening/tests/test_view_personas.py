"""Every target hardening page for each persona: the case's team opens the job's pages,
outsiders and other providers find nothing, commissioners are refused; the catalogue is the
service manager's; the budget page is for the provider's team leaders and service managers."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _case_pages(case):
    return {
        name: reverse(f"targethardening:{name}", args=[case.pk])
        for name in ("job", "fit", "refusal", "needs")
    }


@pytest.mark.parametrize("who", ["caseworker", "teammate", "team_leader"])
def test_the_team_opens_the_jobs_pages(client, job, personas, who):
    client.force_login(getattr(personas, who))
    for name, url in _case_pages(job.case).items():
        assert client.get(url).status_code == 200, name


def test_the_visit_form_opens_before_the_visit_and_sends_back_after(client, th_case, personas):
    client.force_login(personas.caseworker)
    url = reverse("targethardening:visit", args=[th_case.pk])
    page = client.get(url).content.decode()
    assert "No door chain or door limiter (3 points)" in page
    assert "level 2 from 5" in page


@pytest.mark.parametrize("who", ["outsider", "other_provider_caseworker"])
def test_outsiders_find_nothing(client, job, personas, who):
    client.force_login(getattr(personas, who))
    pages = _case_pages(job.case) | {
        "visit": reverse("targethardening:visit", args=[job.case.pk]),
        "over_limit": reverse("targethardening:over_limit", args=[job.case.pk]),
    }
    for name, url in pages.items():
        assert client.get(url).status_code == 404, name


@pytest.mark.parametrize("who", ["commissioner", "analyst"])
def test_commissioners_and_analysts_are_refused_the_forms(client, job, personas, who):
    client.force_login(getattr(personas, who))
    for name in ("fit", "refusal", "needs"):
        assert client.get(_case_pages(job.case)[name]).status_code in (403, 404), name


def test_only_a_manager_opens_the_over_limit_approval(client, job, personas):
    url = reverse("targethardening:over_limit", args=[job.case.pk])
    client.force_login(personas.caseworker)
    assert client.get(url).status_code == 403
    client.force_login(personas.team_leader)
    assert client.get(url).status_code == 200


def test_the_case_page_links_the_visit_then_the_job(client, th_case, personas):
    client.force_login(personas.caseworker)
    page = client.get(reverse("casework:detail", args=[th_case.pk])).content.decode()
    assert reverse("targethardening:visit", args=[th_case.pk]) in page
    assert reverse("targethardening:job", args=[th_case.pk]) in page


def test_the_catalogue_is_the_service_managers(client, th, items, personas):
    pages = [
        reverse("targethardening:catalogue"),
        reverse("targethardening:item_add", args=[personas.organisation.pk]),
        reverse("targethardening:item_edit", args=[items["chain"].pk]),
    ]
    client.force_login(personas.service_manager)
    for url in pages:
        assert client.get(url).status_code == 200, url
    for who in ("caseworker", "team_leader", "commissioner", "analyst"):
        client.force_login(getattr(personas, who))
        for url in pages:
            assert client.get(url).status_code in (403, 404), (who, url)


def test_another_providers_service_manager_cannot_change_the_items(client, th, items, personas):
    from haven.testing.factories import MembershipFactory, UserFactory

    manager = UserFactory()
    MembershipFactory(
        user=manager, role="service_manager", organisation=personas.other_organisation
    )
    client.force_login(manager)
    assert (
        client.get(reverse("targethardening:item_edit", args=[items["chain"].pk])).status_code
        == 403
    )


@pytest.mark.parametrize("who", ["team_leader", "service_manager"])
def test_managers_see_the_budget_from_the_navigation(client, th, personas, who):
    client.force_login(getattr(personas, who))
    url = reverse("targethardening:budget")
    assert url in client.get(reverse("home")).content.decode()
    page = client.get(url).content.decode()
    assert "£80,000.00" in page


@pytest.mark.parametrize("who", ["caseworker", "commissioner", "analyst"])
def test_others_do_not_see_the_budget(client, th, personas, who):
    client.force_login(getattr(personas, who))
    url = reverse("targethardening:budget")
    assert url not in client.get(reverse("home")).content.decode()
    assert client.get(url).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client, job):
    urls = [*_case_pages(job.case).values(), reverse("targethardening:budget")]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/accounts/login/" in response["Location"]
