"""Settings helpers fail loudly on bad values; production settings pass `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from haven import settings as haven_settings
from haven.testing.production import PRODUCTION_ENV as PRODUCTION

ROOT = Path(__file__).resolve().parents[3]


def test_envbool_rejects_a_value_that_is_not_a_boolean(monkeypatch):
    monkeypatch.setenv("HAVEN_TEST_FLAG", "perhaps")
    with pytest.raises(ImproperlyConfigured, match="HAVEN_TEST_FLAG"):
        haven_settings.envbool("HAVEN_TEST_FLAG", default=False)


def test_envint_rejects_a_value_that_is_not_a_number(monkeypatch):
    monkeypatch.setenv("HAVEN_TEST_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="HAVEN_TEST_NUMBER"):
        haven_settings.envint("HAVEN_TEST_NUMBER", 1)


def test_envfloat_rejects_a_value_that_is_not_a_number(monkeypatch):
    monkeypatch.setenv("HAVEN_TEST_COST", "cheap")
    with pytest.raises(ImproperlyConfigured, match="HAVEN_TEST_COST"):
        haven_settings.envfloat("HAVEN_TEST_COST", 1.0)


@pytest.mark.django_db
def test_postgresql_connections_price_index_lookups_for_ssd_storage():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL planner setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert float(cursor.fetchone()[0]) == 1.1


def test_secret_is_read_from_the_file_named_by_name_file(monkeypatch, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("from-a-file\n")
    monkeypatch.setenv("HAVEN_TEST_SECRET_FILE", str(secret))
    assert haven_settings.envstr("HAVEN_TEST_SECRET") == "from-a-file"


def test_unreadable_secret_file_is_an_error(monkeypatch, tmp_path):
    monkeypatch.setenv("HAVEN_TEST_SECRET_FILE", str(tmp_path / "missing"))
    with pytest.raises(ImproperlyConfigured, match="HAVEN_TEST_SECRET_FILE"):
        haven_settings.envstr("HAVEN_TEST_SECRET")


def _manage(env_extra, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HAVEN_", "DJANGO_"))}
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_check_deploy():
    """Only the production variables of issue 9: no mail, no fallbacks, no other setting."""
    result = _manage(PRODUCTION, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_with_mail_and_key_fallbacks_passes_check_deploy():
    result = _manage(
        PRODUCTION
        | {
            "HAVEN_EMAIL_URL": "smtp://haven:secret@mail.example.org:587?tls=1",
            "HAVEN_SECRET_KEY_FALLBACKS": "an-old-long-random-production-secret-key-0123456789abcdefghijklmn",
        },
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _setting(env, expression):
    result = _manage(
        env, "shell", "--no-imports", "-c", f"from django.conf import settings; print({expression})"
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_without_an_email_url_sends_no_mail_and_says_mail_is_not_configured():
    assert _setting(
        PRODUCTION, "settings.MAILERS['default']['BACKEND'], settings.HAVEN_EMAIL_CONFIGURED"
    ) == ("haven.core.mail.NotConfiguredEmailBackend False")


def test_development_without_an_email_url_writes_mail_to_var_mail():
    assert _setting({}, "settings.MAILERS['default'], settings.HAVEN_EMAIL_CONFIGURED") == (
        "{'BACKEND': 'haven.core.mail.FolderEmailBackend', "
        f"'OPTIONS': {{'file_path': '{ROOT / 'var' / 'mail'}'}}}} True"
    )


def test_email_url_configures_the_smtp_mailer():
    env = PRODUCTION | {"HAVEN_EMAIL_URL": "smtps://haven:s%3Acret@mail.example.org"}
    options = "settings.MAILERS['default']['OPTIONS']"
    assert _setting(
        env, f"{options}['host'], {options}['port'], {options}['password'], {options}['use_ssl']"
    ) == ("mail.example.org 465 s:cret True")


def test_bad_email_url_stops_haven_naming_the_variable():
    result = _manage(PRODUCTION | {"HAVEN_EMAIL_URL": "mail.example.org"}, "check")
    assert result.returncode != 0
    assert "HAVEN_EMAIL_URL" in result.stderr


def test_production_caches_in_redis_so_rate_limits_count_across_workers():
    assert _setting(
        PRODUCTION | {"HAVEN_REDIS_URL": "redis://127.0.0.1:6379/3"},
        "settings.CACHES['default']['BACKEND'], settings.CACHES['default']['LOCATION']",
    ) == ("django.core.cache.backends.redis.RedisCache redis://127.0.0.1:6379/3")


def test_without_redis_the_cache_is_the_process_memory():
    assert _setting({}, "settings.CACHES['default']['BACKEND']") == (
        "django.core.cache.backends.locmem.LocMemCache"
    )


def test_secret_key_fallbacks_are_read_as_a_list():
    env = PRODUCTION | {"HAVEN_SECRET_KEY_FALLBACKS": "old-key-one, old-key-two"}
    assert _setting(env, "settings.SECRET_KEY_FALLBACKS") == "['old-key-one', 'old-key-two']"


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage({k: v for k, v in PRODUCTION.items() if k != "HAVEN_SECRET_KEY"}, "check")
    assert result.returncode != 0
    assert "HAVEN_SECRET_KEY" in result.stderr


def test_production_refuses_demo_mode():
    result = _manage(PRODUCTION | {"HAVEN_DEMO": "1"}, "check")
    assert result.returncode != 0
    assert "HAVEN_DEMO" in result.stderr


def test_debug_is_off_unless_a_developer_turns_it_on():
    assert _setting({}, "settings.DEBUG") == "False"
    assert _setting({"HAVEN_DEBUG": "1"}, "settings.DEBUG") == "True"


def test_static_files_are_served_with_debug_off_outside_production(client, settings):
    assert settings.DEBUG is False
    response = client.get("/static/govuk/haven.min.css")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")


def test_a_static_root_haven_cannot_create_stops_it_naming_the_variable(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = _manage(PRODUCTION | {"HAVEN_STATIC_ROOT": str(blocker / "static")}, "check")
    assert result.returncode != 0
    assert "HAVEN_STATIC_ROOT: cannot create" in result.stderr
