"""Channels' WebsocketCommunicator without daphne: `channels.testing`'s package module imports
its live-server test case, which needs daphne (not installed: Haven serves with uvicorn). The
communicator's own modules need only asgiref, so they are loaded without the package's
``__init__``."""

from __future__ import annotations

import asyncio
import importlib.util
import sys
import threading
import types
from collections.abc import Callable, Coroutine
from typing import Any


def _load_without_package_init() -> type:
    if "channels.testing" not in sys.modules:
        spec = importlib.util.find_spec("channels.testing")
        assert spec is not None
        assert spec.submodule_search_locations is not None
        package = types.ModuleType("channels.testing")
        package.__path__ = list(spec.submodule_search_locations)
        sys.modules["channels.testing"] = package
    from channels.testing.websocket import WebsocketCommunicator as Communicator

    return Communicator


WebsocketCommunicator = _load_without_package_init()


def run_in_own_thread[T](coroutine_function: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine to completion on a new event loop in a new thread: a browser test on the
    same worker may have left Playwright's loop marked as running in this one (haven/conftest.py),
    and ``asyncio.run`` refuses to start under it."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = asyncio.run(coroutine_function())
        except BaseException as exc:  # re-raised in the caller's thread
            outcome["error"] = exc

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")  # type: ignore[return-value]
