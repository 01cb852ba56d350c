"""Every register and log page for each persona: team leaders and service managers open them,
caseworkers, analysts and commissioners are refused; records of other providers are not found."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _pages(incident, complaint):
    stage = complaint.stages.get()
    return {
        "register": reverse("incidents:register"),
        "add": reverse("incidents:add"),
        "detail": reverse("incidents:detail", args=[incident.pk]),
        "notify": reverse("incidents:notify", args=[incident.pk]),
        "review": reverse("incidents:review", args=[incident.pk]),
        "complaints": reverse("incidents:complaints"),
        "complaint_add": reverse("incidents:complaint_add"),
        "complaint_detail": reverse("incidents:complaint_detail", args=[complaint.pk]),
        "stage_respond": reverse("incidents:stage_respond", args=[complaint.pk, stage.pk]),
        "escalate": reverse("incidents:complaint_escalate", args=[complaint.pk]),
        "resolve": reverse("incidents:complaint_resolve", args=[complaint.pk]),
        "compliments": reverse("incidents:compliments"),
        "compliment_add": reverse("incidents:compliment_add"),
    }


@pytest.mark.parametrize("who", ["team_leader", "service_manager"])
def test_team_leaders_and_service_managers_open_every_page(
    client, incident, complaint, personas, who
):
    client.force_login(getattr(personas, who))
    for name, url in _pages(incident, complaint).items():
        assert client.get(url).status_code == 200, name


@pytest.mark.parametrize("who", ["caseworker", "analyst", "commissioner", "administrator"])
def test_others_are_refused(client, incident, complaint, personas, who):
    client.force_login(getattr(personas, who))
    for name, url in _pages(incident, complaint).items():
        assert client.get(url).status_code == 403, name


def test_another_providers_manager_finds_nothing(client, incident, complaint, personas):
    from haven.testing.factories import MembershipFactory, UserFactory

    manager = UserFactory()
    MembershipFactory(
        user=manager, role="service_manager", organisation=personas.other_organisation
    )
    client.force_login(manager)
    pages = _pages(incident, complaint)
    for name in ("detail", "notify", "review", "complaint_detail", "resolve"):
        assert client.get(pages[name]).status_code == 404, name
    assert b"Near miss" not in client.get(pages["register"]).content


def test_the_navigation_links_the_register_for_managers_only(client, personas):
    client.force_login(personas.team_leader)
    assert reverse("incidents:register") in client.get(reverse("home")).content.decode()
    client.force_login(personas.caseworker)
    assert reverse("incidents:register") not in client.get(reverse("home")).content.decode()


def test_signed_out_visitors_are_sent_to_sign_in(client, incident, complaint):
    for name, url in _pages(incident, complaint).items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert "/accounts/login/" in response["Location"]


def test_a_team_leader_of_another_team_sees_the_service_s_records_not_the_case_s(
    client, incident, cornwall, personas
):
    from haven.incidents.services import serious_incident_record
    from haven.testing.factories import MembershipFactory, UserFactory

    service_level = serious_incident_record(
        contract=cornwall,
        recorded_by=personas.service_manager,
        kind="drug_related_death",
        occurred_at=incident.occurred_at,
        summary="Synthetic",
    )
    leader = UserFactory()
    MembershipFactory(
        user=leader,
        role="team_leader",
        organisation=personas.organisation,
        team=personas.other_team,
    )
    client.force_login(leader)
    register = client.get(reverse("incidents:register")).content.decode()
    assert reverse("incidents:detail", args=[service_level.pk]) in register
    assert reverse("incidents:detail", args=[incident.pk]) not in register
    assert client.get(reverse("incidents:detail", args=[incident.pk])).status_code == 404
