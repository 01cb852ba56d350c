"""Apps depend downward only, and the pure engines import no Django (docs/adr/0009-layers.md).

The contracts are in pyproject.toml; CI also runs `lint-imports` itself. Here the suite checks
them too, so a tangle fails `make test` as well as `make lint`."""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path

from importlinter.cli import EXIT_STATUS_SUCCESS, lint_imports

ROOT = Path(__file__).resolve().parents[3]


def test_the_import_contracts_hold():
    # lint_imports configures logging with dictConfig, which disables every logger that exists
    # (e.g. haven.core.mail, whose tests then see no records): put them back as they were.
    loggers = [
        logger
        for logger in logging.root.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    disabled = {logger.name: logger.disabled for logger in loggers}
    try:
        status = lint_imports(
            config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True
        )
    finally:
        for logger in loggers:
            logger.disabled = disabled[logger.name]
    assert status == EXIT_STATUS_SUCCESS


def test_every_app_has_a_layer():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    [layers] = [c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "layers"]
    layered = {app.strip() for layer in layers["layers"] for app in layer.split("|")}
    packages = {path.parent.name for path in (ROOT / "haven").glob("*/__init__.py")}
    assert packages - layered == set(), "add the new app to the layers in pyproject.toml"
