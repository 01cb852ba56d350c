"""A person with a restricted case is restricted for staff not named on one of their restricted
cases: their pages ask for a reason like the case page (audited), and nothing about them shows
before it; outside the case's scope they are not found; commissioners are refused."""

from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse
from markupsafe import escape

from haven.casework.models import CaseAccess
from haven.core.models import AuditAction, AuditEvent
from haven.people.models import Person
from haven.testing.casework import CaseFactory
from haven.testing.people import PersonFactory

pytestmark = pytest.mark.django_db
REASON = "She rang the duty line and the named worker is off"


@pytest.fixture
def restricted(personas, person):
    """A restricted case of `person` in the caseworker's team; only the caseworker is named."""
    case = CaseFactory(
        contract=personas.contract,
        team=personas.team,
        allocated_to=personas.caseworker,
        referral__person=person,
        is_restricted=True,
    )
    CaseAccess.objects.create(case=case, user=personas.caseworker)
    return case


def page(person, name="detail"):
    return reverse(f"people:{name}", args=[person.pk])


def _identifiers(person):
    # as they would appear in HTML (O'Brien is O&#39;Brien)
    return [escape(v) for v in (person.reference_code, person.given_name, person.family_name)]


def _reads(person):
    return AuditEvent.objects.filter(object_type="people.person", object_id=str(person.pk))


def test_named_staff_see_the_person_straight_away(client, personas, person, restricted):
    client.force_login(personas.caseworker)
    response = client.get(page(person))
    assert response.status_code == 200
    assert person.reference_code in response.content.decode()
    assert _reads(person).get().action == AuditAction.VIEW


def test_a_teammate_not_named_is_asked_for_a_reason_and_sees_nothing_first(
    client, personas, person, restricted
):
    client.force_login(personas.teammate)
    response = client.get(page(person))
    assert response.status_code == 302
    target = urlparse(response.url)
    assert target.path == reverse("casework:break_glass", args=[restricted.pk])
    assert parse_qs(target.query)["next"] == [page(person)]
    reason_page = client.get(response.url)
    assert reason_page.status_code == 200
    shown = reason_page.content.decode() + response.url
    for identifier in _identifiers(person):
        assert identifier not in shown
    assert not _reads(person).exists()


def test_after_the_reason_the_person_shows_and_the_read_is_audited_with_it(
    client, personas, person, restricted
):
    client.force_login(personas.teammate)
    response = client.post(
        reverse("casework:break_glass", args=[restricted.pk]),
        {"reason": REASON, "next": page(person)},
    )
    assert response.url == page(person)
    person_page = client.get(response.url)
    assert person_page.status_code == 200
    assert person.reference_code in person_page.content.decode()
    read = _reads(person).get()
    assert (read.action, read.reason, read.actor) == (
        AuditAction.VIEW_RESTRICTED,
        REASON,
        personas.teammate,
    )


@pytest.mark.parametrize(
    "name", ["details_edit", "safe_contact_edit", "equality", "flag_new", "child_new", "harmer_new"]
)
def test_every_page_of_the_person_asks_for_the_reason(client, personas, person, restricted, name):
    client.force_login(personas.teammate)
    response = client.get(page(person, name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("casework:break_glass", args=[restricted.pk]))
    assert client.post(page(person, name), {}).status_code == 302
    assert Person.objects.get(pk=person.pk).given_name == person.given_name


def test_a_sub_page_read_under_a_reason_is_audited_with_it(client, personas, person, restricted):
    client.force_login(personas.teammate)
    client.post(reverse("casework:break_glass", args=[restricted.pk]), {"reason": REASON})
    assert client.get(page(person, "details_edit")).status_code == 200
    assert _reads(person).get().reason == REASON


def test_a_flag_page_asks_for_the_reason_too(client, personas, person, restricted):
    from haven.people.models import PersonFlag

    flag = PersonFlag.objects.create(person=person, kind="nrpf", started_on="2026-01-01")
    client.force_login(personas.teammate)
    url = reverse("people:flag_end", args=[person.pk, flag.pk])
    assert client.get(url).url.startswith(reverse("casework:break_glass", args=[restricted.pk]))


@pytest.mark.parametrize("who", ["service_manager", "team_leader", "analyst"])
def test_managers_and_analysts_not_named_are_asked_too(client, personas, person, restricted, who):
    client.force_login(getattr(personas, who))
    response = client.get(page(person))
    assert response.status_code == 302
    assert response.url.startswith(reverse("casework:break_glass", args=[restricted.pk]))


@pytest.mark.parametrize("who", ["outsider", "other_provider_caseworker", "administrator"])
def test_outside_the_case_scope_the_person_is_not_found_as_for_the_case(
    client, personas, person, restricted, who
):
    client.force_login(getattr(personas, who))
    assert client.get(page(person)).status_code == 404
    assert client.get(page(person, "details_edit")).status_code in (403, 404)


def test_the_person_is_visible_to_the_other_team_when_no_case_is_restricted(
    client, personas, person, restricted
):
    restricted.is_restricted = False
    restricted.save()
    client.force_login(personas.outsider)
    assert client.get(page(person)).status_code == 200


def test_a_commissioner_is_refused(client, personas, person, restricted):
    client.force_login(personas.commissioner)
    assert client.get(page(person)).status_code == 403


def test_named_on_one_restricted_case_is_enough(client, personas, person, restricted):
    other = CaseFactory(
        contract=personas.contract,
        team=personas.other_team,
        referral__person=person,
        is_restricted=True,
    )
    CaseAccess.objects.create(case=other, user=personas.teammate)
    client.force_login(personas.teammate)
    assert client.get(page(person)).status_code == 200


def test_a_restricted_parents_child_is_not_found_outside_the_parents_case_scope(
    client, personas, person, restricted
):
    # ADR 0008: the child is restricted with the parent (they may share the address)
    child = PersonFactory(organisation=personas.organisation, is_child=True)
    person.household_links.create(member=child, relationship="child")
    client.force_login(personas.outsider)
    response = client.get(page(child))
    assert response.status_code == 404
    body = response.content.decode()
    assert person.reference_code not in body
    assert child.reference_code not in body
