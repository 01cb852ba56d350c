"""The subject access pages, as each persona: the data protection officer walks a request from
logging to sent; the auditor reads the log only; caseworkers see that a request exists on the
person's page and nothing else. Every page is audited; downloads too. No personal data in URLs."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.core.models import AuditAction, AuditEvent
from haven.subjectaccess.models import ItemDecision, SarState, SubjectAccessRequest
from haven.subjectaccess.tests.conftest import (
    CHILD_GIVEN,
    HARMER_GIVEN,
    gathered_sar,
    new_sar,
)

pytestmark = pytest.mark.django_db


def _date(prefix: str, day: dt.date) -> dict[str, int]:
    return {f"{prefix}-day": day.day, f"{prefix}-month": day.month, f"{prefix}-year": day.year}


def _step_urls(sar) -> list[str]:
    names = (
        "detail",
        "verify",
        "stop",
        "restart",
        "extend",
        "gather",
        "review",
        "bundle",
        "sent",
        "refuse",
        "withdraw",
    )
    return [reverse(f"subjectaccess:{name}", args=[sar.pk]) for name in names]


def test_the_officer_walks_a_request_from_logging_to_sent(client, world):
    dpo = world.personas.data_protection_officer
    client.force_login(dpo)
    today = timezone.localdate()
    assert client.get(reverse("subjectaccess:new")).status_code == 200
    response = client.post(
        reverse("subjectaccess:new"),
        {
            "reference_code": world.person.reference_code,
            **_date("received_on", today - dt.timedelta(days=2)),
            "received_how": "letter",
            "requester": "person",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    sar = SubjectAccessRequest.objects.get()
    assert response["Location"] == reverse("subjectaccess:detail", args=[sar.pk])
    assert world.person.reference_code not in response["Location"]

    detail = client.get(response["Location"]).content.decode()
    assert "Not verified yet" in detail

    stop = reverse("subjectaccess:stop", args=[sar.pk])
    assert (
        client.post(stop, {"reason": "awaiting_id", **_date("started_on", today)}).status_code
        == 302
    )
    verify = reverse("subjectaccess:verify", args=[sar.pk])
    assert (
        client.post(verify, {**_date("verified_on", today), "method": "Passport"}).status_code
        == 302
    )
    sar.refresh_from_db()
    assert sar.state == SarState.RECEIVED
    assert sar.stops.get().ended_on == today

    gather = reverse("subjectaccess:gather", args=[sar.pk])
    assert client.get(gather).status_code == 200
    assert client.post(gather, {})["Location"] == reverse("subjectaccess:review", args=[sar.pk])
    review = client.get(reverse("subjectaccess:review", args=[sar.pk])).content.decode()
    assert "Needs review" in review
    client.post(reverse("subjectaccess:release_unflagged", args=[sar.pk]))
    for item in sar.items.filter(decision=ItemDecision.PENDING):
        url = reverse("subjectaccess:item", args=[sar.pk, item.pk])
        page = client.get(url).content.decode()
        assert "Needs review" in page
        answer = client.post(
            url, {"decision": "redact", "redact_names": "yes", "reason": "Third parties"}
        )
        if item.record_type == "people.harmlink":
            answer = client.post(
                url,
                {
                    "decision": "redact",
                    "redacted_fields": ["harmer"],
                    "redact_names": "yes",
                    "reason": "The person causing harm",
                },
            )
        assert answer.status_code == 302
    assert not sar.items.filter(decision=ItemDecision.PENDING).exists()

    bundle = reverse("subjectaccess:bundle", args=[sar.pk])
    assert client.get(bundle).status_code == 200
    assert client.post(bundle, {}).status_code == 302
    pdf = client.get(reverse("subjectaccess:bundle_pdf", args=[sar.pk]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert "no-store" in pdf["Cache-Control"]
    data = client.get(reverse("subjectaccess:bundle_json", args=[sar.pk]))
    content = json.loads(data.content)
    assert HARMER_GIVEN not in data.content.decode()
    assert CHILD_GIVEN not in data.content.decode()
    assert content["reference_code"] == world.person.reference_code
    exports = AuditEvent.objects.filter(action=AuditAction.EXPORT, object_id=str(sar.pk), actor=dpo)
    assert sorted(event.changes["format"] for event in exports) == ["JSON", "PDF"]

    sent = reverse("subjectaccess:sent", args=[sar.pk])
    assert (
        client.post(sent, {**_date("sent_on", today), "sent_how": "Secure email"}).status_code
        == 302
    )
    sar.refresh_from_db()
    assert sar.state == SarState.SENT
    timeline = client.get(reverse("subjectaccess:detail", args=[sar.pk])).content.decode()
    for step in ("identity verified", "clock stopped", "bundle produced", "bundle sent"):
        assert step in timeline


def test_a_bad_reference_code_is_an_error_on_its_field(client, world):
    client.force_login(world.personas.data_protection_officer)
    response = client.post(
        reverse("subjectaccess:new"),
        {
            "reference_code": "NOPE-00000",
            **_date("received_on", timezone.localdate()),
            "received_how": "letter",
            "requester": "person",
        },
    )
    assert response.status_code == 200
    assert "No person with this reference code" in response.content.decode()
    assert not SubjectAccessRequest.objects.exists()


def test_a_person_of_another_organisation_is_not_found(client, world):
    from haven.testing.casework import CaseworkPersonFactory

    other = CaseworkPersonFactory(organisation=world.personas.other_organisation)
    client.force_login(world.personas.data_protection_officer)
    response = client.post(
        reverse("subjectaccess:new"),
        {
            "reference_code": other.reference_code,
            **_date("received_on", timezone.localdate()),
            "received_how": "letter",
            "requester": "person",
        },
    )
    assert response.status_code == 200
    assert not SubjectAccessRequest.objects.exists()


def test_an_extension_told_too_late_is_refused_on_the_page(client, world):
    """reference.md s7: the person is told of the extension within the first month."""
    sar = new_sar(world, received_on=timezone.localdate() - dt.timedelta(days=60))
    client.force_login(world.personas.data_protection_officer)
    response = client.post(
        reverse("subjectaccess:extend", args=[sar.pk]),
        {"reason": "Complex", **_date("told_on", timezone.localdate())},
    )
    assert response.status_code == 200
    assert "within the first month" in response.content.decode()


def test_the_auditor_reads_the_log_but_not_the_records_or_the_steps(client, world):
    sar = gathered_sar(world)
    client.force_login(world.personas.auditor)
    assert client.get(reverse("subjectaccess:list")).status_code == 200
    detail = client.get(reverse("subjectaccess:detail", args=[sar.pk]))
    assert detail.status_code == 200
    assert "Next steps" not in detail.content.decode()
    for url in [*_step_urls(sar)[1:], reverse("subjectaccess:new")]:
        assert client.get(url).status_code == 403, url
    assert client.get(reverse("subjectaccess:bundle_pdf", args=[sar.pk])).status_code == 403


@pytest.mark.parametrize(
    "persona",
    [
        "caseworker",
        "team_leader",
        "service_manager",
        "analyst",
        "administrator",
        "commissioner",
        "no_role",
    ],
)
def test_other_roles_cannot_open_any_page(client, world, persona):
    sar = gathered_sar(world)
    client.force_login(getattr(world.personas, persona))
    for url in [reverse("subjectaccess:list"), reverse("subjectaccess:new"), *_step_urls(sar)]:
        assert client.get(url).status_code == 403, url


def test_every_page_opens_for_the_officer_and_is_audited(client, world):
    sar = gathered_sar(world)
    client.force_login(world.personas.data_protection_officer)
    item = sar.items.first()
    urls = [
        reverse("subjectaccess:list"),
        *_step_urls(sar),
        reverse("subjectaccess:item", args=[sar.pk, item.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        events = AuditEvent.objects.filter(
            request_id=response["X-Request-Id"], action=AuditAction.VIEW
        )
        assert events.exists(), url


def test_the_list_shows_overdue_and_due_soon(client, world):
    new_sar(world, received_on=timezone.localdate() - dt.timedelta(days=45))
    new_sar(world, received_on=timezone.localdate() - dt.timedelta(days=27))
    client.force_login(world.personas.data_protection_officer)
    page = client.get(reverse("subjectaccess:list")).content.decode()
    assert "Overdue" in page
    assert "1 overdue" in page


def test_caseworkers_see_that_a_request_exists_not_its_contents(client, world):
    gathered_sar(world)
    client.force_login(world.personas.caseworker)
    page = client.get(reverse("people:detail", args=[world.person.pk])).content.decode()
    assert "Subject access requests" in page
    assert "1 open request" in page
    assert reverse("subjectaccess:list") not in page
    assert "/subject-access/" not in page


def test_the_officer_gets_a_link_from_the_home_page(client, world):
    client.force_login(world.personas.data_protection_officer)
    page = client.get(reverse("home")).content.decode()
    assert reverse("subjectaccess:list") in page
    client.force_login(world.personas.caseworker)
    assert reverse("subjectaccess:list") not in client.get(reverse("home")).content.decode()


def test_the_officer_gets_links_to_the_requests_from_the_persons_page(client, world):
    sar = new_sar(world)
    client.force_login(world.personas.data_protection_officer)
    page = client.get(reverse("people:detail", args=[world.person.pk])).content.decode()
    assert reverse("subjectaccess:detail", args=[sar.pk]) in page


def test_a_person_without_requests_has_no_section(client, world):
    client.force_login(world.personas.caseworker)
    page = client.get(reverse("people:detail", args=[world.person.pk])).content.decode()
    assert "Subject access requests" not in page
