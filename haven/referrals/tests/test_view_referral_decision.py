"""The referral page shows the eligibility decision; accept opens a case; decline keeps it."""

import pytest
from django.urls import reverse

from haven.casework.models import Case
from haven.referrals.models import Decision
from haven.testing.casework import CaseworkPersonFactory, ReferralFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(contract_for, personas):
    contract = contract_for("victim-first-2018")
    person = CaseworkPersonFactory(organisation=personas.organisation, local_authority="Leicester")
    return ReferralFactory(contract=contract, person=person, decision=Decision.PENDING)


def test_the_page_says_eligible_with_the_citation(client, pending, personas):
    client.force_login(personas.caseworker)
    body = client.get(reverse("referrals:detail", args=[pending.pk])).content.decode()
    assert "Eligible" in body
    assert "Victim First service specification (2018), section 3.1" in body  # seed 002 s3.1
    assert "seed 002" not in body
    assert "Accept and open a case" in body


def test_accepting_opens_the_case_in_my_team_allocated_to_me(client, pending, personas):
    client.force_login(personas.caseworker)
    response = client.post(reverse("referrals:accept", args=[pending.pk]))
    case = Case.objects.get(referral=pending)
    assert response.url == reverse("casework:detail", args=[case.pk])
    assert case.team == personas.team
    assert case.allocated_to == personas.caseworker


def test_declining_needs_a_category_and_a_reason_and_keeps_the_referral(client, pending, personas):
    # seed 004 s10 A3: declines are reported by reason, so the category is required
    client.force_login(personas.caseworker)
    url = reverse("referrals:decline", args=[pending.pk])
    response = client.post(url, {"category": "", "reason": ""})
    body = response.content.decode()
    assert "Select why the referral is declined" in body
    assert "Enter the reason for declining the referral" in body
    client.post(url, {"reason": "Supported elsewhere"})
    pending.refresh_from_db()
    assert pending.decision == Decision.PENDING
    client.post(url, {"category": "needs_better_met_elsewhere", "reason": "Supported elsewhere"})
    pending.refresh_from_db()
    assert pending.decision == Decision.DECLINED
    assert pending.decline_category == "needs_better_met_elsewhere"
    assert pending.decision_reason == "Supported elsewhere"
    body = client.get(reverse("referrals:detail", args=[pending.pk])).content.decode()
    assert "Supported elsewhere" in body
    assert "Needs better met by another service (statutory or specialist)" in body


def test_analyst_reads_but_cannot_decide(client, pending, personas):
    client.force_login(personas.analyst)
    body = client.get(reverse("referrals:detail", args=[pending.pk])).content.decode()
    assert "Accept and open a case" not in body
    assert client.post(reverse("referrals:accept", args=[pending.pk])).status_code == 403


def test_other_provider_gets_404_and_commissioner_403(client, pending, personas):
    client.force_login(personas.other_provider_caseworker)
    assert client.get(reverse("referrals:detail", args=[pending.pk])).status_code == 404
    client.force_login(personas.commissioner)
    assert client.get(reverse("referrals:detail", args=[pending.pk])).status_code == 403


def test_a_decline_posted_by_an_analyst_is_refused_and_changes_nothing(client, pending, personas):
    client.force_login(personas.analyst)
    url = reverse("referrals:decline", args=[pending.pk])
    assert client.post(url, {"category": "other", "reason": "Synthetic"}).status_code == 403
    pending.refresh_from_db()
    assert pending.decision == Decision.PENDING


def test_a_service_manager_accepting_leaves_the_case_unallocated_and_lands_on_it(
    client, pending, personas
):
    # a worker takes a case only with their team; a service manager has none there
    client.force_login(personas.service_manager)
    response = client.post(reverse("referrals:accept", args=[pending.pk]))
    case = Case.objects.get(referral=pending)
    assert (case.allocated_to, case.team) == (None, None)
    assert response.url == reverse("casework:detail", args=[case.pk])
