"""System tests drive Debian's Chromium through pytest-playwright against a live server."""

import os

from haven.testing.browser import browser_context_args, browser_type_launch_args

# Playwright's sync API runs an event loop in this thread; the ORM calls in these tests are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

__all__ = ["browser_context_args", "browser_type_launch_args"]
