"""The web chat under `haven serve` with production settings (issue 14 item 4): gunicorn's
uvicorn workers serve pages and WebSockets on one port, the channel layer is Redis (a
redis-server of the test's own on a free port), two workers. The person enters their one-time
code and consents over HTTPS (behind a TLS proxy: X-Forwarded-Proto), then completes the
WebSocket handshake with the session cookie and sends a message that comes back through Redis.
A page of another site cannot open the socket, and the access log has no query strings."""

import asyncio
import json
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
import websockets
from websockets.exceptions import InvalidStatus

from haven.testing.production import free_port, production_env, wait_for_port
from haven.testing.websockets import run_in_own_thread

pytestmark = [pytest.mark.system, pytest.mark.xdist_group("haven_serve_chat")]

HAVEN = Path(sys.executable).with_name("haven")
ROOT = Path(__file__).resolve().parents[4]
SESSION_COOKIE = "__Host-haven-session"
CSRF_COOKIE = "__Host-haven-csrf"
MAKE_BOOKING = """
from datetime import timedelta
from django.utils import timezone
from haven.portal.codes import code_hash, new_code
from haven.portal.models import ChatBooking
from haven.testing.factories import ContractFactory
code = new_code()
now = timezone.now()
ChatBooking.objects.create(contract=ContractFactory(), starts_at=now,
    ends_at=now + timedelta(minutes=30), code_hash=code_hash(code), consent_to_transcript=True)
print(code)
"""


def _stop(process):
    process.terminate()
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    tmp = tmp_path_factory.mktemp("production_chat")
    redis_port = free_port()
    redis_log = tmp / "redis.log"
    with redis_log.open("w") as output:
        redis = subprocess.Popen(
            ["redis-server", "--port", str(redis_port), "--save", "", "--appendonly", "no"],
            cwd=tmp,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    env = production_env(
        DATABASE_URL=f"sqlite:///{tmp / 'haven.sqlite3'}",
        HAVEN_STATIC_ROOT=str(tmp / "static"),
        HAVEN_REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
    )
    try:
        wait_for_port(redis_port, redis, redis_log)
        subprocess.run(
            [str(HAVEN), "migrate", "--no-input", "-v", "0"], env=env, cwd=ROOT, check=True
        )
        code = (
            subprocess.run(
                [str(HAVEN), "shell", "-c", MAKE_BOOKING],
                env=env,
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        port = free_port()
        log = tmp / "serve.log"
        with log.open("w") as output:
            process = subprocess.Popen(
                [str(HAVEN), "serve", "--port", str(port), "--workers", "2"],
                env=env,
                cwd=ROOT,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        try:
            wait_for_port(port, process, log)
            yield {"port": port, "code": code, "log": log}
        finally:
            _stop(process)
    finally:
        _stop(redis)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class _Browser:
    """Just enough of a browser behind a TLS proxy: cookies (secure ones too) and the headers."""

    def __init__(self, port):
        self.port = port
        self.origin = f"https://127.0.0.1:{port}"
        self.cookies = {}

    def request(self, path, data=None):
        headers = {"X-Forwarded-Proto": "https", "Origin": self.origin}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", data=body, headers=headers
        )
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            with opener.open(request, timeout=60) as response:
                status, got, text = response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            status, got, text = error.code, error.headers, error.read().decode()
        for header in got.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return status, got, text

    def post_form(self, path, data):
        _, _, page = self.request(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return self.request(path, {**data, "csrfmiddlewaretoken": token})


def test_a_person_joins_with_the_code_and_chats_over_the_websocket(server):
    browser = _Browser(server["port"])
    status, headers, _ = browser.post_form("/chat/", {"code": server["code"]})
    assert status == 302, headers
    assert headers["Location"] == "/chat/consent/"
    status, headers, _ = browser.post_form("/chat/consent/", {"consent": "yes"})
    assert (status, headers["Location"]) == (302, "/chat/room/")
    assert SESSION_COOKIE in browser.cookies

    async def chat():
        async with websockets.connect(
            f"ws://127.0.0.1:{server['port']}/ws/chat/",
            origin=browser.origin,
            additional_headers={
                "Cookie": f"{SESSION_COOKIE}={browser.cookies[SESSION_COOKIE]}",
                "X-Forwarded-Proto": "https",
            },
            open_timeout=30,
        ) as socket_:
            status = json.loads(await asyncio.wait_for(socket_.recv(), 30))
            assert (status["type"], status["status"]) == ("status", "waiting")
            await socket_.send(json.dumps({"body": "Hello from production"}))
            message = json.loads(await asyncio.wait_for(socket_.recv(), 30))
            assert (message["type"], message["body"]) == ("message", "Hello from production")

    run_in_own_thread(chat)
    _, _, room = browser.request("/chat/room/")
    assert "Hello from production" in room


def test_a_page_of_another_site_cannot_open_the_socket(server):
    async def connect():
        async with websockets.connect(
            f"ws://127.0.0.1:{server['port']}/ws/chat/",
            origin="https://attacker.example",
            open_timeout=30,
        ):
            pass

    with pytest.raises(InvalidStatus):
        run_in_own_thread(connect)


def test_the_access_log_keeps_paths_without_query_strings(server):
    browser = _Browser(server["port"])
    browser.request("/chat/?name=Synthetic+Secret")
    deadline = time.monotonic() + 10
    while "GET /chat/ " not in server["log"].read_text() and time.monotonic() < deadline:
        time.sleep(0.2)  # the worker flushes its log line
    log = server["log"].read_text()
    assert "GET /chat/ " in log
    assert "Synthetic" not in log
    assert "Hello from production" not in log
