"""Audit sign-ins, sign-outs, failures, lockouts and MFA changes (the system cannot see them otherwise)."""

from __future__ import annotations

from typing import Any

from allauth.account.signals import authentication_step_completed
from allauth.mfa.signals import authenticator_added, authenticator_removed
from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from haven.accounts.models import User
from haven.core.auditor import audit_event
from haven.core.middleware import mark_mfa_passed
from haven.core.models import AuditAction


@receiver(user_logged_in)
def _logged_in(sender: Any, request: Any, user: User, **kwargs: Any) -> None:
    audit_event(actor=user, action=AuditAction.LOGIN, target=user)


@receiver(user_logged_out)
def _logged_out(sender: Any, request: Any, user: User, **kwargs: Any) -> None:
    if user is not None:
        audit_event(actor=user, action=AuditAction.LOGOUT, target=user)


@receiver(user_login_failed)
def _login_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
) -> None:
    # The attempted email is not recorded: it may be mistyped personal data.
    audit_event(actor=None, action=AuditAction.LOGIN_FAILED, object_type="accounts.user")


@receiver(user_locked_out)
def _locked_out(sender: Any, request: Any = None, **kwargs: Any) -> None:
    audit_event(actor=None, action=AuditAction.LOCKED_OUT, object_type="accounts.user")


@receiver(authentication_step_completed)
def _step_completed(sender: Any, request: Any, user: User, method: str, **kwargs: Any) -> None:
    """A TOTP or recovery code entered (at sign-in or to confirm it is you) passes MFA."""
    if method == "mfa" and request is not None:
        mark_mfa_passed(request, user)


@receiver(authenticator_added)
def _mfa_added(sender: Any, request: Any, user: User, authenticator: Any, **kwargs: Any) -> None:
    if request is not None and authenticator.type == "totp":
        mark_mfa_passed(request, user)  # setting it up took a code from the app
    audit_event(
        actor=user,
        action=AuditAction.MFA_ACTIVATED,
        target=user,
        changes={"mfa_type": [None, authenticator.type]},
    )


@receiver(authenticator_removed)
def _mfa_removed(sender: Any, request: Any, user: User, authenticator: Any, **kwargs: Any) -> None:
    audit_event(
        actor=user,
        action=AuditAction.MFA_DEACTIVATED,
        target=user,
        changes={"mfa_type": [authenticator.type, None]},
    )
