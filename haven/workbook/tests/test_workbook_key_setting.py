"""The workbook's pseudonym key is a Django setting (read once, `_FILE` honoured), given to the
engine; production does not start without a real one however it is supplied."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from haven.testing.production import PRODUCTION_ENV
from haven.workbook.engine.settings import DEMO_PSEUDONYM_KEY
from haven.workbook.keys import workbook_pseudonym_key

ROOT = Path(__file__).resolve().parents[3]
# production's variables (the field, blind-index and backup keys of ADR 0019 too) but the
# workbook key, which each test supplies or leaves out
PRODUCTION = {k: v for k, v in PRODUCTION_ENV.items() if k != "HAVEN_WORKBOOK_KEY"}
READ_KEY = "from django.conf import settings; print(settings.HAVEN_WORKBOOK_KEY)"


def _django(env_extra: dict[str, str], code: str = READ_KEY) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HAVEN_", "DJANGO_"))}
    env.update(env_extra, DJANGO_SETTINGS_MODULE="haven.settings")
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_reads_the_workbook_key_from_the_file_named_by_key_file(tmp_path: Path) -> None:
    key_file = tmp_path / "workbook-key"
    key_file.write_text("a-key-from-a-credentials-file\n", encoding="utf-8")
    result = _django(PRODUCTION | {"HAVEN_WORKBOOK_KEY_FILE": str(key_file)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "a-key-from-a-credentials-file"


@pytest.mark.parametrize(
    "supplied",
    [{}, {"HAVEN_WORKBOOK_KEY": "  "}, {"HAVEN_WORKBOOK_KEY": DEMO_PSEUDONYM_KEY.decode()}],
    ids=["missing", "blank", "the demo key"],
)
def test_production_refuses_to_start_without_a_real_workbook_key(supplied: dict[str, str]) -> None:
    result = _django(PRODUCTION | supplied)
    assert result.returncode != 0
    assert "HAVEN_WORKBOOK_KEY" in result.stderr
    assert "ImproperlyConfigured" in result.stderr


def test_production_refuses_an_empty_key_file(tmp_path: Path) -> None:
    key_file = tmp_path / "workbook-key"
    key_file.write_text("\n", encoding="utf-8")
    result = _django(PRODUCTION | {"HAVEN_WORKBOOK_KEY_FILE": str(key_file)})
    assert result.returncode != 0
    assert "HAVEN_WORKBOOK_KEY" in result.stderr


def test_the_engine_is_given_the_configured_key(settings) -> None:
    settings.HAVEN_WORKBOOK_KEY = "configured-key"
    assert workbook_pseudonym_key() == b"configured-key"
    settings.HAVEN_WORKBOOK_KEY = ""
    assert workbook_pseudonym_key() == DEMO_PSEUDONYM_KEY


def test_settings_demo_key_is_the_engines_demo_key(settings) -> None:
    assert settings.HAVEN_WORKBOOK_DEMO_KEY.encode() == DEMO_PSEUDONYM_KEY


def test_the_engine_reads_no_environment() -> None:
    engine = ROOT / "haven" / "workbook" / "engine"
    for module in engine.glob("*.py"):
        text = module.read_text(encoding="utf-8")
        assert "os.environ" not in text, module.name
        assert "getenv" not in text, module.name
