"""Mail settings: HAVEN_EMAIL_URL parsed with clear errors; without it, a folder or nothing."""

import logging

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage

from haven.core.mail import FolderEmailBackend, NotConfiguredEmailBackend, mail_configured
from haven.settings import smtp_settings_from_url


def test_smtp_url_with_starttls_gives_host_port_user_and_password():
    smtp = smtp_settings_from_url(
        "HAVEN_EMAIL_URL", "smtp://haven%40example.org:p%40ss%2Fword@mail.example.org:587?tls=1"
    )
    assert (smtp.host, smtp.port, smtp.user, smtp.password) == (
        "mail.example.org",
        587,
        "haven@example.org",
        "p@ss/word",
    )
    assert (smtp.use_tls, smtp.use_ssl, smtp.timeout) == (True, False, 10)


def test_smtps_url_uses_implicit_tls_on_port_465():
    smtp = smtp_settings_from_url("HAVEN_EMAIL_URL", "smtps://user:pw@mail.example.org")
    assert (smtp.port, smtp.use_ssl, smtp.use_tls) == (465, True, False)


def test_plain_smtp_url_without_credentials_uses_port_25():
    smtp = smtp_settings_from_url("HAVEN_EMAIL_URL", "smtp://127.0.0.1?timeout=3")
    assert (smtp.host, smtp.port, smtp.user, smtp.timeout) == ("127.0.0.1", 25, "", 3)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://user:hunter2secret@mail.example.org", "smtp://"),
        ("smtp://user:hunter2secret@:587", "no mail server host"),
        ("smtp://user:hunter2secret@mail.example.org?tls=1&ssl=1", "exclude each other"),
        ("smtp://user:hunter2secret@mail.example.org?tls=maybe", "tls= expects 1 or 0"),
        ("smtp://user:hunter2secret@mail.example.org?starttls=1", "unknown option(s) starttls"),
        ("smtp://user:hunter2secret@mail.example.org:25x", "whole numbers"),
    ],
)
def test_bad_email_url_names_the_variable_and_never_repeats_the_password(url, reason):
    with pytest.raises(ImproperlyConfigured) as error:
        smtp_settings_from_url("HAVEN_EMAIL_URL", url)
    assert str(error.value).startswith("HAVEN_EMAIL_URL: ")
    assert reason in str(error.value)
    assert "hunter2secret" not in str(error.value)


def test_development_without_an_email_url_writes_mail_to_a_folder_and_logs_where(tmp_path, caplog):
    backend = FolderEmailBackend(alias="default", file_path=str(tmp_path))
    with caplog.at_level(logging.INFO, logger="haven.core.mail"):
        sent = backend.send_messages([EmailMessage("Subject", "Body", to=["a@example.org"])])
    assert sent == 1
    assert len(list(tmp_path.iterdir())) == 1
    assert str(tmp_path) in caplog.text
    assert "HAVEN_EMAIL_URL" in caplog.text


def test_production_without_an_email_url_sends_nothing_and_logs_a_warning(caplog):
    with caplog.at_level(logging.WARNING, logger="haven.core.mail"):
        sent = NotConfiguredEmailBackend(alias="default").send_messages(
            [EmailMessage("Subject", "Body", to=["a@example.org"])]
        )
    assert sent == 0
    assert "Mail is not configured (HAVEN_EMAIL_URL)" in caplog.text
    assert "a@example.org" not in caplog.text


def test_mail_configured_follows_the_setting(settings):
    settings.HAVEN_EMAIL_CONFIGURED = False
    assert mail_configured() is False
    settings.HAVEN_EMAIL_CONFIGURED = True
    assert mail_configured() is True
