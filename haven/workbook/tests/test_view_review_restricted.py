"""A possible match who is restricted: the import (system actor) still finds them, but the
review page neither describes nor offers them to a reviewer not named on their case."""

import pytest
from django.urls import reverse
from markupsafe import escape

from haven.casework.models import CaseAccess
from haven.core.models import AuditAction, AuditEvent
from haven.testing.casework import CaseFactory
from haven.workbook.models import IdentityReview, ReviewStatus

from .conftest import series

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(import_rows, existing, personas):
    case = CaseFactory(
        contract=personas.contract,
        team=personas.team,
        referral__person=existing,
        is_restricted=True,
    )
    CaseAccess.objects.create(case=case, user=personas.caseworker)
    import_rows(series(3))
    return IdentityReview.objects.get()


def url(review):
    return reverse("workbook:review_detail", args=[review.pk])


def test_the_import_still_sends_the_restricted_match_to_review(review, existing):
    assert list(review.candidates.all()) == [existing]


def test_a_reviewer_not_named_sees_a_warning_and_no_details(client, personas, review, existing):
    client.force_login(personas.team_leader)
    body = client.get(url(review)).content.decode()
    assert "A possible match is a restricted record" in body
    assert existing.reference_code not in body
    assert str(existing.pk) not in body
    # the export's own victim details show above; nothing of Haven's record below
    known = body.split("People Haven already knows")[1]
    assert escape(existing.given_name) not in known


def test_a_reviewer_not_named_can_neither_link_nor_silently_create(
    client, personas, review, existing
):
    client.force_login(personas.team_leader)
    for decision in (str(existing.pk), "new"):
        response = client.post(url(review), {"decision": decision})
        assert response.status_code == 200, decision
    review.refresh_from_db()
    assert review.status == ReviewStatus.PENDING


def test_acknowledging_the_restricted_record_creates_a_new_person(client, personas, review):
    client.force_login(personas.team_leader)
    client.post(url(review), {"decision": "new-checked"})
    review.refresh_from_db()
    assert review.status == ReviewStatus.NEW_PERSON
    event = AuditEvent.objects.get(action=AuditAction.UPDATE, object_id=str(review.pk))
    assert event.changes["restricted_match_acknowledged"] == [False, True]


def test_named_staff_see_and_may_link_the_restricted_person(client, personas, review, existing):
    client.force_login(personas.caseworker)
    assert existing.reference_code in client.get(url(review)).content.decode()
    client.post(url(review), {"decision": str(existing.pk)})
    review.refresh_from_db()
    assert review.status == ReviewStatus.LINKED
