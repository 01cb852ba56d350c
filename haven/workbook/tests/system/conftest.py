"""The workbook's browser tests use the project's Chromium set-up."""

from haven.core.tests.system.conftest import browser_context_args, browser_type_launch_args

__all__ = ["browser_context_args", "browser_type_launch_args"]
