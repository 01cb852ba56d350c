# ruff: noqa: N999 - `haven partner-token` (the command name is the file name)
"""`haven partner-token create|revoke|list`: partner systems' API tokens from the command line
(administrators; the staff page is /partners/tokens/). A new token is printed once."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from haven.partners.models import ApiToken, PartnerOrganisation
from haven.partners.services import api_token_create, api_token_revoke


class Command(BaseCommand):
    help = "Create, revoke or list partner organisations' API tokens."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="make a token (printed once)")
        create.add_argument("organisation", help="the partner organisation's name")
        create.add_argument("--name", required=True, help="what the token is for")
        create.add_argument(
            "--contract",
            action="append",
            default=[],
            help="a contract slug (repeat; default: every contract the organisation refers to)",
        )
        create.add_argument("--days", type=int, default=90, help="days until it expires")
        create.add_argument("--rate", type=int, default=60, help="requests a minute")
        revoke = actions.add_parser("revoke", help="revoke a token by its prefix")
        revoke.add_argument("prefix")
        actions.add_parser("list", help="every token, without its secret")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "create":
            self._create(options)
        elif action == "revoke":
            token = ApiToken.objects.filter(prefix=options["prefix"]).first()
            if token is None:
                raise CommandError(f"No token has the prefix {options['prefix']}")
            api_token_revoke(token=token, revoked_by=None)
            self.stdout.write(f"Revoked {token.prefix} ({token.organisation.name})")
        else:
            now = timezone.now()
            for token in ApiToken.objects.select_related("organisation").order_by("-created_at"):
                state = (
                    "revoked"
                    if token.revoked_at
                    else ("expired" if token.expires_at <= now else "active")
                )
                last = f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never"
                self.stdout.write(
                    f"{token.prefix}  {state:<8} {token.organisation.name} – {token.name}; "
                    f"expires {token.expires_at:%Y-%m-%d}; last used {last}"
                )

    def _create(self, options: dict[str, Any]) -> None:
        organisation = PartnerOrganisation.objects.filter(name=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"No partner organisation is called {options['organisation']!r}")
        links = organisation.contract_links.select_related("contract")
        contracts = [
            link.contract
            for link in links
            if not options["contract"] or link.contract.slug in options["contract"]
        ]
        missing = set(options["contract"]) - {c.slug for c in contracts}
        if missing:
            raise CommandError(f"The organisation does not refer to: {', '.join(sorted(missing))}")
        try:
            created = api_token_create(
                organisation=organisation,
                name=options["name"],
                contracts=contracts,
                expires_at=timezone.now() + timedelta(days=options["days"]),
                created_by=None,
                rate_limit_per_minute=options["rate"],
            )
        except ValidationError as problems:
            raise CommandError(
                "; ".join(f"{k}: {' '.join(v)}" for k, v in problems.message_dict.items())
            ) from problems
        self.stdout.write("The token (shown once; Haven keeps only its hash):")
        self.stdout.write(created.raw)
