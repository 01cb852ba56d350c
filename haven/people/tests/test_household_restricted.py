"""ADR 0008: a restricted person's household members (children who may share the address) are
restricted too: staff not named see "Restricted record" for them, and opening one asks for a
reason on the parent's restricted case (break-glass, audited)."""

from urllib.parse import urlparse

import pytest
from django.urls import reverse
from markupsafe import escape

from haven.casework.models import CaseAccess
from haven.core.models import AuditAction, AuditEvent
from haven.people.models import Person
from haven.testing.casework import CaseFactory
from haven.testing.people import HouseholdLinkFactory

pytestmark = pytest.mark.django_db
REASON = "The child's school rang the duty line about a safeguarding concern"


@pytest.fixture
def child(person):
    # Names Faker never draws: the "not shown" checks below are substring checks, and a drawn
    # surname such as Smith is also inside the parent's town (Smithmouth); that failed in CI.
    return HouseholdLinkFactory(
        person=person,
        member__given_name="Zephyrine",
        member__family_name="Quillfeatherby",
        member__address_line_1=person.address_line_1,
    ).member


@pytest.fixture
def restricted(personas, person, child):
    """The parent's case is restricted in the caseworker's team; only the caseworker is named."""
    case = CaseFactory(
        contract=personas.contract,
        team=personas.team,
        allocated_to=personas.caseworker,
        referral__person=person,
        is_restricted=True,
    )
    CaseAccess.objects.create(case=case, user=personas.caseworker)
    return case


def page(who):
    return reverse("people:detail", args=[who.pk])


def test_a_restricted_persons_child_is_restricted_for_staff_not_named(personas, child, restricted):
    assert Person.objects.restricted_for(personas.teammate).filter(pk=child.pk).exists()
    assert not Person.objects.restricted_for(personas.caseworker).filter(pk=child.pk).exists()


def test_the_parents_page_shows_the_child_as_a_restricted_record_to_staff_not_named(
    client, personas, person, child, restricted
):
    client.force_login(personas.teammate)
    client.post(reverse("casework:break_glass", args=[restricted.pk]), {"reason": REASON})
    body = client.get(page(person)).content.decode()
    assert "Restricted record" in body
    for identifier in (child.reference_code, child.given_name, child.family_name):
        assert escape(identifier) not in body


def test_opening_the_child_asks_for_a_reason_on_the_parents_case_and_shows_nothing_first(
    client, personas, child, restricted
):
    client.force_login(personas.teammate)
    response = client.get(page(child))
    assert response.status_code == 302
    assert urlparse(response.url).path == reverse("casework:break_glass", args=[restricted.pk])
    reason_page = client.get(response.url).content.decode()
    for identifier in (child.reference_code, child.given_name, child.family_name):
        assert escape(identifier) not in reason_page + response.url


def test_after_the_reason_the_child_shows_and_the_read_is_audited_with_it(
    client, personas, child, restricted
):
    client.force_login(personas.teammate)
    client.post(reverse("casework:break_glass", args=[restricted.pk]), {"reason": REASON})
    response = client.get(page(child))
    assert response.status_code == 200
    assert child.reference_code in response.content.decode()
    read = AuditEvent.objects.get(object_type="people.person", object_id=str(child.pk))
    assert (read.action, read.reason) == (AuditAction.VIEW_RESTRICTED, REASON)


def test_named_staff_open_the_child_straight_away(client, personas, child, restricted):
    client.force_login(personas.caseworker)
    assert client.get(page(child)).status_code == 200


def test_a_child_of_an_unrestricted_person_is_not_restricted(personas, child):
    assert not Person.objects.restricted_for(personas.teammate).filter(pk=child.pk).exists()
