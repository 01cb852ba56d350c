"""Password reset: refused with a plain message when Haven has no way to send the reset link."""

from __future__ import annotations

from typing import Any

from allauth.account.forms import ResetPasswordForm

from haven.core.mail import mail_configured

RESET_NEEDS_MAIL = (
    "Mail is not configured, so Haven cannot send you a reset link. "
    "Ask your administrator to reset your password."
)


class StaffResetPasswordForm(ResetPasswordForm):  # type: ignore[misc]  # allauth is untyped
    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()
        if not mail_configured():
            self.add_error("email", RESET_NEEDS_MAIL)
        return cleaned
