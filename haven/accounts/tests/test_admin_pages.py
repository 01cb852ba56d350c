"""The Django admin: its add and change pages render, and only MFA-verified superusers reach it."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.urls import reverse

from haven.accounts.tests.test_login_and_mfa import current_code, sign_in
from haven.testing.factories import TEST_PASSWORD, UserFactory


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)  # force_login stands for password and code (conftest)
    return client


def _pages(personas, superuser):
    group = Group.objects.create(name="Synthetic group")
    authenticator = Authenticator.objects.get(user=superuser, type=Authenticator.Type.TOTP)
    return [
        reverse("admin:accounts_user_add"),
        reverse("admin:accounts_user_change", args=[personas.caseworker.pk]),
        reverse("admin:accounts_team_add"),
        reverse("admin:accounts_team_change", args=[personas.team.pk]),
        reverse("admin:auth_group_add"),
        reverse("admin:auth_group_change", args=[group.pk]),
        reverse("admin:contracts_contract_change", args=[personas.contract.pk]),
        reverse("admin:contracts_organisation_add"),
        reverse("admin:contracts_commissioner_add"),
        reverse("admin:mfa_authenticator_change", args=[authenticator.pk]),
    ]


def test_admin_add_and_change_pages_render_for_a_superuser(admin_client, personas, superuser):
    for path in _pages(personas, superuser):
        response = admin_client.get(path)
        assert response.status_code == 200, path


def test_admin_login_form_never_signs_anyone_in(client, personas, superuser):
    # The admin's own form checks a password alone: posting to it must not sign in.
    for user in (superuser, personas.caseworker):
        response = client.post("/admin/login/", {"username": user.email, "password": TEST_PASSWORD})
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
        assert "_auth_user_id" not in client.session
        for path in ("/", "/contracts/", "/admin/", reverse("admin:accounts_user_changelist")):
            page = client.get(path)
            assert page.status_code == 302, path
            assert "account_login" not in page["Location"]
            assert page["Location"].startswith(
                (reverse("account_login"), reverse("admin:login"))
            ), path


def test_password_only_session_of_a_user_with_totp_is_signed_out(client, personas, superuser):
    # Whatever path signed a session in with a password alone, it opens nothing.
    password_only = "django.contrib.auth.backends.ModelBackend"
    client._login(superuser, password_only)  # Django's login() without the code step
    assert "_auth_user_id" in client.session
    for path in ("/", "/admin/", "/contracts/", reverse("account_change_password")):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == reverse("account_login")
        assert "_auth_user_id" not in client.session
        client._login(superuser, password_only)


def test_superuser_reaches_the_admin_after_password_and_code(client, superuser):
    response = client.get("/admin/")
    login_page = client.get(response["Location"], follow=True)
    assert login_page.redirect_chain[-1][0].startswith(reverse("account_login"))
    sign_in(client, superuser)
    response = client.post(
        reverse("mfa_authenticate") + "?next=/admin/", {"code": current_code(superuser)}
    )
    assert client.get("/admin/").status_code == 200


def test_admin_is_closed_to_staff_who_are_not_superusers(client, personas):
    personas.administrator.is_staff = True
    personas.administrator.save()
    client.force_login(personas.administrator)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert client.get(response["Location"])["Location"] == reverse("home")
