"""The information-sharing agreements register (issue 15 item 1; reference.md s7: each with its
Art. 6 lawful basis and Art. 9 / DPA 2018 Sch. 1 condition)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.consent.selectors import agreements_for, reviews_due
from haven.consent.services import agreement_add, agreement_change, agreement_review

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 7)


def _values(**overrides):
    return {
        "partner": "Synthetic Police",
        "purpose": "MARAC and safeguarding referrals",
        "art6_basis": "e_public_task",
        "art9_condition": "sch1_18",
        "signed_on": timezone.localdate() - dt.timedelta(days=300),
        "review_on": timezone.localdate() + dt.timedelta(days=10),
        "status": "active",
    } | overrides


def test_reference_s7_an_agreement_needs_its_art6_basis_and_art9_condition(personas):
    with pytest.raises(ValidationError) as refused:
        agreement_add(
            organisation=personas.organisation,
            recorded_by=personas.service_manager,
            **_values(art6_basis="", art9_condition="nope", partner=""),
        )
    assert set(refused.value.message_dict) == {"art6_basis", "art9_condition", "partner"}


def test_the_review_date_is_not_before_the_signing(personas):
    with pytest.raises(ValidationError) as refused:
        agreement_add(
            organisation=personas.organisation,
            recorded_by=personas.service_manager,
            **_values(review_on=timezone.localdate() - dt.timedelta(days=400)),
        )
    assert "review_on" in refused.value.message_dict


def test_reviews_due_within_30_days_or_overdue_and_a_review_moves_the_date(personas):
    due = agreement_add(
        organisation=personas.organisation, recorded_by=personas.service_manager, **_values()
    )
    later = agreement_add(
        organisation=personas.organisation,
        recorded_by=personas.service_manager,
        **_values(
            partner="Synthetic Health", review_on=timezone.localdate() + dt.timedelta(days=90)
        ),
    )
    today = timezone.localdate()
    assert reviews_due(personas.caseworker, today) == [due]
    agreement_review(
        agreement=due,
        reviewed_by=personas.service_manager,
        reviewed_on=today,
        next_review_on=today + dt.timedelta(days=365),
        note="Synthetic: still needed",
    )
    due.refresh_from_db()
    assert (due.last_reviewed_on, due.last_reviewed_by) == (today, personas.service_manager)
    assert reviews_due(personas.caseworker, today) == []
    assert set(agreements_for(personas.caseworker)) == {due, later}
    assert list(agreements_for(personas.other_provider_caseworker)) == []


def test_a_review_sets_a_next_review_after_it(personas):
    agreement = agreement_add(
        organisation=personas.organisation, recorded_by=personas.service_manager, **_values()
    )
    with pytest.raises(ValidationError) as refused:
        agreement_review(
            agreement=agreement,
            reviewed_by=personas.service_manager,
            reviewed_on=timezone.localdate(),
            next_review_on=timezone.localdate(),
        )
    assert "next_review_on" in refused.value.message_dict


def test_an_agreement_is_changed_and_ended(personas):
    agreement = agreement_add(
        organisation=personas.organisation, recorded_by=personas.service_manager, **_values()
    )
    agreement_change(
        agreement=agreement, changed_by=personas.service_manager, **_values(status="ended")
    )
    agreement.refresh_from_db()
    assert agreement.status == "ended"
    assert reviews_due(personas.caseworker, timezone.localdate()) == []
