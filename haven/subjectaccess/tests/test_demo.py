"""The demo's subject access requests (haven/demodata/subjectaccess.py): one sent with its
bundle, one in review, one awaiting proof of identity with the clock stopped (reference.md s7)."""

import pytest

from haven.demodata.tests.test_build_demo_data import provider  # noqa: F401 - the fixture
from haven.subjectaccess.models import ItemDecision, SarState, SubjectAccessRequest

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_sent_request_and_requests_in_progress(provider):  # noqa: F811
    sars = {sar.state: sar for sar in SubjectAccessRequest.objects.all()}
    assert set(sars) == {SarState.SENT, SarState.REVIEW, SarState.AWAITING}
    sent = sars[SarState.SENT]
    assert sent.bundle.items_released > 0
    data = bytes(sent.bundle.json).decode()
    for item in sent.items.filter(decision=ItemDecision.REDACT):
        for name in item.third_party_names:
            assert f'"{name}"' not in data
    review = sars[SarState.REVIEW]
    assert review.requester == "representative"
    assert review.representative_authority
    assert review.stops.get().ended_on is not None
    assert sars[SarState.AWAITING].stops.get().ended_on is None
