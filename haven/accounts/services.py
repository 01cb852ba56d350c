"""Writes to staff accounts and memberships; every one is audited."""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.models import Authenticator
from django.contrib.sessions.models import Session
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from haven.accounts.models import Membership, Team, User
from haven.accounts.roles import Role
from haven.accounts.rules import may_manage_organisation, may_manage_staff_member
from haven.core.auditor import audit_event
from haven.core.mail import mail_configured
from haven.core.models import AuditAction

if TYPE_CHECKING:
    from haven.contracts.models import Organisation

logger = logging.getLogger(__name__)


class StaffChangeRefusedError(Exception):
    """A change to a staff account that the rules refuse: ``problems`` maps field to message."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(f"{field}: {problem}" for field, problem in problems.items()))
        self.problems = problems


@transaction.atomic
def user_create(
    *,
    email: str,
    full_name: str,
    password: str | None,
    created_by: User | None,
    is_staff: bool = False,
) -> User:
    """Create a staff account (administrators only; there is no self sign-up)."""
    user = User.objects.create_user(
        email=email, password=password, full_name=full_name, is_staff=is_staff
    )
    user_email_verify(user=user)
    audit_event(
        actor=created_by,
        action=AuditAction.CREATE,
        target=user,
        changes={
            "email": [None, user.email],
            "full_name": [None, full_name],
            "password": [None, "set"],
        },
    )
    return user


@transaction.atomic
def membership_grant(
    *,
    user: User,
    role: Role,
    granted_by: User | None,
    organisation: Any = None,
    team: Team | None = None,
    commissioner: Any = None,
    reason: str = "",
) -> Membership:
    """Give a user a role in an organisation/team, or as a commissioner (idempotent)."""
    if team is not None and organisation is None:
        organisation = team.organisation
    membership, created = Membership.objects.get_or_create(
        user=user, role=role, organisation=organisation, team=team, commissioner=commissioner
    )
    if created:
        audit_event(
            actor=granted_by,
            action=AuditAction.PERMISSION_GRANTED,
            target=user,
            changes={
                "role": [None, str(role)],
                "scope": [None, str(team or organisation or commissioner)],
            },
            reason=reason,
        )
    return membership


@transaction.atomic
def membership_revoke(*, membership: Membership, revoked_by: User, reason: str) -> None:
    audit_event(
        actor=revoked_by,
        action=AuditAction.PERMISSION_REVOKED,
        target=membership.user,
        changes={"role": [membership.role, None]},
        reason=reason,
    )
    membership.delete()


def user_email_verify(*, user: User) -> None:
    """Staff addresses are set by an administrator, which verifies them: the user's address is
    their one primary, verified ``EmailAddress`` (allauth refuses to set up two-factor
    authentication while any address is unverified)."""
    EmailAddress.objects.filter(user=user).exclude(email__iexact=user.email).delete()
    address = EmailAddress.objects.filter(user=user, email__iexact=user.email).first()
    if address is None:
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    elif not (address.verified and address.primary):
        address.verified = True
        address.primary = True
        address.save(update_fields=["verified", "primary"])


@dataclass(frozen=True)
class SetupLink:
    """A one-time link for a member of staff to choose their password."""

    url: str
    emailed: bool


def _refuse_unless(allowed: bool, field: str, problem: str) -> None:
    if not allowed:
        raise StaffChangeRefusedError({field: problem})


def _setup_link(*, user: User, site_url: str, sent_by: Any) -> SetupLink:
    """Make a password set-up link (allauth's password reset key) and email it when Haven can."""
    token = default_token_generator.make_token(user)
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": token},
    )
    url = site_url.rstrip("/") + path
    emailed = False
    if mail_configured():
        try:
            send_mail(
                subject="Set up your Haven account",
                message=(
                    f"{sent_by} has given you an account on Haven.\n\n"
                    f"Choose your password here (the link works once):\n{url}\n\n"
                    "You will then set up an authenticator app on your work phone."
                ),
                from_email=None,
                recipient_list=[user.email],
            )
            emailed = True
        except (OSError, smtplib.SMTPException):
            # The link is shown to the administrator instead; the failure carries no address.
            logger.warning("set-up email could not be sent", exc_info=True)
    return SetupLink(url=url, emailed=emailed)


