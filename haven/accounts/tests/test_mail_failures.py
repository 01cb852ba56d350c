"""Account mail never gives a 500: no mail configured or a refusing server is said plainly."""

import logging

import pytest
from allauth.account.adapter import get_adapter
from allauth.core import context as allauth_context
from django.contrib.messages import get_messages
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse

from haven.accounts.password_reset import RESET_NEEDS_MAIL
from haven.core.mail import MAIL_NOT_CONFIGURED, MAIL_NOT_SENT


class RefusingEmailBackend(BaseEmailBackend):
    """An SMTP server that is down: what Haven met in development before HAVEN_EMAIL_URL."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


REFUSING = {"default": {"BACKEND": "haven.accounts.tests.test_mail_failures.RefusingEmailBackend"}}
LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


def test_password_reset_without_mail_says_mail_is_not_configured(client, settings, personas):
    settings.HAVEN_EMAIL_CONFIGURED = False
    response = client.post(reverse("account_reset_password"), {"email": personas.caseworker.email})
    assert response.status_code == 200
    assert RESET_NEEDS_MAIL in response.content.decode()
    assert mail.outbox == []


def test_password_reset_sends_the_link_when_mail_is_configured(client, settings, personas):
    settings.HAVEN_EMAIL_CONFIGURED = True
    response = client.post(reverse("account_reset_password"), {"email": personas.caseworker.email})
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[personas.caseworker.email]]


def test_password_reset_when_the_mail_server_refuses_is_not_a_500(
    client, settings, personas, caplog
):
    settings.HAVEN_EMAIL_CONFIGURED = True
    settings.MAILERS = REFUSING
    with caplog.at_level(logging.ERROR, logger="haven.accounts.adapters"):
        response = client.post(
            reverse("account_reset_password"), {"email": personas.caseworker.email}, follow=True
        )
    assert response.status_code == 200
    assert MAIL_NOT_SENT in [str(m) for m in get_messages(response.wsgi_request)]
    assert "ConnectionRefusedError" in caplog.text
    assert personas.caseworker.email not in caplog.text


@pytest.mark.parametrize(
    ("configured", "backend", "message"),
    [(False, LOCMEM, MAIL_NOT_CONFIGURED), (True, REFUSING, MAIL_NOT_SENT)],
)
def test_account_adapter_send_mail_tells_the_user_instead_of_raising(
    rf, settings, personas, configured, backend, message
):
    from django.contrib.messages.storage.fallback import FallbackStorage

    settings.HAVEN_EMAIL_CONFIGURED = configured
    settings.MAILERS = backend
    request = rf.get("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    with allauth_context.request_context(request):
        get_adapter(request).send_mail(
            "account/email/password_reset_key",
            personas.caseworker.email,
            {"user": personas.caseworker, "password_reset_url": "https://haven.example.org/r/"},
        )
    assert [str(m) for m in request._messages] == [message]
    assert mail.outbox == []
