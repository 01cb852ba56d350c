"""What `haven serve` does before it hands over to gunicorn: static files, database, warnings.

Gunicorn runs uvicorn workers (`HavenUvicornWorker`) on Haven's ASGI application, so pages and
the web chat's WebSockets share one server and one port.

Static files are collected into ``STATIC_ROOT`` when they are missing or stale: a fingerprint of
every source file (name and content, plus the storage and ``STATIC_URL``) is kept beside them,
and a different fingerprint, or production's hashed manifest missing, means collect again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db import DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from uvicorn_worker import UvicornWorker

FINGERPRINT_NAME = "haven-static.sha256"
MANIFEST_NAME = "staticfiles.json"  # Django's ManifestStaticFilesStorage.manifest_name
# collectstatic's default ignore patterns: the fingerprint covers exactly what it copies.
IGNORE_PATTERNS = ["CVS", ".*", "*~"]
# Path without the query string: searches carry names in their query, and logs never hold them.
ACCESS_LOG_FORMAT = '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms %({x-request-id}o)s'


class _PathWithoutQuery(logging.Filter):
    """uvicorn's access log line is ``client - "METHOD path?query HTTP/v" status``: the query
    string goes (searches carry names in it), the path stays."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], args[2].split("?", 1)[0], *args[3:])
        return True


class HavenUvicornWorker(UvicornWorker):  # type: ignore[misc]  # uvicorn-worker is untyped
    """uvicorn in gunicorn, logging requests to gunicorn's access log without query strings, and
    without the ``Server`` header that names it."""

    CONFIG_KWARGS: dict[str, Any] = {
        **UvicornWorker.CONFIG_KWARGS,
        "ws": "auto",
        "server_header": False,
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        access = logging.getLogger("uvicorn.access")
        if not any(isinstance(f, _PathWithoutQuery) for f in access.filters):
            access.addFilter(_PathWithoutQuery())


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


def channel_layer_shared() -> bool:
    """Whether the web chat's channel layer reaches across processes (Redis, not memory)."""
    backend = str(settings.CHANNEL_LAYERS.get("default", {}).get("BACKEND", ""))
    return not backend.endswith("InMemoryChannelLayer")


def default_workers() -> int:
    """Gunicorn's rule of thumb, two per core plus one, at most eight."""
    return min(8, 2 * (os.cpu_count() or 1) + 1)


def gunicorn_argv(*, host: str, port: int, workers: int, timeout: int) -> list[str]:
    """The gunicorn command line: uvicorn workers on Haven's ASGI application (pages and the web
    chat's WebSockets)."""
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "haven.asgi:application",
        "--worker-class",
        f"{HavenUvicornWorker.__module__}.{HavenUvicornWorker.__qualname__}",
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
        # gunicorn's own format for its sync workers; uvicorn workers write their own line to this
        # log, filtered by HavenUvicornWorker
        "--access-logformat",
        ACCESS_LOG_FORMAT,
    ]
