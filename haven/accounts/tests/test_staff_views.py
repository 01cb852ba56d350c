"""Manage staff: administrators of an organisation manage its staff; nobody else can."""

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.test import Client
from django.urls import reverse

from haven.accounts.models import Membership, User
from haven.accounts.roles import Role
from haven.core.models import AuditAction, AuditEvent


@pytest.fixture
def admin_client(client, personas):
    client.force_login(personas.administrator)
    return client


def _member_pages(member, membership):
    return [
        reverse("staff:detail", args=[member.pk]),
        reverse("staff:details_edit", args=[member.pk]),
        reverse("staff:profile_edit", args=[member.pk]),
        reverse("staff:role_add", args=[member.pk]),
        reverse("staff:role_remove", args=[member.pk, membership.pk]),
        reverse("staff:team_move", args=[member.pk, membership.pk]),
        reverse("staff:deactivate", args=[member.pk]),
        reverse("staff:reactivate", args=[member.pk]),
        reverse("staff:mfa_reset", args=[member.pk]),
        reverse("staff:setup_link", args=[member.pk]),
    ]


@pytest.fixture(autouse=True)
def _mail_not_configured(settings):
    """Tests here start without a mail server (development writes mail to a folder instead)."""
    settings.HAVEN_EMAIL_CONFIGURED = False


def test_administrator_sees_their_organisations_staff_with_roles_and_mfa(admin_client, personas):
    page = admin_client.get(reverse("staff:list"))
    assert page.status_code == 200
    html = page.content.decode()
    assert personas.caseworker.email in html
    assert "Caseworker, Outreach" in html
    assert "Set up" in html
    assert "Never" in html
    assert personas.other_provider_caseworker.email not in html  # another organisation
    assert personas.commissioner.email not in html
    assert 'href="/staff/"' in admin_client.get(reverse("home")).content.decode()


@pytest.mark.parametrize(
    "persona", ["caseworker", "team_leader", "service_manager", "auditor", "commissioner"]
)
def test_only_administrators_reach_manage_staff(client, personas, persona):
    user = getattr(personas, persona)
    client.force_login(user)
    membership = personas.teammate.memberships.get()
    for path in [
        reverse("staff:list"),
        reverse("staff:invite"),
        *_member_pages(personas.teammate, membership),
    ]:
        assert client.get(path).status_code == 403, path
        assert client.post(path, {"reason": "x"}).status_code == 403, path
    assert 'href="/staff/"' not in client.get(reverse("home")).content.decode()


def test_administrator_cannot_manage_staff_of_another_organisation(admin_client, personas):
    outsider = personas.other_provider_caseworker
    membership = outsider.memberships.get()
    for path in _member_pages(outsider, membership):
        assert admin_client.get(path).status_code == 404, path
        assert admin_client.post(path, {"reason": "x", "team": ""}).status_code == 404, path
    outsider.refresh_from_db()
    assert outsider.is_active
    assert Authenticator.objects.filter(user=outsider).exists()


