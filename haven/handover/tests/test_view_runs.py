"""/handover/: the log of handover runs, for the data protection officer and service manager."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from haven.accounts.roles import Role
from haven.core.models import AuditEvent
from haven.handover.services import handover_export
from haven.testing.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported(personas, tmp_path: Path) -> object:
    run, _result = handover_export(
        contract=personas.contract, out=tmp_path / "ours", actor=personas.service_manager
    )
    handover_export(contract=personas.other_contract, out=tmp_path / "theirs", actor=None)
    return run


def _dpo(organisation) -> object:
    user = UserFactory()
    MembershipFactory(user=user, role=Role.DATA_PROTECTION_OFFICER, organisation=organisation)
    return user


def test_the_data_protection_officer_sees_their_organisations_runs(client, personas, exported):
    client.force_login(_dpo(personas.organisation))
    response = client.get(reverse("handover:runs"))
    assert response.status_code == 200
    page = response.content.decode()
    assert personas.contract.name in page
    assert personas.other_contract.name not in page  # another provider's contract
    event = AuditEvent.objects.get(action="view", object_type="handover.handoverrun")
    assert event.changes["shown"] == [str(exported.pk)]


def test_the_service_manager_sees_the_log(client, personas, exported):
    client.force_login(personas.service_manager)
    response = client.get(reverse("handover:runs"))
    assert response.status_code == 200
    assert "Export" in response.content.decode()


@pytest.mark.parametrize("persona", ["caseworker", "team_leader", "commissioner", "analyst"])
def test_other_roles_are_refused(client, personas, exported, persona):
    client.force_login(getattr(personas, persona))
    assert client.get(reverse("handover:runs")).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("handover:runs"))
    assert response.status_code == 302


def test_the_navigation_links_the_log_for_those_who_may_see_it(client, personas):
    client.force_login(_dpo(personas.organisation))
    assert reverse("handover:runs") in client.get(reverse("home")).content.decode()
    client.force_login(personas.caseworker)
    assert reverse("handover:runs") not in client.get(reverse("home")).content.decode()
