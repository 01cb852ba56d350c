"""The navigation item and the referral list's link reach team leaders and service managers of
a service taking referral files (seed 002 s3.6), not caseworkers."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_team_leaders_see_referral_imports_in_the_navigation_and_the_referral_list(
    client, personas, victim_first
):
    client.force_login(personas.team_leader)
    page = client.get(reverse("referrals:list")).content.decode()
    assert page.count(f'href="{reverse("referralimports:run_list")}"') == 2


def test_caseworkers_do_not(client, personas, victim_first):
    client.force_login(personas.caseworker)
    page = client.get(reverse("referrals:list")).content.decode()
    assert reverse("referralimports:run_list") not in page
