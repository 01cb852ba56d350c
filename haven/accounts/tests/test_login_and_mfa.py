"""Persona tests: staff sign in with email and password, then a TOTP code; MFA is required."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from allauth.mfa.utils import decrypt
from django.urls import reverse

from haven.core.models import AuditAction, AuditEvent
from haven.testing.factories import TEST_PASSWORD, UserFactory


def current_code(user):
    secret = decrypt(
        Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"]
    )
    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret, counter))


def sign_in(client, user, password=TEST_PASSWORD):
    return client.post(reverse("account_login"), {"login": user.email, "password": password})


def test_staff_member_signs_in_with_password_then_totp_code(client, personas):
    user = personas.caseworker
    response = sign_in(client, user)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session  # not signed in until the second factor

    response = client.post(reverse("mfa_authenticate"), {"code": current_code(user)})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN, actor=user).exists()


def test_wrong_totp_code_does_not_sign_in(client, personas):
    sign_in(client, personas.caseworker)
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_email_login_ignores_case(client, personas):
    response = client.post(
        reverse("account_login"),
        {"login": personas.caseworker.email.upper(), "password": TEST_PASSWORD},
    )
    assert response["Location"] == reverse("mfa_authenticate")


def test_wrong_password_is_refused_with_an_error_and_audited(client, personas):
    response = sign_in(client, personas.caseworker, password="not-the-password")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN_FAILED).exists()


def test_staff_without_mfa_must_set_it_up_before_anything_else(client, db):
    user = UserFactory(with_totp=False)
    sign_in(client, user)  # password only: this user has no second factor yet
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # allauth asks for the password again before a second factor is added.
    response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    response = client.post(response["Location"], {"password": TEST_PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    assert "Set up two-factor authentication" in page.content.decode()
    assert (
        client.get(reverse("contracts:list")).status_code == 302
    )  # still nothing else until it is set up


def test_demo_mode_does_not_require_mfa(client, db, settings):
    settings.HAVEN_MFA_REQUIRED = False
    user = UserFactory(with_totp=False)
    client.force_login(user)
    assert client.get(reverse("home")).status_code == 200


def test_account_is_locked_after_repeated_failures(client, personas, settings):
    user = personas.caseworker
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, user, password="wrong-password")
    response = sign_in(client, user)  # the right password no longer works
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "locked" in response.content.decode().lower()
    assert AuditEvent.objects.filter(action=AuditAction.LOCKED_OUT).exists()


def test_lockout_of_one_account_does_not_lock_another(client, personas, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, personas.caseworker, password="wrong-password")
    response = sign_in(client, personas.teammate)
    assert response["Location"] == reverse("mfa_authenticate")


def test_self_sign_up_is_closed(client, db):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "new@example.org",
            "password1": "a-long-password-123",
            "password2": "a-long-password-123",
        },
    )
    from haven.accounts.models import User

    assert not User.objects.filter(email="new@example.org").exists()
    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/", "/contracts/", "/audit/"])
def test_anonymous_visitors_are_sent_to_sign_in(client, db, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_staff_cannot_turn_off_their_own_two_factor_authentication(client, personas):
    user = personas.caseworker
    client.force_login(user)
    response = client.post(reverse("mfa_deactivate_totp"))
    if response.status_code == 302 and "reauthenticate" in response["Location"]:
        client.post(response["Location"], {"password": TEST_PASSWORD})  # allauth asks again
        response = client.post(reverse("mfa_deactivate_totp"))
    assert response.status_code == 200
    assert "You cannot deactivate two-factor authentication" in response.content.decode()
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
