"""The data protection officer's pages (reference.md s7): who may see them, what they show (no
names: reference codes only), read auditing and the one-time form tokens."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from haven.core.form_tokens import ALREADY_SENT, FIELD
from haven.core.models import AuditAction, AuditEvent
from haven.people.models import Person
from haven.retention.models import ErasureRequest, LegalHold, RetentionItem
from haven.retention.services import erasure_request_log, legal_hold_place, retention_scan
from haven.retention.tests.conftest import closed_person
from haven.testing.html_forms import post_forms

pytestmark = pytest.mark.django_db

PERSONAS = (
    "caseworker",
    "team_leader",
    "service_manager",
    "analyst",
    "administrator",
    "auditor",
    "commissioner",
    "other_provider_caseworker",
    "no_role",
)


@pytest.fixture
def world(personas, dpo):
    person = closed_person(personas)
    retention_scan()
    hold_person = closed_person(personas, closed_at=timezone.now() - dt.timedelta(days=30))
    hold = legal_hold_place(placed_by=dpo, reason="Civil claim", person=hold_person)
    request = erasure_request_log(
        person=hold_person,
        received_on=timezone.localdate(),
        grounds="objection",
        details="",
        logged_by=dpo,
    )
    return {"person": person, "hold": hold, "request": request, "item": RetentionItem.objects.get()}


def _urls(world):
    person = world["person"]
    return {
        "schedule": reverse("retention:schedule"),
        "queue": reverse("retention:queue"),
        "holds": reverse("retention:holds"),
        "hold_new": reverse("retention:hold_new", args=[person.pk]),
        "hold_lift": reverse("retention:hold_lift", args=[world["hold"].pk]),
        "requests": reverse("retention:requests"),
        "request_new": reverse("retention:request_new", args=[person.pk]),
        "request_detail": reverse("retention:request_detail", args=[world["request"].pk]),
    }


def test_only_the_data_protection_officer_may_open_the_pages(client, personas, dpo, world):
    for name in PERSONAS:
        client.force_login(getattr(personas, name))
        for page, url in _urls(world).items():
            assert client.get(url).status_code == 403, (name, page)
    client.force_login(dpo)
    for page, url in _urls(world).items():
        assert client.get(url).status_code == 200, page


def test_another_organisations_officer_gets_404_for_our_records(client, personas, world):
    from haven.accounts.roles import Role
    from haven.testing.factories import MembershipFactory, UserFactory

    other = UserFactory()
    MembershipFactory(
        user=other, role=Role.DATA_PROTECTION_OFFICER, organisation=personas.other_organisation
    )
    client.force_login(other)
    for page in ("hold_new", "hold_lift", "request_new", "request_detail"):
        assert client.get(_urls(world)[page]).status_code == 404, page
    assert world["person"].reference_code not in client.get(_urls(world)["queue"]).content.decode()


def test_pages_show_reference_codes_not_names_and_every_page_with_people_is_read_audited(
    client, dpo, world
):
    client.force_login(dpo)
    person = world["person"]
    for page, url in _urls(world).items():
        before = AuditEvent.objects.filter(actor=dpo, action=AuditAction.VIEW).count()
        body = client.get(url).content.decode()
        assert person.family_name not in body, page
        after = AuditEvent.objects.filter(actor=dpo, action=AuditAction.VIEW).count()
        if page != "schedule":
            assert after > before, page
    assert person.reference_code in client.get(_urls(world)["queue"]).content.decode()


def test_the_schedule_page_labels_the_defaults_local_practice(client, dpo, world):
    client.force_login(dpo)
    body = client.get(reverse("retention:schedule")).content.decode()
    assert "CASE+6" in body
    assert "DOB+25" in body
    assert "6+" in body
    assert "no national retention standard" in body


def test_approving_from_the_queue_anonymises(client, dpo, world):
    client.force_login(dpo)
    item = world["item"]
    response = client.post(
        reverse("retention:queue"), {"items": [str(item.pk)], "action": "anonymise"}
    )
    assert response.status_code == 302
    assert Person.objects.get(pk=item.person_id).given_name == "[anonymised]"


def test_deferring_needs_a_reason_and_a_future_date(client, dpo, world):
    client.force_login(dpo)
    item = world["item"]
    response = client.post(reverse("retention:queue"), {"items": [str(item.pk)], "action": "defer"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Enter the reason for deferring" in body
    assert "Enter the date to review them again" in body
    later = timezone.localdate() + dt.timedelta(days=60)
    response = client.post(
        reverse("retention:queue"),
        {
            "items": [str(item.pk)],
            "action": "defer",
            "reason": "Complaint open",
            "until-day": later.day,
            "until-month": later.month,
            "until-year": later.year,
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.deferred_until) == ("deferred", later)


def test_the_queue_filters_by_record_type(client, dpo, world):
    client.force_login(dpo)
    code = world["person"].reference_code
    assert code in client.get(reverse("retention:queue"), {"type": "adult"}).content.decode()
    assert code not in client.get(reverse("retention:queue"), {"type": "child"}).content.decode()


def test_the_queue_shows_a_hold_placed_after_the_item_was_listed(client, dpo, world):
    legal_hold_place(placed_by=dpo, reason="Inquest", person=world["person"])
    client.force_login(dpo)
    assert "Legal hold" in client.get(reverse("retention:queue")).content.decode()


def _twice(client, url, **fields):
    page = client.get(url).content.decode()
    form = next(f for f in post_forms(page) if f.action in ("", url))
    data = {**fields, FIELD: form.values[FIELD]}
    first = client.post(url, data)
    assert first.status_code == 302
    second = client.post(url, data)
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert ALREADY_SENT in [str(m) for m in get_messages(second.wsgi_request)]


def test_a_hold_sent_twice_is_placed_once(client, dpo, world):
    client.force_login(dpo)
    _twice(client, _urls(world)["hold_new"], covers="person", reason="Litigation")
    assert LegalHold.objects.filter(person=world["person"]).count() == 1


def test_an_erasure_request_sent_twice_is_logged_once(client, dpo, world):
    client.force_login(dpo)
    today = timezone.localdate()
    _twice(
        client,
        _urls(world)["request_new"],
        **{
            "received_on-day": today.day,
            "received_on-month": today.month,
            "received_on-year": today.year,
        },
        grounds="consent_withdrawn",
    )
    assert ErasureRequest.objects.filter(person=world["person"]).count() == 1


def test_deciding_and_lifting_from_their_pages(client, dpo, world):
    client.force_login(dpo)
    response = client.post(_urls(world)["request_detail"], {"decision": "anonymise"})
    assert response.status_code == 200
    assert "legal hold" in response.content.decode()
    response = client.post(_urls(world)["hold_lift"], {"reason": "Claim settled"})
    assert response.status_code == 302
    response = client.post(_urls(world)["request_detail"], {"decision": "anonymise"})
    assert response.status_code == 302
    assert ErasureRequest.objects.get().carried_out_at is not None


def test_the_person_page_shows_holds_and_requests_to_the_officer_only(client, personas, dpo, world):
    person = world["request"].person
    url = reverse("people:detail", args=[person.pk])
    client.force_login(dpo)
    body = client.get(url).content.decode()
    assert "Retention, legal holds and erasure" in body
    assert "Erasure request received" in body
    assert "In force" in body
    assert reverse("retention:hold_new", args=[person.pk]) in body
    client.force_login(personas.service_manager)
    assert "Retention, legal holds and erasure" not in client.get(url).content.decode()


def test_the_home_page_links_the_officer_to_retention(client, personas, dpo):
    client.force_login(dpo)
    body = client.get(reverse("home")).content.decode()
    assert reverse("retention:queue") in body
    assert reverse("retention:requests") in body
    client.force_login(personas.service_manager)
    assert reverse("retention:queue") not in client.get(reverse("home")).content.decode()


def test_an_erasure_request_names_who_the_data_was_shared_with_from_the_share_register(
    client, personas, dpo, world
):
    """reference.md s7 (erasure limits): if erased data was shared, tell the recipients; the
    share register names them and the decision form starts with them."""
    from haven.consent.services import share_record

    person = world["request"].person
    for recipient in ("Synthetic Childrens Services", "Synthetic Police", "Synthetic Police"):
        share_record(
            person=person,
            recipient=recipient,
            purpose="Safeguarding referral",
            kind="safeguarding_referral",
            basis="safeguarding",
            reason="Risk to a child",
            shared_by=personas.caseworker,
            organisation=personas.organisation,
        )
    client.force_login(dpo)

    response = client.get(_urls(world)["request_detail"])

    page = response.content.decode()
    assert page.count('<td class="govuk-table__cell">Synthetic Police</td>') == 2
    textarea = re.search(
        r'<textarea[^>]*name="recipients_to_tell"[^>]*>(.*?)</textarea>', page, re.S
    )
    assert textarea is not None
    assert textarea.group(1).strip() == "Synthetic Childrens Services\nSynthetic Police"
