"""Production settings for tests that run Haven in a subprocess (`check --deploy`, `haven serve`)."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path

import pytest

# Only the variables production needs (issue 9): everything else has a safe default.
PRODUCTION_ENV = {
    "HAVEN_ENV": "production",
    "HAVEN_SECRET_KEY": "a-long-random-production-secret-key-for-tests-0123456789abcdefghijklmnop",
    "HAVEN_ALLOWED_HOSTS": "haven.example.org,127.0.0.1",
    "HAVEN_WORKBOOK_KEY": "a-workbook-pseudonym-key-for-tests-0123456789abcdef",
    # ADR 0019: field, blind-index and backup keys (test keys, never the development ones)
    "HAVEN_FIELD_KEYS": "dGVzdC1wcm9kdWN0aW9uLWZpZWxkLWtleS0wMDAwMDE=",
    "HAVEN_BLIND_INDEX_KEY": "a-blind-index-key-for-the-production-tests-0123456789",
    "HAVEN_BACKUP_KEYS": "dGVzdC1wcm9kdWN0aW9uLWJhY2t1cC1rZXktMDAwMDE=",
}


def production_env(**extra: str) -> dict[str, str]:
    """This process's environment without any HAVEN_ or DJANGO_ variable, plus production's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HAVEN_", "DJANGO_"))}
    return env | PRODUCTION_ENV | extra


# haven serve migrates nothing in these tests; collectstatic and the workers' boot remain.
START_DEADLINE_SECONDS = 240


def free_port() -> int:
    """A TCP port nothing listens on now, for a server a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    """Wait until the started process listens on ``port``; fail with its log if it exits or
    does not listen within START_DEADLINE_SECONDS."""
    deadline = time.monotonic() + START_DEADLINE_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"exited with {process.returncode}:\n{log.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)  # a poll interval, not a wait for something to finish
    pytest.fail(f"nothing listened on {port} in time:\n{log.read_text()}")
