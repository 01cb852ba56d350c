"""`haven outbox-status` asks Notify what became of each email and text still going: delivered
or failed lands on the case timeline with Notify's own status."""

import io
from unittest import mock

import pytest
import requests
from django.core.management import call_command
from django.test import override_settings

from haven.casework.models import CaseEvent
from haven.outbox.models import MessageStatus
from haven.outbox.notify import FakeNotifyClient
from haven.outbox.services import delivery_status_refresh, message_send
from haven.outbox.tests.test_notify import NOTIFY, _response

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent_email(vf_case, personas):
    return message_send(
        case=vf_case(), template_key="first_contact", channel="email", sent_by=personas.caseworker
    )


def test_the_command_marks_delivered_messages(sent_email, fake_notify):
    out = io.StringIO()
    call_command("outbox-status", stdout=out)
    assert "1 message(s)" in out.getvalue()
    sent_email.refresh_from_db()
    assert sent_email.status == MessageStatus.DELIVERED
    assert sent_email.status_detail == "delivered"
    assert sent_email.delivery_updated_at is not None
    event = CaseEvent.objects.get(case=sent_email.case, kind="outbox_delivery")
    assert "delivered" in event.summary
    call_command("outbox-status", stdout=io.StringIO())  # nothing left to ask about
    assert CaseEvent.objects.filter(kind="outbox_delivery").count() == 1


def test_a_permanent_failure_is_failed(sent_email):
    assert delivery_status_refresh(client=FakeNotifyClient(status="permanent-failure")) == 1
    sent_email.refresh_from_db()
    assert (sent_email.status, sent_email.status_detail) == ("failed", "permanent-failure")


def test_still_sending_keeps_it_sent(sent_email):
    delivery_status_refresh(client=FakeNotifyClient(status="sending"))
    sent_email.refresh_from_db()
    assert (sent_email.status, sent_email.status_detail) == ("sent", "sending")
    assert not CaseEvent.objects.filter(kind="outbox_delivery").exists()


def test_the_real_client_is_asked_by_notification_id(sent_email):
    answer = _response(200, {"id": sent_email.notify_id, "status": "delivered"})
    with (
        override_settings(**NOTIFY),
        mock.patch.object(requests.Session, "request", return_value=answer) as request,
    ):
        call_command("outbox-status", stdout=io.StringIO())
    method, url = request.call_args.args
    assert (method, url.rsplit("/", 1)[-1]) == ("GET", sent_email.notify_id)
    sent_email.refresh_from_db()
    assert sent_email.status == MessageStatus.DELIVERED
