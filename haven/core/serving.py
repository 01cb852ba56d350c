"""What `haven serve` does before it hands over to gunicorn: static files, database, warnings.

Static files are collected into ``STATIC_ROOT`` when they are missing or stale: a fingerprint of
every source file (name and content, plus the storage and ``STATIC_URL``) is kept beside them,
and a different fingerprint, or production's hashed manifest missing, means collect again.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db import DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

FINGERPRINT_NAME = "haven-static.sha256"
MANIFEST_NAME = "staticfiles.json"  # Django's ManifestStaticFilesStorage.manifest_name
# collectstatic's default ignore patterns: the fingerprint covers exactly what it copies.
IGNORE_PATTERNS = ["CVS", ".*", "*~"]
# Path without the query string: searches carry names in their query, and logs never hold them.
ACCESS_LOG_FORMAT = '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms %({x-request-id}o)s'


def static_fingerprint() -> str:
    """One hash over every static source file's name and content, the storage and the URL."""
    digest = hashlib.sha256()
    storage_backend = settings.STORAGES["staticfiles"]["BACKEND"]
    digest.update(f"{storage_backend}\n{settings.STATIC_URL}\n".encode())
    sources: dict[str, str] = {}
    for finder in finders.get_finders():
        for path, storage in finder.list(IGNORE_PATTERNS):
            name = os.path.join(getattr(storage, "prefix", None) or "", path)
            sources.setdefault(name, storage.path(path))  # the first finder wins, as collectstatic
    for name, source in sorted(sources.items()):
        digest.update(name.encode() + b"\0")
        digest.update(hashlib.sha256(Path(source).read_bytes()).digest())
    return digest.hexdigest()


def _uses_manifest() -> bool:
    return hasattr(staticfiles_storage, "manifest_name")


def static_files_stale(fingerprint: str) -> str | None:
    """Why the collected static files must be collected again, or None when they are current."""
    root = Path(settings.STATIC_ROOT)
    recorded = root / FINGERPRINT_NAME
    if not recorded.is_file():
        return f"no static files collected in {root} yet"
    if _uses_manifest() and not (root / MANIFEST_NAME).is_file():
        return f"the static files manifest is missing from {root}"
    if recorded.read_text(encoding="ascii").strip() != fingerprint:
        return "the static files changed since they were collected"
    return None


def record_static_fingerprint(fingerprint: str) -> None:
    (Path(settings.STATIC_ROOT) / FINGERPRINT_NAME).write_text(fingerprint + "\n", "ascii")


def unapplied_migrations() -> list[str]:
    """Migrations the database still needs; a database Haven cannot reach is a RuntimeError."""
    connection = connections["default"]
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        raise RuntimeError(
            f"cannot reach the database named by DATABASE_URL ({type(exc).__name__}: {exc})"
        ) from exc
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def default_workers() -> int:
    """Gunicorn's rule of thumb, two per core plus one, at most eight."""
    return min(8, 2 * (os.cpu_count() or 1) + 1)


def gunicorn_argv(*, host: str, port: int, workers: int, timeout: int) -> list[str]:
    """The gunicorn command line for Haven's WSGI application."""
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "haven.wsgi:application",
        "--bind",
        bind,
        "--workers",
        str(workers),
        "--timeout",
        str(timeout),
        # Import Haven once in the master: start-up errors show once, workers share the memory.
        "--preload",
        # No control socket: gunicorn puts it in the home directory, shared by every instance.
        "--no-control-socket",
        "--access-logfile",
        "-",
        "--access-logformat",
        ACCESS_LOG_FORMAT,
    ]
