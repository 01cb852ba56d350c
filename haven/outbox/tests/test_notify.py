"""GOV.UK Notify: the offline fake used without a key, the real NotificationsAPIClient with its
HTTP answered here (requests.Session.request patched: nothing leaves the machine), Notify
refusing a message, and production without a key (the message stays queued, saying so)."""

import json
import uuid
from unittest import mock

import pytest
import requests
from django.test import override_settings

from haven.casework.models import ContactAttempt
from haven.outbox.models import MessageStatus
from haven.outbox.notify import FakeNotifyClient, NotifyNotConfiguredError, notify_client
from haven.outbox.services import message_send

pytestmark = pytest.mark.django_db

KEY = f"haven_test-{uuid.uuid4()}-{uuid.uuid4()}"  # Notify's key shape: name-service-secret
NOTIFY = {
    "HAVEN_NOTIFY_API_KEY": KEY,
    "HAVEN_NOTIFY_EMAIL_TEMPLATE_ID": "11111111-1111-1111-1111-111111111111",
    "HAVEN_NOTIFY_SMS_TEMPLATE_ID": "22222222-2222-2222-2222-222222222222",
    "HAVEN_NOTIFY_FAKE": False,
}


def _response(status, body):
    response = requests.Response()
    response.status_code = status
    response._content = json.dumps(body).encode()
    response.headers["Content-Type"] = "application/json"
    response.url = "https://api.notifications.service.gov.uk/v2/notifications/email"
    return response


def test_the_fake_records_what_would_be_sent_and_says_delivered(vf_case, personas, fake_notify):
    case = vf_case()
    message = message_send(
        case=case, template_key="first_contact", channel="email", sent_by=personas.caseworker
    )
    (sent,) = fake_notify.sent
    assert sent["type"] == "email"
    assert sent["to"] == "synthetic.person@example.org"
    assert sent["personalisation"]["subject"] == message.subject
    assert sent["personalisation"]["body"] == message.body
    assert sent["reference"] == str(message.pk)
    assert message.notify_id == sent["id"]
    assert fake_notify.get_notification_by_id(sent["id"])["status"] == "delivered"


def test_without_a_key_outside_production_the_fake_is_used():
    with override_settings(HAVEN_NOTIFY_API_KEY="", HAVEN_NOTIFY_FAKE=True):
        assert isinstance(notify_client(), FakeNotifyClient)


def test_the_real_client_sends_through_notify(vf_case, personas, fake_notify):
    case = vf_case(contact_method="sms")
    notification_id = str(uuid.uuid4())
    answer = _response(201, {"id": notification_id, "reference": "x", "content": {}})
    with (
        override_settings(**NOTIFY),
        mock.patch.object(requests.Session, "request", return_value=answer) as request,
    ):
        message = message_send(
            case=case, template_key="first_contact", channel="sms", sent_by=personas.caseworker
        )
    assert message.status == MessageStatus.SENT
    assert message.notify_id == notification_id
    method, url = request.call_args.args
    assert method == "POST"
    assert url.endswith("/v2/notifications/sms")
    sent = json.loads(request.call_args.kwargs["data"])
    assert sent["phone_number"] == "07700 900123"
    assert sent["template_id"] == NOTIFY["HAVEN_NOTIFY_SMS_TEMPLATE_ID"]
    assert sent["personalisation"]["body"] == message.body
    assert request.call_args.kwargs["headers"]["Authorization"].startswith("Bearer ")
    assert fake_notify.sent == []
    assert ContactAttempt.objects.filter(case=case, outcome="sms_sent").exists()


def test_notify_refusing_a_message_marks_it_failed_and_records_no_attempt(vf_case, personas):
    case = vf_case()
    refused = _response(
        400,
        {"status_code": 400, "errors": [{"error": "BadRequestError", "message": "Bad"}]},
    )
    with (
        override_settings(**NOTIFY),
        mock.patch.object(requests.Session, "request", return_value=refused),
    ):
        message = message_send(
            case=case, template_key="first_contact", channel="email", sent_by=personas.caseworker
        )
    assert message.status == MessageStatus.FAILED
    assert message.status_detail == "GOV.UK Notify refused it (400)"
    assert not ContactAttempt.objects.filter(case=case).exists()


def test_production_without_a_key_leaves_the_message_queued(vf_case, personas, fake_notify):
    case = vf_case()
    with override_settings(HAVEN_NOTIFY_API_KEY="", HAVEN_NOTIFY_FAKE=False):
        with pytest.raises(NotifyNotConfiguredError):
            notify_client()
        message = message_send(
            case=case, template_key="first_contact", channel="email", sent_by=personas.caseworker
        )
    assert message.status == MessageStatus.QUEUED
    assert "GOV.UK Notify is not configured" in message.status_detail
    assert fake_notify.sent == []
    assert not ContactAttempt.objects.filter(case=case).exists()


def test_a_referral_without_a_case_gets_its_confirmation(personas, contract_for, fake_notify):
    # a self-referral's web-chat confirmation (seed 002 s3.6) before any case is open: checked
    # and sent the same way, with no contact attempt (there is no case to record it on)
    import datetime as dt

    from django.utils import timezone

    from haven.outbox.tests.conftest import make_safe
    from haven.testing.casework import CaseworkPersonFactory, ReferralFactory

    person = make_safe(CaseworkPersonFactory(organisation=personas.organisation))
    referral = ReferralFactory(contract=contract_for("victim-first-2018"), person=person)
    chat_at = timezone.now() + dt.timedelta(days=2)
    message = message_send(
        referral=referral,
        template_key="webchat_confirmation",
        channel="sms",
        sent_by=personas.caseworker,
        details={"chat_at": chat_at},
    )
    assert message.case is None
    assert message.referral == referral
    assert message.status == MessageStatus.SENT
    assert "is booked for" in fake_notify.sent[0]["personalisation"]["body"]
    assert not ContactAttempt.objects.exists()
