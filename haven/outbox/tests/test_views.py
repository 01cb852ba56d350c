"""The outbox pages: send from a case (choose, preview with the safe-contact check, send), one
message, the print-and-post queue and a letter's PDF (audited, no-store), for each persona."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.core.models import AuditAction, AuditEvent
from haven.outbox.models import Message, MessageStatus
from haven.outbox.services import message_send

pytestmark = pytest.mark.django_db


def _send_url(case):
    return reverse("outbox:send", args=[case.pk])


def test_a_caseworker_previews_then_sends_an_email(client, personas, vf_case, fake_notify):
    case = vf_case()
    client.force_login(personas.caseworker)
    chooser = client.get(_send_url(case)).content.decode()
    assert "First contact (the support available and how to get it), by email" in chooser
    preview = client.get(_send_url(case), {"message": "first_contact:email"}).content.decode()
    assert "The safe-contact check allows this email" in preview
    assert "synthetic.person@example.org" in preview
    assert "We can offer you" in preview
    assert fake_notify.sent == []  # a preview sends nothing
    response = client.post(_send_url(case), {"message": "first_contact:email"})
    message = Message.objects.get(case=case)
    assert response.status_code == 302
    assert response["Location"] == reverse("outbox:message", args=[case.pk, message.pk])
    assert message.status == MessageStatus.SENT
    assert len(fake_notify.sent) == 1
    page = client.get(response["Location"]).content.decode()
    assert "Sent" in page


def test_a_blocked_message_says_why_and_is_not_sent(client, personas, vf_case, fake_notify):
    case = vf_case(safe=False)
    client.force_login(personas.caseworker)
    preview = client.get(_send_url(case), {"message": "first_contact:sms"}).content.decode()
    assert "The safe-contact check blocks this message" in preview
    assert "Text messages are not allowed" in preview
    response = client.post(_send_url(case), {"message": "first_contact:sms"}, follow=True)
    page = response.content.decode()
    assert "Not sent: the safe-contact check blocked it" in page
    assert "No safe phone number is recorded" in page
    assert fake_notify.sent == []
    assert Message.objects.get(case=case).status == MessageStatus.BLOCKED


def test_the_appointment_needs_its_date_and_time(client, personas, vf_case):
    case = vf_case(contact_method="in_person")
    client.force_login(personas.caseworker)
    page = client.get(_send_url(case), {"message": "appointment_confirmation:letter"})
    assert "Enter the date and time" in page.content.decode()
    visit = timezone.localtime(timezone.now() + dt.timedelta(days=2)).replace(hour=10, minute=30)
    data = {
        "message": "appointment_confirmation:letter",
        "visit_at-day": visit.day,
        "visit_at-month": visit.month,
        "visit_at-year": visit.year,
        "visit_at-hour": 10,
        "visit_at-minute": 30,
    }
    preview = client.get(_send_url(case), data).content.decode()
    assert "10:30am" in preview
    client.post(_send_url(case), data)
    message = Message.objects.get(case=case)
    assert message.status == MessageStatus.QUEUED
    assert "10:30am" in message.body


def test_an_unknown_message_names_the_field(client, personas, vf_case):
    case = vf_case()
    client.force_login(personas.caseworker)
    response = client.post(_send_url(case), {"message": "nonsense:fax"})
    assert response.status_code == 200
    assert "Select a message" in response.content.decode()
    assert not Message.objects.exists()


def test_the_case_page_lists_messages_and_links_the_duty_to_the_outbox(client, personas, vf_case):
    case = vf_case(contact_method="email")
    message_send(
        case=case, template_key="first_contact", channel="email", sent_by=personas.caseworker
    )
    other = vf_case(contact_method="sms")
    client.force_login(personas.caseworker)
    page = client.get(reverse("casework:detail", args=[case.pk])).content.decode()
    assert "Letters, emails and texts" in page
    assert "First contact (the support available and how to get it)" in page
    # the same-day text task links to the matching message
    page = client.get(reverse("casework:detail", args=[other.pk])).content.decode()
    assert f"{_send_url(other)}?choose=first_contact:sms" in page
    chooser = client.get(_send_url(other), {"choose": "first_contact:sms"}).content.decode()
    assert 'value="first_contact:sms" checked' in chooser


@pytest.mark.parametrize("who", ["outsider", "other_provider_caseworker", "commissioner"])
def test_others_cannot_send(client, personas, vf_case, who):
    case = vf_case()
    client.force_login(getattr(personas, who))
    assert client.get(_send_url(case)).status_code in (403, 404)
    assert client.post(_send_url(case), {"message": "first_contact:email"}).status_code in (
        403,
        404,
    )
    assert not Message.objects.exists()


@pytest.fixture
def letter(vf_case, personas):
    return message_send(
        case=vf_case(contact_method="post"),
        template_key="first_contact",
        channel="letter",
        sent_by=personas.caseworker,
    )


@pytest.mark.parametrize("who", ["caseworker", "team_leader"])
def test_the_queue_prints_and_posts_letters(client, personas, letter, who):
    user = getattr(personas, who)
    client.force_login(user)
    queue = reverse("outbox:letters")
    page = client.get(queue).content.decode()
    assert letter.person.reference_code in page
    assert AuditEvent.objects.filter(actor=user, action=AuditAction.VIEW).exists()
    args = [letter.case.pk, letter.pk]
    response = client.post(reverse("outbox:letter_printed", args=args), {"next": queue})
    assert response["Location"] == queue
    letter.refresh_from_db()
    assert letter.status == MessageStatus.PRINTED
    client.post(reverse("outbox:letter_posted", args=args), {"next": queue})
    letter.refresh_from_db()
    assert letter.status == MessageStatus.POSTED
    assert letter.attempt is not None
    assert letter.person.reference_code not in client.get(queue).content.decode()


@pytest.mark.parametrize("who", ["analyst", "commissioner", "auditor", "other_provider_caseworker"])
def test_others_see_no_letters(client, personas, letter, who):
    client.force_login(getattr(personas, who))
    response = client.get(reverse("outbox:letters"))
    assert response.status_code in (200, 403)
    assert letter.person.reference_code not in response.content.decode()


def test_the_pdf_is_audited_and_never_cached(client, personas, letter):
    client.force_login(personas.caseworker)
    response = client.get(reverse("outbox:letter_pdf", args=[letter.case.pk, letter.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(
        actor=personas.caseworker, action=AuditAction.EXPORT, object_id=str(letter.pk)
    ).exists()


def test_a_blocked_letter_cannot_be_downloaded(client, personas, vf_case):
    blocked = message_send(
        case=vf_case(contact_method="post", safe=False),
        template_key="first_contact",
        channel="letter",
        sent_by=personas.caseworker,
    )
    client.force_login(personas.caseworker)
    url = reverse("outbox:letter_pdf", args=[blocked.case.pk, blocked.pk])
    assert client.get(url).status_code == 403


def test_marking_is_post_only(client, personas, letter):
    client.force_login(personas.caseworker)
    url = reverse("outbox:letter_posted", args=[letter.case.pk, letter.pk])
    assert client.get(url).status_code == 405


@pytest.mark.parametrize("target", ["2", "https://example.com/", "//example.com/", "javascript:x"])
def test_a_strange_next_lands_on_the_message(client, personas, letter, target):
    client.force_login(personas.caseworker)
    args = [letter.case.pk, letter.pk]
    response = client.post(reverse("outbox:letter_printed", args=args), {"next": target})
    assert response.status_code == 302
    assert response["Location"] == reverse("outbox:message", args=args)
