"""Deciding a possible match: a person confirms the link or a new person; audited, once."""

from __future__ import annotations

import pytest

from haven.core.models import AuditEvent
from haven.people.models import Person
from haven.people.services import person_create
from haven.referrals.models import Decision
from haven.workbook.models import IdentityReview, PoliceNominal, ReviewStatus
from haven.workbook.services import ReviewDecidedError, review_link_person, review_new_person

from .conftest import series

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(import_rows, existing):
    import_rows(series(3, victim="N5"))
    return IdentityReview.objects.get()


def test_confirming_the_link_refers_the_existing_person_and_remembers_the_nominal(
    review, existing, personas
):
    # seed 000 s5: the incident is referred once the victim is known
    referral = review_link_person(review=review, person=existing, decided_by=personas.caseworker)
    assert referral.person == existing
    assert referral.decision == Decision.ACCEPTED
    assert referral.case.tasks.get().rule_key == "first_contact_phone"
    assert PoliceNominal.objects.get(nominal_id="n5").person == existing
    review.refresh_from_db()
    assert review.status == ReviewStatus.LINKED
    assert (review.given_name, review.date_of_birth) == ("", None)  # not kept once decided
    event = AuditEvent.objects.get(object_id=str(review.pk), action="update")
    assert event.actor == personas.caseworker


def test_confirming_a_new_person_creates_one_and_never_merges(review, existing, personas):
    referral = review_new_person(review=review, decided_by=personas.caseworker)
    assert referral.person != existing
    assert Person.objects.count() == 2
    assert IdentityReview.objects.get().status == ReviewStatus.NEW_PERSON


def test_a_review_is_decided_once(review, existing, personas):
    review_new_person(review=review, decided_by=personas.caseworker)
    with pytest.raises(ReviewDecidedError):
        review_link_person(review=review, person=existing, decided_by=personas.caseworker)


def test_only_a_suggested_person_can_be_linked(review, personas):
    stranger = person_create(created_by=personas.caseworker, details={"given_name": "Robin"})
    with pytest.raises(ValueError, match="suggested"):
        review_link_person(review=review, person=stranger, decided_by=personas.caseworker)


def test_after_the_link_the_next_export_needs_no_review(review, existing, personas, import_rows):
    review_link_person(review=review, person=existing, decided_by=personas.caseworker)
    run = import_rows(series(4, victim="N5"))
    assert (run.referrals_created, run.sent_to_review, run.already_imported) == (1, 0, 1)
