"""A new member of staff: set-up link -> password -> MFA set-up -> sign out -> sign in with a code."""

import re
import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.urls import reverse

from haven.accounts.roles import Role
from haven.accounts.services import staff_invite, user_email_verify
from haven.accounts.tests.test_login_and_mfa import current_code, sign_in
from haven.testing.factories import TEST_PASSWORD, UserFactory

NEW_PASSWORD = "plum-kettle-harbour-violet"


def code_at(secret: str, moment: float) -> str:
    return format_hotp_value(hotp_value(secret, int(moment // 30)))


# allauth announces a new authenticator once its transaction commits: commit for real here.
@pytest.mark.django_db(transaction=True)
def test_invited_staff_member_sets_password_then_mfa_then_signs_in_with_a_code(client, personas):
    invitation = staff_invite(
        email="new.worker@example.org",
        full_name="Nova Worker",
        role=Role.CASEWORKER,
        organisation=personas.organisation,
        team=personas.team,
        invited_by=personas.administrator,
        site_url="http://testserver",
    )
    user = invitation.user
    assert EmailAddress.objects.get(user=user).verified  # the administrator's act verifies it

    # The link leads to a page to choose a password.
    response = client.get(invitation.link.url.removeprefix("http://testserver"), follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302

    # First sign-in: password alone, then nothing but MFA set-up is open.
    sign_in(client, user, password=NEW_PASSWORD)
    # Opening "email addresses" first used to make MFA set-up impossible for good.
    assert client.get(reverse("account_email")).status_code == 302
    assert client.get(reverse("home"))["Location"] == reverse("mfa_activate_totp")
    page = client.get(reverse("mfa_activate_totp"))
    if page.status_code == 302:  # allauth asks for the password again first
        client.post(page["Location"], {"password": NEW_PASSWORD})
        page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    # The setup key is shown as a <code> element, not as escaped markup.
    html = page.content.decode()
    assert "&lt;code" not in html
    secret = re.search(r'<code class="haven-code">([A-Z2-7]+)</code>', html).group(1)
    response = client.post(reverse("mfa_activate_totp"), {"code": code_at(secret, time.time())})
    assert response.status_code == 302, page.content.decode()
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert client.get(reverse("home")).status_code == 200
    assert client.get(reverse("account_email")).status_code == 200

    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session

    # Second sign-in: password, then a code from the app.
    response = sign_in(client, user, password=NEW_PASSWORD)
    assert response["Location"] == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(user)})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200


def test_email_page_shows_the_address_and_adds_no_unverified_one(client, db):
    user = UserFactory(with_totp=False)
    user_email_verify(user=user)
    sign_in(client, user)
    client.post(reverse("account_email"), {"email": "other@example.org", "action_add": ""})
    assert list(EmailAddress.objects.filter(user=user).values_list("email", "verified")) == [
        (user.email, True)
    ]
    client.force_login(user)
    page = client.get(reverse("account_email"))
    assert user.email in page.content.decode()
    assert "administrator" in page.content.decode()


def test_a_user_without_mfa_reaches_only_the_set_up_pages(client, db):
    user = UserFactory(with_totp=False)
    sign_in(client, user)
    for name in ("home", "account_email", "account_change_password", "mfa_index"):
        response = client.get(reverse(name))
        assert response.status_code == 302, name
        assert response["Location"] == reverse("mfa_activate_totp"), name
    assert TEST_PASSWORD