def test_invite_shows_the_set_up_link_when_mail_is_not_configured(admin_client, personas):
    response = admin_client.post(
        reverse("staff:invite"),
        {
            "full_name": "Ivy Newcomer",
            "email": "ivy.newcomer@example.org",
            "role": Role.CASEWORKER,
            "place": f"team:{personas.team.pk}",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mail is not configured" in html
    assert "/accounts/password/reset/key/" in html
    user = User.objects.get(email="ivy.newcomer@example.org")
    assert not user.has_usable_password()
    assert user.memberships.get().team == personas.team
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(user.pk)).exists()
    assert mail.outbox == []


def test_invite_emails_the_link_when_mail_is_configured(admin_client, personas, settings):
    settings.HAVEN_EMAIL_CONFIGURED = True
    response = admin_client.post(
        reverse("staff:invite"),
        {
            "full_name": "Ivy Newcomer",
            "email": "ivy.newcomer@example.org",
            "role": Role.CASEWORKER,
            "place": f"team:{personas.team.pk}",
        },
    )
    html = response.content.decode()
    assert "We have emailed a set-up link" in html
    assert "/accounts/password/reset/key/" not in html
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_invite_refuses_a_used_email_and_bad_input_without_saving(admin_client, personas):
    before = User.objects.count()
    response = admin_client.post(
        reverse("staff:invite"),
        {
            "full_name": "Someone",
            "email": personas.caseworker.email.upper(),
            "role": Role.CASEWORKER,
            "place": f"team:{personas.team.pk}",
        },
    )
    assert response.status_code == 200
    assert "Someone already has an account with this email" in response.content.decode()
    response = admin_client.post(
        reverse("staff:invite"),
        {"full_name": "", "email": "not-an-email", "role": "commissioner", "place": "team:x"},
    )
    html = response.content.decode()
    assert "Enter full name" in html
    assert "Enter an email address in the correct format" in html
    assert User.objects.count() == before


def test_deactivate_signs_the_person_out_at_once_and_keeps_their_records(admin_client, personas):
    member = personas.caseworker
    their_browser = Client()
    their_browser.force_login(member)
    assert their_browser.get(reverse("home")).status_code == 200

    response = admin_client.post(reverse("staff:deactivate", args=[member.pk]), {"reason": ""})
    assert "Enter the reason" in response.content.decode()
    member.refresh_from_db()
    assert member.is_active

    response = admin_client.post(
        reverse("staff:deactivate", args=[member.pk]), {"reason": "Left the service"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert not member.is_active
    assert member.memberships.exists()  # records stay
    assert their_browser.get(reverse("home")).status_code == 302
    event = AuditEvent.objects.get(
        action=AuditAction.UPDATE, object_id=str(member.pk), reason="Left the service"
    )
    assert event.changes["is_active"] == [True, False]
    assert event.changes["sessions_ended"] == [None, 1]

    admin_client.post(reverse("staff:reactivate", args=[member.pk]), {"reason": "Came back"})
    member.refresh_from_db()
    assert member.is_active


def test_administrator_cannot_deactivate_themselves(admin_client, personas):
    me = personas.administrator
    response = admin_client.post(reverse("staff:deactivate", args=[me.pk]), {"reason": "test"})
    assert "You cannot deactivate yourself" in response.content.decode()
    me.refresh_from_db()
    assert me.is_active


def test_mfa_reset_removes_the_authenticator_with_an_audited_reason(admin_client, personas):
    member = personas.teammate
    response = admin_client.post(reverse("staff:mfa_reset", args=[member.pk]), {"reason": " "})
    assert "Enter the reason" in response.content.decode()
    assert Authenticator.objects.filter(user=member).exists()

    admin_client.post(reverse("staff:mfa_reset", args=[member.pk]), {"reason": "Lost phone"})
    assert not Authenticator.objects.filter(user=member).exists()
    event = AuditEvent.objects.get(action=AuditAction.MFA_DEACTIVATED, object_id=str(member.pk))
    assert event.reason == "Lost phone"
    assert event.actor == personas.administrator


def test_roles_are_added_moved_and_removed_per_team(admin_client, personas):
    member = personas.teammate
    admin_client.post(
        reverse("staff:role_add", args=[member.pk]),
        {"role": Role.TEAM_LEADER, "place": f"team:{personas.other_team.pk}"},
    )
    leader = Membership.objects.get(user=member, role=Role.TEAM_LEADER)
    assert leader.team == personas.other_team

    caseworker = Membership.objects.get(user=member, role=Role.CASEWORKER)
    admin_client.post(
        reverse("staff:team_move", args=[member.pk, caseworker.pk]),
        {"team": str(personas.other_team.pk), "reason": "Moved to refuge"},
    )
    caseworker.refresh_from_db()
    assert caseworker.team == personas.other_team

    admin_client.post(
        reverse("staff:role_remove", args=[member.pk, leader.pk]), {"reason": "Acting up ended"}
    )
    assert not Membership.objects.filter(pk=leader.pk).exists()
    assert AuditEvent.objects.filter(
        action=AuditAction.PERMISSION_REVOKED, object_id=str(member.pk), reason="Acting up ended"
    ).exists()


def test_a_role_cannot_be_given_in_another_organisations_team(admin_client, personas):
    from haven.testing.factories import TeamFactory

    foreign_team = TeamFactory(organisation=personas.other_organisation)
    response = admin_client.post(
        reverse("staff:role_add", args=[personas.teammate.pk]),
        {"role": Role.TEAM_LEADER, "place": f"team:{foreign_team.pk}"},
    )
    assert response.status_code == 200
    assert "<title>Error:" in response.content.decode()
    assert not Membership.objects.filter(team=foreign_team).exists()


def test_administrator_cannot_remove_their_own_administrator_role(admin_client, personas):
    me = personas.administrator
    membership = me.memberships.get(role=Role.ADMINISTRATOR)
    response = admin_client.post(
        reverse("staff:role_remove", args=[me.pk, membership.pk]), {"reason": "oops"}
    )
    assert "You cannot remove your own administrator role" in response.content.decode()
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_administrator_changes_an_email_address_and_it_is_verified(admin_client, personas):
    from allauth.account.models import EmailAddress

    member = personas.teammate
    response = admin_client.post(
        reverse("staff:details_edit", args=[member.pk]),
        {"full_name": member.full_name, "email": personas.caseworker.email},
    )
    assert "Someone already has an account with this email" in response.content.decode()
    admin_client.post(
        reverse("staff:details_edit", args=[member.pk]),
        {"full_name": "Renamed Person", "email": "Renamed.Person@example.org"},
    )
    member.refresh_from_db()
    assert member.email == "renamed.person@example.org"
    assert member.full_name == "Renamed Person"
    assert list(EmailAddress.objects.filter(user=member).values_list("email", "verified")) == [
        ("renamed.person@example.org", True)
    ]
    event = AuditEvent.objects.filter(action=AuditAction.UPDATE, object_id=str(member.pk)).last()
    assert event.changes["email"][1] == "renamed.person@example.org"


def test_a_new_set_up_link_is_shown_and_audited(admin_client, personas):
    member = personas.teammate
    response = admin_client.post(reverse("staff:setup_link", args=[member.pk]))
    assert "/accounts/password/reset/key/" in response.content.decode()
    assert AuditEvent.objects.filter(
        action=AuditAction.UPDATE, object_id=str(member.pk), changes__setup_link=[None, "sent"]
    ).exists()
