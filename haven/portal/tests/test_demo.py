"""The demo's front door (issue 14): self-referrals on every contract that takes them online,
Victim First's chats booked within 5 working days and its quick questions (seed 002 s3.6)."""

import pytest

from haven.demodata.portal import DEMO_CHAT_CODE, DEMO_QUESTION_CODE
from haven.demodata.tests.test_build_demo_data import provider  # noqa: F401 - the fixture
from haven.portal import codes
from haven.portal.models import ChatBooking, QuickQuestion
from haven.referrals.models import Referral

pytestmark = pytest.mark.django_db


def test_the_demo_has_self_referrals_chats_and_quick_questions(provider):  # noqa: F811
    web = Referral.objects.filter(received_via="web")
    assert set(web.values_list("contract__slug", flat=True)) == {
        "cornwall-mens-refuge-2021",
        "leicester-family-2012",
        "leicester-perpetrator-2012",
        "leicester-victim-survivor-2012",
        "victim-first-2018",
        "wokingham-da-2017",
    }
    assert all(r.route == "self_referral" for r in web)
    bookings = ChatBooking.objects.all()
    assert {b.contract.slug for b in bookings} == {"victim-first-2018"}
    assert bookings.filter(code_hash=codes.code_hash(DEMO_CHAT_CODE)).exists()
    questions = QuickQuestion.objects.all()
    assert questions.filter(answered_at__isnull=False).exists()
    assert questions.filter(answered_at__isnull=True).exists()
    assert questions.get(code_hash=codes.code_hash(DEMO_QUESTION_CODE)).answer
