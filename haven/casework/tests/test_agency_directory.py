"""The agency directory's services (issue 11 item 4): a provider's service managers and
administrators add and change entries, audited; anyone else, or another provider's manager, is
refused; a name is used once in a directory."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from haven.casework.models import Agency
from haven.casework.services.directory import agency_create, agency_update
from haven.core.models import AuditEvent

pytestmark = pytest.mark.django_db

FIELDS = {
    "name": "Synthetic Housing Options",
    "agency_type": "housing",
    "areas_covered": "Synthetic city",
    "contact_route": "portal",
    "contact_details": "https://housing.example.org/refer",
    "notes": "Synthetic: call first for an emergency",
}


@pytest.mark.parametrize("who", ["service_manager", "administrator"])
def test_a_service_manager_or_administrator_adds_an_agency(personas, who):
    actor = getattr(personas, who)
    agency = agency_create(organisation=personas.organisation, actor=actor, **FIELDS)
    assert (agency.name, agency.is_active, agency.organisation) == (
        "Synthetic Housing Options",
        True,
        personas.organisation,
    )
    audit = AuditEvent.objects.get(object_id=str(agency.pk), action="create")
    assert audit.actor == actor
    assert audit.changes["contact_route"] == [None, "portal"]


@pytest.mark.parametrize("who", ["caseworker", "team_leader", "analyst", "commissioner"])
def test_others_may_not_add_an_agency(personas, who):
    with pytest.raises(PermissionDenied):
        agency_create(organisation=personas.organisation, actor=getattr(personas, who), **FIELDS)
    assert not Agency.objects.exists()


def test_another_providers_manager_may_not_add_to_this_directory(personas):
    with pytest.raises(PermissionDenied):
        agency_create(
            organisation=personas.other_organisation, actor=personas.service_manager, **FIELDS
        )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": " "}, "name"),
        ({"agency_type": "marac"}, "agency_type"),
        ({"contact_route": "pigeon"}, "contact_route"),
        ({"contact_details": ""}, "contact_details"),
    ],
)
def test_a_missing_or_unknown_field_is_refused(personas, fields, field):
    with pytest.raises(ValidationError) as refused:
        agency_create(
            organisation=personas.organisation,
            actor=personas.service_manager,
            **(FIELDS | fields),
        )
    assert field in refused.value.message_dict


def test_a_name_is_used_once_in_a_directory(personas):
    agency_create(organisation=personas.organisation, actor=personas.service_manager, **FIELDS)
    with pytest.raises(ValidationError) as refused:
        agency_create(
            organisation=personas.organisation,
            actor=personas.service_manager,
            **(FIELDS | {"name": "synthetic housing options"}),
        )
    assert "name" in refused.value.message_dict


def test_marking_an_agency_inactive_is_audited_with_the_change(personas):
    agency = agency_create(
        organisation=personas.organisation, actor=personas.service_manager, **FIELDS
    )
    agency_update(agency=agency, actor=personas.administrator, is_active=False)
    agency.refresh_from_db()
    assert agency.is_active is False
    audit = AuditEvent.objects.get(object_id=str(agency.pk), action="update")
    assert audit.changes == {"is_active": [True, False]}
    assert audit.actor == personas.administrator
