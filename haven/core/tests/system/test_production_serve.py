"""`haven serve` under production settings: sign-in with HSTS, and styled 404 and 500 pages.

The server runs in a subprocess on a free port, on its own SQLite database and static root; the
test waits on the port, never on a fixed sleep. The 500 is a real failure: the database file is
swapped for an empty one while the server runs, so no page or setting exists to trigger it.
"""

import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from haven.testing.production import free_port, production_env, wait_for_port

# One server for the module: its tests stay on one xdist worker.
pytestmark = [pytest.mark.system, pytest.mark.xdist_group("haven_serve")]

HAVEN = Path(sys.executable).with_name("haven")
ROOT = Path(__file__).resolve().parents[4]
SESSION_COOKIE = "__Host-haven-session"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _get(port, path, headers=None):
    """(status, headers, body) without following redirects; error statuses are answers too."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers or {})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


HTTPS = {"X-Forwarded-Proto": "https"}
DEBUG_MARKS = ["Traceback", "Using the URLconf", "DEBUG = True", "django.", "sqlite", ".py"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`haven serve` with only the production variables, a migrated database and a fresh static root."""
    tmp = tmp_path_factory.mktemp("production")
    env = production_env(
        DATABASE_URL=f"sqlite:///{tmp / 'haven.sqlite3'}", HAVEN_STATIC_ROOT=str(tmp / "static")
    )
    subprocess.run([str(HAVEN), "migrate", "--no-input", "-v", "0"], env=env, cwd=ROOT, check=True)
    port = free_port()
    log = tmp / "serve.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [str(HAVEN), "serve", "--port", str(port), "--workers", "1"],
            env=env,
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for_port(port, process, log)
        yield {"port": port, "tmp": tmp, "log": log}
    finally:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _assert_styled_without_debug_output(body, tmp):
    assert 'class="govuk-template' in body
    assert re.search(
        r'<link rel="stylesheet" href="/static/govuk/haven\.[0-9a-f]{12}\.min\.css|'
        r'<link rel="stylesheet" href="/static/govuk/haven\.min\.[0-9a-f]{12}\.css',
        body,
    )
    for mark in [*DEBUG_MARKS, str(tmp), str(ROOT)]:
        assert mark not in body, mark


def test_serve_collects_static_files_and_warns_that_mail_is_not_configured(server):
    log = server["log"].read_text()
    assert "Collecting static files" in log
    assert "HAVEN_EMAIL_URL" in log
    assert (server["tmp"] / "static" / "staticfiles.json").is_file()


def test_sign_in_page_behind_a_tls_proxy_is_served_with_hsts(server):
    status, headers, body = _get(server["port"], "/accounts/login/", HTTPS)
    assert status == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "<title>Sign in – Haven</title>" in body
    _assert_styled_without_debug_output(body, server["tmp"])


def test_plain_http_is_redirected_to_https(server):
    status, headers, _ = _get(server["port"], "/accounts/login/")
    assert status == 301
    assert headers["Location"].startswith("https://")


def test_hashed_stylesheet_is_served_by_whitenoise(server):
    _, _, body = _get(server["port"], "/accounts/login/", HTTPS)
    stylesheet = re.search(r'href="(/static/govuk/haven[^"]+\.css)"', body).group(1)
    status, headers, css = _get(server["port"], stylesheet, HTTPS)
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert "max-age=315360000" in headers["Cache-Control"]  # hashed names are cached for ever
    assert ".govuk-template" in css


def test_missing_page_is_a_styled_404_without_debug_output(server):
    status, _, body = _get(server["port"], "/no-such-page/", HTTPS)
    assert status == 404
    assert '<h1 class="govuk-heading-l">Page not found</h1>' in body
    _assert_styled_without_debug_output(body, server["tmp"])


def test_server_error_is_a_styled_500_without_debug_output_or_server_paths(server):
    database = server["tmp"] / "haven.sqlite3"
    aside = server["tmp"] / "aside"
    aside.mkdir()
    files = []
    for file in [database, *database.parent.glob("haven.sqlite3-*")]:
        try:  # the server may drop its -wal/-shm between the glob and the rename
            file.rename(aside / file.name)
        except FileNotFoundError:
            continue
        files.append(file)
    database.write_bytes(b"")  # an empty database: every query fails with "no such table"
    with_session = HTTPS | {"Cookie": f"{SESSION_COOKIE}={'s' * 32}"}
    try:
        status, headers, body = _get(server["port"], "/accounts/login/", with_session)
    finally:  # the database comes back, so the module's other tests may run in any order
        for empty in database.parent.glob("haven.sqlite3*"):  # with any journal it grew
            empty.unlink()
        for file in files:
            (aside / file.name).rename(file)
    assert status == 500
    assert "Sorry, there is a problem with the service" in body
    assert headers["X-Request-Id"] in body  # the reference for support
    assert "no such table" not in body
    _assert_styled_without_debug_output(body, server["tmp"])
    assert _get(server["port"], "/accounts/login/", with_session)[0] == 200  # the database is back
