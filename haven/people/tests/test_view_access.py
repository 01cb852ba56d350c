"""Every people page, for every persona: in the organisation, another provider, commissioner."""

import pytest
from django.urls import reverse

from haven.testing.people import HarmLinkFactory, PersonFlagFactory

READ_PAGES = ["detail", "equality", "harmer_detail"]
CHANGE_PAGES = [
    "details_edit",
    "safe_contact_edit",
    "flag_new",
    "flag_end",
    "child_new",
    "harmer_new",
]


@pytest.fixture
def urls(person):
    harm = HarmLinkFactory(person=person)
    flag = PersonFlagFactory(person=person)
    return {
        "detail": reverse("people:detail", args=[person.pk]),
        "equality": reverse("people:equality", args=[person.pk]),
        "harmer_detail": reverse("people:harmer_detail", args=[harm.harmer.pk]),
        "details_edit": reverse("people:details_edit", args=[person.pk]),
        "safe_contact_edit": reverse("people:safe_contact_edit", args=[person.pk]),
        "flag_new": reverse("people:flag_new", args=[person.pk]),
        "flag_end": reverse("people:flag_end", args=[person.pk, flag.pk]),
        "child_new": reverse("people:child_new", args=[person.pk]),
        "harmer_new": reverse("people:harmer_new", args=[person.pk]),
    }


@pytest.mark.parametrize("page", READ_PAGES + CHANGE_PAGES)
@pytest.mark.parametrize(
    "persona", ["caseworker", "teammate", "outsider", "team_leader", "service_manager"]
)
def test_staff_in_the_organisation_can_open_every_page(client, personas, urls, page, persona):
    client.force_login(getattr(personas, persona))
    assert client.get(urls[page]).status_code == 200


@pytest.mark.parametrize("page", READ_PAGES + CHANGE_PAGES)
def test_another_provider_gets_not_found(client, personas, urls, page):
    client.force_login(personas.other_provider_caseworker)
    assert client.get(urls[page]).status_code == 404


@pytest.mark.parametrize("page", READ_PAGES + CHANGE_PAGES)
@pytest.mark.parametrize("persona", ["commissioner", "no_role"])
def test_commissioners_and_people_without_a_role_are_refused(client, personas, urls, page, persona):
    client.force_login(getattr(personas, persona))
    assert client.get(urls[page]).status_code == 403


@pytest.mark.parametrize("page", READ_PAGES)
@pytest.mark.parametrize("persona", ["auditor", "analyst"])
def test_auditors_and_analysts_can_read(client, personas, urls, page, persona):
    client.force_login(getattr(personas, persona))
    assert client.get(urls[page]).status_code == 200


@pytest.mark.parametrize("page", CHANGE_PAGES)
@pytest.mark.parametrize("persona", ["auditor", "analyst"])
def test_auditors_and_analysts_cannot_change_anything(client, personas, urls, page, persona):
    client.force_login(getattr(personas, persona))
    assert client.get(urls[page]).status_code == 403
    assert client.post(urls[page], {}).status_code == 403


def test_an_auditor_cannot_save_equality_answers(client, personas, urls):
    client.force_login(personas.auditor)
    assert client.post(urls["equality"], {"sex": "female"}).status_code == 403


@pytest.mark.parametrize("name", ["search", "new", "new_check"])
def test_search_and_create_refuse_commissioners(client, personas, name):
    client.force_login(personas.commissioner)
    assert client.get(reverse(f"people:{name}")).status_code == 403


@pytest.mark.parametrize("page", READ_PAGES + CHANGE_PAGES)
def test_signed_out_visitors_are_sent_to_sign_in(client, urls, page):
    response = client.get(urls[page])
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