@dataclass(frozen=True)
class StaffInvitation:
    user: User
    link: SetupLink


@transaction.atomic
def staff_invite(
    *,
    email: str,
    full_name: str,
    role: Role,
    organisation: Organisation,
    team: Team | None,
    invited_by: Any,
    site_url: str,
) -> StaffInvitation:
    """Create a member of staff (no password yet, email verified by this act), give them a
    role, and send (or return) a link to choose their password."""
    _refuse_unless(
        may_manage_organisation(invited_by, organisation.pk),
        "organisation",
        "You can only invite staff to an organisation you administer",
    )
    _refuse_unless(role != Role.COMMISSIONER, "role", "Choose a staff role")
    _refuse_unless(
        team is None or team.organisation_id == organisation.pk,
        "team",
        "Choose a team in the organisation",
    )
    if User.objects.filter(email__iexact=email.strip()).exists():
        raise StaffChangeRefusedError({"email": "Someone already has an account with this email"})
    user = user_create(
        email=email.strip(), full_name=full_name.strip(), password=None, created_by=invited_by
    )
    membership_grant(
        user=user,
        role=role,
        organisation=organisation,
        team=team,
        granted_by=invited_by,
        reason="invited",
    )
    link = _setup_link(user=user, site_url=site_url, sent_by=invited_by)
    return StaffInvitation(user=user, link=link)


@transaction.atomic
def staff_setup_link_send(*, user: User, sent_by: Any, site_url: str) -> SetupLink:
    """A new set-up link for someone who lost theirs (or whose email never arrived)."""
    _refuse_unless(
        may_manage_staff_member(sent_by, user), "user", "You cannot manage this person's account"
    )
    _refuse_unless(user.is_active, "user", "Reactivate the account first")
    audit_event(
        actor=sent_by,
        action=AuditAction.UPDATE,
        target=user,
        changes={"setup_link": [None, "sent"]},
    )
    return _setup_link(user=user, site_url=site_url, sent_by=sent_by)


@transaction.atomic
def staff_role_grant(
    *,
    user: User,
    role: Role,
    organisation: Organisation,
    team: Team | None,
    granted_by: Any,
) -> Membership:
    """Give a member of staff a role in a team (or organisation-wide) the actor administers."""
    _refuse_unless(
        may_manage_organisation(granted_by, organisation.pk),
        "team",
        "Choose a team in an organisation you administer",
    )
    _refuse_unless(role != Role.COMMISSIONER, "role", "Choose a staff role")
    _refuse_unless(user.is_active, "role", "Reactivate the account before giving it a role")
    _refuse_unless(
        team is None or team.organisation_id == organisation.pk,
        "team",
        "Choose a team in the organisation",
    )
    exists = Membership.objects.filter(user=user, role=role, organisation=organisation, team=team)
    _refuse_unless(not exists.exists(), "role", "They already have this role there")
    return membership_grant(
        user=user, role=role, organisation=organisation, team=team, granted_by=granted_by
    )


@transaction.atomic
def staff_role_remove(*, membership: Membership, removed_by: Any, reason: str) -> None:
    """Take a role away; administrators cannot remove their own administrator role."""
    _refuse_unless(
        may_manage_organisation(removed_by, membership.organisation_id),
        "membership",
        "You can only change roles in an organisation you administer",
    )
    _refuse_unless(
        not (membership.user_id == removed_by.pk and membership.role == Role.ADMINISTRATOR),
        "membership",
        "You cannot remove your own administrator role: ask another administrator",
    )
    _refuse_unless(bool(reason.strip()), "reason", "Enter why the role is removed")
    membership_revoke(membership=membership, revoked_by=removed_by, reason=reason.strip())


@transaction.atomic
def staff_team_move(*, membership: Membership, team: Team, moved_by: Any, reason: str) -> None:
    """Move a role to another team of the same organisation."""
    _refuse_unless(
        may_manage_organisation(moved_by, membership.organisation_id),
        "team",
        "You can only change roles in an organisation you administer",
    )
    _refuse_unless(
        team.organisation_id == membership.organisation_id,
        "team",
        "Choose a team in the same organisation",
    )
    _refuse_unless(team.pk != membership.team_id, "team", "They are already in this team")
    clash = Membership.objects.filter(user=membership.user, role=membership.role, team=team)
    _refuse_unless(not clash.exists(), "team", "They already have this role in that team")
    before = str(membership.team or "whole organisation")
    membership.team = team
    membership.save(update_fields=["team", "updated_at"])
    audit_event(
        actor=moved_by,
        action=AuditAction.PERMISSION_GRANTED,
        target=membership.user,
        changes={"role": [membership.role, membership.role], "team": [before, str(team)]},
        reason=reason.strip(),
    )


