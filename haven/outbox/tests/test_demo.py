"""The demo's outbox (issue 14 item 9; haven/demodata/outbox.py): the messages behind the
recorded "sent" attempts, linked to them, and final letters queued, each checked as the outbox
checks it (letters only to a safe address)."""

import pytest

from haven.casework.models import CaseEvent
from haven.demodata.tests.test_build_demo_data import provider  # noqa: F401 - the fixture
from haven.outbox.models import Message, MessageStatus

pytestmark = pytest.mark.django_db


def test_the_demo_has_messages_that_follow_the_outbox_rules(provider):  # noqa: F811
    messages = list(Message.objects.select_related("attempt", "person__safe_contact"))
    assert messages
    channels = {message.channel for message in messages}
    assert {"email", "sms"} & channels
    for message in messages:
        if message.status in (MessageStatus.DELIVERED, MessageStatus.POSTED):
            # seed 002 s3.7: sent means the attempt was recorded at the sent time
            assert message.attempt is not None
            assert message.attempt.attempted_at == message.sent_at
            assert message.attempt.channel == message.channel
        if message.status == MessageStatus.BLOCKED:
            assert message.blocked_reasons
            assert message.recipient == ""
        elif message.channel == "letter":
            assert message.recipient == message.person.safe_contact.safe_address.strip()
        if message.status in (MessageStatus.QUEUED, MessageStatus.BLOCKED):
            assert CaseEvent.objects.filter(object_id=str(message.pk)).exists()
