"""Helpers for the handover tests: a second, migrated SQLite database run through `haven`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = REPO / "haven" / "handover" / "examples" / "minimal"

# A script run in a subprocess with its own DATABASE_URL: Django set up once, commands in turn.
RUNNER = """
import os, sys, json
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")
django.setup()
from django.core.management import call_command
for args in json.loads(sys.argv[1]):
    call_command(*args)
"""


def env_for(database: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["DATABASE_URL"] = f"sqlite:///{database}"
    env.pop("PYTEST_XDIST_WORKER", None)
    return env


def run_commands(database: Path, *commands: list[str], timeout: int = 600) -> str:
    """Run management commands in a subprocess against ``database``; their output."""
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, json.dumps(list(commands))],
        cwd=REPO,
        env=env_for(database),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return done.stdout


def migrated_copy(template: Path, target: Path) -> Path:
    shutil.copyfile(template, target)
    return target


def bundle_files(root: Path) -> dict[str, bytes]:
    """Every file of a bundle by path, the manifest without its export time."""
    files = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.name == "manifest.json":
                manifest: dict[str, Any] = json.loads(data)
                manifest.pop("exported_at")
                data = json.dumps(manifest, sort_keys=True).encode()
            files[str(path.relative_to(root))] = data
    return files


def copy_example(target: Path) -> Path:
    shutil.copytree(EXAMPLE, target)
    return target
