"""The TASKS setting: the database backend (django-tasks-db) in production, at once elsewhere,
and a wrong value stops Haven naming the variable (like the rest of haven/settings.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from django.conf import settings

from haven.testing.production import production_env

ROOT = Path(__file__).resolve().parents[3]
PRINT = "from django.conf import settings; print(settings.TASKS['default']['BACKEND'])"


def _shell(env):
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", PRINT],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_tests_run_tasks_at_once():
    assert settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend")
    assert "django_tasks_db" in settings.INSTALLED_APPS


def test_production_queues_tasks_in_the_database_and_refuses_immediate():
    result = _shell(production_env())
    assert result.stdout.strip().splitlines()[-1] == "django_tasks_db.DatabaseBackend", (
        result.stderr
    )
    refused = _shell(production_env(HAVEN_TASKS_BACKEND="immediate"))
    assert refused.returncode != 0
    assert "HAVEN_TASKS_BACKEND must be database" in refused.stderr


def test_an_unknown_backend_is_an_error_naming_the_variable():
    env = {k: v for k, v in production_env().items() if not k.startswith("HAVEN_")}
    result = _shell(env | {"HAVEN_TASKS_BACKEND": "celery"})
    assert result.returncode != 0
    assert "HAVEN_TASKS_BACKEND: expected database or immediate" in result.stderr
