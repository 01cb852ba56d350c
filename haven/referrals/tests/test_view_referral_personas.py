"""Referral pages once a case is open follow the case's scope: team, outsider, named staff on a
restricted case, commissioner; and nobody can decide a referral twice."""

import pytest
from django.urls import reverse

from haven.casework.models import CaseAccess

pytestmark = pytest.mark.django_db


def detail(client, user, referral):
    client.force_login(user)
    return client.get(reverse("referrals:detail", args=[referral.pk])).status_code


def test_the_team_sees_the_referral_behind_its_case(client, team_case, personas):
    assert detail(client, personas.caseworker, team_case.referral) == 200
    assert detail(client, personas.teammate, team_case.referral) == 200


def test_a_caseworker_in_another_team_does_not(client, team_case, personas):
    assert detail(client, personas.outsider, team_case.referral) == 404
    assert detail(client, personas.other_provider_caseworker, team_case.referral) == 404


def test_a_commissioner_is_refused(client, team_case, personas):
    assert detail(client, personas.commissioner, team_case.referral) == 403


def test_on_a_restricted_case_only_named_staff_see_the_referral(client, team_case, personas):
    team_case.is_restricted = True
    team_case.save()
    CaseAccess.objects.create(case=team_case, user=personas.outsider)
    assert detail(client, personas.outsider, team_case.referral) == 200
    # others in the case's scope are asked for a reason, as on the case page
    assert detail(client, personas.teammate, team_case.referral) == 302


def test_an_accepted_referral_cannot_be_accepted_or_declined_again(client, team_case, personas):
    client.force_login(personas.caseworker)
    referral = team_case.referral
    response = client.post(reverse("referrals:accept", args=[referral.pk]), follow=True)
    assert "already been decided" in response.content.decode()
    client.post(
        reverse("referrals:decline", args=[referral.pk]),
        {"category": "other", "reason": "Synthetic"},
    )
    referral.refresh_from_db()
    assert referral.decision == "accepted"
