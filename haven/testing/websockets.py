"""Channels' WebsocketCommunicator without daphne: `channels.testing`'s package module imports
its live-server test case, which needs daphne (not installed: Haven serves with uvicorn). The
communicator's own modules need only asgiref, so they are loaded without the package's
``__init__``."""

from __future__ import annotations

import importlib.util
import sys
import types


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
