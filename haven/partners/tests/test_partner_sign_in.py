"""Partners sign in like staff (issue 14 item 6): password, then a TOTP code; one without a
second factor sets it up before anything else."""

import pytest
from django.urls import reverse

from haven.accounts.tests.test_login_and_mfa import current_code, sign_in
from haven.partners.services import partner_membership_grant
from haven.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_partner_signs_in_with_password_then_totp_code(client, police):
    user = UserFactory()
    partner_membership_grant(user=user, organisation=police, granted_by=None)
    response = sign_in(client, user)
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("partners:home")).status_code == 302  # not signed in yet
    client.post(reverse("mfa_authenticate"), {"code": current_code(user)})
    assert client.get(reverse("partners:home")).status_code == 200


def test_a_partner_without_a_second_factor_sets_it_up_first(client, police):
    user = UserFactory(with_totp=False)
    partner_membership_grant(user=user, organisation=police, granted_by=None)
    sign_in(client, user)
    response = client.get(reverse("partners:home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_a_member_of_staff_cannot_be_made_a_partner(personas, police):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        partner_membership_grant(user=personas.caseworker, organisation=police, granted_by=None)
