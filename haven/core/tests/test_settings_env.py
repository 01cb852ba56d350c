"""Settings helpers fail loudly on bad values; production settings pass `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from haven import settings as haven_settings

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


PRODUCTION = {
    "HAVEN_ENV": "production",
    "HAVEN_SECRET_KEY": "a-long-random-production-secret-key-for-tests-0123456789abcdefghijklmnop",
    "HAVEN_ALLOWED_HOSTS": "haven.example.org",
    "HAVEN_WORKBOOK_KEY": "a-long-random-workbook-pseudonym-key-for-tests-0123456789",
}


def test_production_settings_pass_check_deploy():
    result = _manage(PRODUCTION, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage({k: v for k, v in PRODUCTION.items() if k != "HAVEN_SECRET_KEY"}, "check")
    assert result.returncode != 0
    assert "HAVEN_SECRET_KEY" in result.stderr


def test_production_refuses_demo_mode():
    result = _manage(PRODUCTION | {"HAVEN_DEMO": "1"}, "check")
    assert result.returncode != 0
    assert "HAVEN_DEMO" in result.stderr