def _end_sessions(user: User) -> int:
    """Delete every live session of ``user``, so they are signed out at once everywhere."""
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()
            ended += 1
    return ended


@transaction.atomic
def staff_deactivate(*, user: User, deactivated_by: Any, reason: str) -> None:
    """Stop someone using Haven: they are signed out now; their records and audit stay."""
    _refuse_unless(
        may_manage_staff_member(deactivated_by, user),
        "user",
        "You cannot manage this person's account",
    )
    _refuse_unless(user.pk != deactivated_by.pk, "user", "You cannot deactivate yourself")
    _refuse_unless(user.is_active, "user", "The account is already deactivated")
    _refuse_unless(bool(reason.strip()), "reason", "Enter why the account is deactivated")
    user.is_active = False
    user.save(update_fields=["is_active"])
    ended = _end_sessions(user)
    audit_event(
        actor=deactivated_by,
        action=AuditAction.UPDATE,
        target=user,
        changes={"is_active": [True, False], "sessions_ended": [None, ended]},
        reason=reason.strip(),
    )


@transaction.atomic
def staff_reactivate(*, user: User, reactivated_by: Any, reason: str) -> None:
    _refuse_unless(
        may_manage_staff_member(reactivated_by, user),
        "user",
        "You cannot manage this person's account",
    )
    _refuse_unless(not user.is_active, "user", "The account is already active")
    _refuse_unless(bool(reason.strip()), "reason", "Enter why the account is reactivated")
    user.is_active = True
    user.save(update_fields=["is_active"])
    audit_event(
        actor=reactivated_by,
        action=AuditAction.UPDATE,
        target=user,
        changes={"is_active": [False, True]},
        reason=reason.strip(),
    )


@transaction.atomic
def staff_mfa_reset(*, user: User, reset_by: Any, reason: str) -> None:
    """Remove someone's authenticator app and recovery codes (a lost phone): they set up a new
    one at their next sign-in. Their sessions end now."""
    _refuse_unless(
        may_manage_staff_member(reset_by, user), "user", "You cannot manage this person's account"
    )
    _refuse_unless(user.pk != reset_by.pk, "user", "Ask another administrator to reset yours")
    _refuse_unless(bool(reason.strip()), "reason", "Enter why two-factor authentication is reset")
    removed = sorted(Authenticator.objects.filter(user=user).values_list("type", flat=True))
    _refuse_unless(bool(removed), "user", "They have not set up two-factor authentication")
    Authenticator.objects.filter(user=user).delete()
    ended = _end_sessions(user)
    audit_event(
        actor=reset_by,
        action=AuditAction.MFA_DEACTIVATED,
        target=user,
        changes={"mfa_type": [removed, None], "sessions_ended": [None, ended]},
        reason=reason.strip(),
    )


@transaction.atomic
def staff_details_update(*, user: User, full_name: str, email: str, changed_by: Any) -> User:
    """Change someone's name or sign-in address; the address is verified by this act."""
    _refuse_unless(
        may_manage_staff_member(changed_by, user), "user", "You cannot manage this person's account"
    )
    email, full_name = email.strip().lower(), full_name.strip()
    _refuse_unless(bool(full_name), "full_name", "Enter full name")
    taken = User.objects.filter(email__iexact=email).exclude(pk=user.pk).exists()
    _refuse_unless(not taken, "email", "Someone already has an account with this email")
    changes = {
        field: [old, new]
        for field, old, new in (
            ("full_name", user.full_name, full_name),
            ("email", user.email, email),
        )
        if old != new
    }
    if not changes:
        return user
    user.full_name, user.email = full_name, email
    user.save(update_fields=["full_name", "email"])
    user_email_verify(user=user)
    audit_event(actor=changed_by, action=AuditAction.UPDATE, target=user, changes=changes)
    return user
