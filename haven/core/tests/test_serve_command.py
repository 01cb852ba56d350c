"""`haven serve`: collects static files only when they are missing or stale, refuses an unready
database with the command to run, warns when mail is not configured, then becomes gunicorn."""

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connections

from haven.core import serving

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def static_root(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()
    return settings.STATIC_ROOT


def test_static_files_are_stale_until_collected_then_current(static_root):
    fingerprint = serving.static_fingerprint()
    assert "no static files collected" in serving.static_files_stale(fingerprint)
    serving.record_static_fingerprint(fingerprint)
    assert serving.static_files_stale(fingerprint) is None


def test_a_changed_static_source_file_makes_the_collected_files_stale(
    settings, static_root, tmp_path
):
    source = tmp_path / "source"
    source.mkdir()
    (source / "extra.css").write_text("body { color: black; }")
    settings.STATICFILES_DIRS = [source]
    before = serving.static_fingerprint()
    serving.record_static_fingerprint(before)
    (source / "extra.css").write_text("body { color: white; }")
    after = serving.static_fingerprint()
    assert after != before
    assert serving.static_files_stale(after) == "the static files changed since they were collected"


def test_a_missing_production_manifest_makes_the_collected_files_stale(settings, static_root):
    settings.STORAGES = settings.STORAGES | {
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    }
    fingerprint = serving.static_fingerprint()
    serving.record_static_fingerprint(fingerprint)
    assert "manifest is missing" in serving.static_files_stale(fingerprint)
    (static_root / "staticfiles.json").write_text("{}")
    assert serving.static_files_stale(fingerprint) is None


def test_gunicorn_logs_paths_without_query_strings():
    argv = serving.gunicorn_argv(host="::1", port=8001, workers=3, timeout=60)
    assert argv[1:4] == ["-m", "gunicorn", "haven.asgi:application"]
    assert argv[argv.index("--worker-class") + 1] == "haven.core.serving.HavenUvicornWorker"
    assert argv[argv.index("--bind") + 1] == "[::1]:8001"
    assert argv[argv.index("--workers") + 1] == "3"
    log_format = argv[argv.index("--access-logformat") + 1]
    assert "%(U)s" in log_format
    assert "%(r)s" not in log_format  # the request line carries the query string
    assert "%(q)s" not in log_format


@pytest.mark.django_db
def test_serve_collects_static_files_warns_about_mail_and_hands_over_to_gunicorn(
    settings, static_root, monkeypatch, capsys
):
    settings.HAVEN_EMAIL_CONFIGURED = False
    started = []
    monkeypatch.setattr(os, "execv", lambda path, argv: started.append(argv))
    # serve closes its connections before gunicorn takes over; the test's own transaction (on
    # PostgreSQL a closed connection ends it) must outlive the first start
    closed = []
    monkeypatch.setattr(connections, "close_all", lambda: closed.append(True))
    call_command("serve", "--port", "8123", "--workers", "2")
    assert (static_root / "govuk" / "haven.min.css").is_file()
    assert serving.static_files_stale(serving.static_fingerprint()) is None
    output = capsys.readouterr()
    assert "Collecting static files" in output.out
    assert "Mail is not configured (set HAVEN_EMAIL_URL)" in output.err
    [argv] = started
    assert argv[argv.index("--bind") + 1] == "127.0.0.1:8123"
    assert closed, "the server's connections are closed before gunicorn forks its workers"

    call_command("serve", "--port", "8123")  # a second start collects nothing
    assert "Collecting static files" not in capsys.readouterr().out


@pytest.mark.django_db
def test_serve_without_redis_runs_one_worker_so_chat_messages_reach_every_browser(
    settings, static_root, monkeypatch, capsys
):
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    started = []
    monkeypatch.setattr(os, "execv", lambda path, argv: started.append(argv))
    monkeypatch.setattr(connections, "close_all", lambda: None)
    call_command("serve", "--port", "8125", "--workers", "3")
    [argv] = started
    assert argv[argv.index("--workers") + 1] == "1"
    assert "HAVEN_REDIS_URL" in capsys.readouterr().err

    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels_redis.core.RedisChannelLayer"}}
    call_command("serve", "--port", "8125", "--workers", "3")
    assert started[-1][started[-1].index("--workers") + 1] == "3"


@pytest.mark.parametrize(
    ("option", "message"), [("--port=0", "--port"), ("--workers=0", "--workers")]
)
def test_serve_refuses_a_bad_port_or_worker_count(option, message):
    with pytest.raises(CommandError, match=message):
        call_command("serve", option)


def test_serve_refuses_an_unmigrated_database_and_says_to_run_haven_migrate(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HAVEN_", "DJANGO_"))}
    env |= {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        "HAVEN_STATIC_ROOT": str(tmp_path / "static"),
    }
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "serve", "--port", "8124"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode != 0
    assert "run `haven migrate` first" in result.stderr
    assert not (tmp_path / "static").exists() or not any((tmp_path / "static").iterdir())


def test_uvicorn_access_log_lines_lose_their_query_string():
    """uvicorn writes its own access line (client, method, path with query, version, status):
    the worker's filter keeps the path and drops the query (searches carry names)."""
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/people/?q=Jane+Doe", "1.1", 200),
        None,
    )
    assert serving._PathWithoutQuery().filter(record)
    assert record.getMessage() == '127.0.0.1:5000 - "GET /people/ HTTP/1.1" 200'


@pytest.mark.parametrize("module", ["haven.wsgi", "haven.asgi"])
def test_the_server_module_imports_every_view_before_gunicorn_forks_its_workers(module):
    """`--preload` imports haven.asgi (haven.wsgi for a plain WSGI server) once; the URL configuration must come with it, or every
    worker spends seconds importing views over its first request."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HAVEN_", "DJANGO_"))}
    result = subprocess.run(
        [sys.executable, "-c", f"import sys, {module}; print('haven.urls' in sys.modules)"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "True"
