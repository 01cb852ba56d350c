"""`haven serve`: the production server, gunicorn with uvicorn workers running Haven's ASGI
application (pages and the web chat's WebSockets), static files through WhiteNoise.

Before gunicorn starts: system checks (the deployment checks too under HAVEN_ENV=production),
static files collected when missing or stale, and a refusal when the database is unreachable or
not migrated. Mail that is not configured is a warning, not a refusal.
"""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

from haven.core import serving
from haven.core.mail import mail_configured


class Command(BaseCommand):
    help = (
        "Serve Haven with gunicorn and uvicorn workers (pages and WebSockets; static files "
        "through WhiteNoise), e.g. behind a TLS proxy."
    )
    requires_system_checks: list[str] = []  # run below, with the deployment checks in production

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
        parser.add_argument("--port", type=int, default=8000, help="port to listen on")
        parser.add_argument(
            "--workers",
            type=int,
            default=serving.default_workers(),
            help="worker processes (default: two per CPU core plus one, at most eight)",
        )
        parser.add_argument(
            "--timeout", type=int, default=60, help="seconds before a stuck request is ended"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not 0 < options["port"] < 65536:
            raise CommandError("--port: expected a port number from 1 to 65535")
        if options["workers"] < 1:
            raise CommandError("--workers: expected at least 1")
        self.check(include_deployment_checks=settings.PRODUCTION)
        self._refuse_an_unready_database()
        self._collect_static_if_needed()
        if not mail_configured():
            self.stderr.write(
                self.style.WARNING(
                    "Mail is not configured (set HAVEN_EMAIL_URL): password reset and other "
                    "mail say so to the user instead of sending."
                )
            )
        if options["workers"] > 1 and not serving.channel_layer_shared():
            # The web chat's live messages pass between workers only through Redis.
            self.stderr.write(
                self.style.WARNING(
                    "No Redis channel layer (set HAVEN_REDIS_URL): serving with 1 worker so "
                    "the web chat's messages reach every browser."
                )
            )
            options["workers"] = 1
        argv = serving.gunicorn_argv(
            host=options["host"],
            port=options["port"],
            workers=options["workers"],
            timeout=options["timeout"],
        )
        self.stdout.write(
            f"Serving Haven at http://{options['host']}:{options['port']} "
            f"with {options['workers']} worker(s)"
        )
        self.stdout.flush()
        self.stderr.flush()
        connections.close_all()  # gunicorn's workers open their own
        os.execv(argv[0], argv)  # noqa: S606  # gunicorn takes over this process (and its signals)

    def _refuse_an_unready_database(self) -> None:
        try:
            pending = serving.unapplied_migrations()
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        if pending:
            raise CommandError(
                f"the database needs {len(pending)} migration(s) ({', '.join(pending[:3])}"
                f"{', ...' if len(pending) > 3 else ''}): run `haven migrate` first"
            )

    def _collect_static_if_needed(self) -> None:
        fingerprint = serving.static_fingerprint()
        reason = serving.static_files_stale(fingerprint)
        if reason is None:
            return
        self.stdout.write(f"Collecting static files into {settings.STATIC_ROOT}: {reason}")
        call_command("collectstatic", interactive=False, verbosity=0)
        serving.record_static_fingerprint(fingerprint)
