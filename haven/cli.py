"""The `haven` console script: Haven's own commands first, every Django command behind them."""

from __future__ import annotations

import os
import sys

HAVEN_COMMANDS = {
    "demo": "demo [--scale N] [--seed S] [--reset] — demo service, logins and a synthetic caseload",
    "profiles": "profiles validate [PATH...] | profiles load — check and load contract profiles",
    "sla": "sla explain CONTRACT [--method M] [--risk R] [--priority P] [--received T] ... — deadlines",
    "deadlines": "deadlines refresh — mark open tasks past their due time breached (run from cron)",
    "risk": "risk validate-checklist FILE... | risk load-checklist FILE... — check or load a licensed checklist wording",
    "workbook": "workbook INPUT [--out FILE] ... — find repeat victims in a police incident export",
    "workbook import": "workbook import INPUT --contract SLUG [--as-of T] [--mapping M] [--identity I]"
    " — eligible incidents become referrals (idempotent)",
    "returns": "returns CONTRACT (--period 2026-Q1 | --from D --to D) [--format json|csv|xlsx|pdf]"
    " [--out FILE] — a contract's return, computed from the records",
    "import-referrals": "import-referrals --contract SLUG --source police-daily|sentinel-asb FILE"
    " — a referral file route's rows become referrals (idempotent; every row's outcome)",
    "partner-token": "partner-token create|revoke|list — partner organisations' API tokens",
    "outbox-status": "outbox-status — refresh email and SMS delivery statuses from GOV.UK Notify"
    " (run from cron)",
    "chat_missed": "chat_missed — mark booked web chats whose slot ended without the person as"
    " missed (run from cron)",
    "sar-due": "sar-due [--all] — subject access requests overdue or due within 7 days (ids and"
    " reference codes only; run from cron)",
    "retention-due": "retention-due [--now] — list the records the retention schedule makes due"
    " into the data protection officer's review queue (a django.tasks job; run from a timer)",
    "serve": "serve [--host H] [--port P] [--workers N] — the production server (gunicorn with"
    " uvicorn workers: pages and the web chat's WebSockets; static files through WhiteNoise,"
    " collected when needed)",
    "handover": "handover export --contract SLUG --out DIR | handover import DIR [--dry-run] |"
    " handover seal DIR — a contract's records as an open bundle (docs/handover-format.md)",
    "keys": "keys generate [--kind field|blind-index|backup] | keys rotate [--batch-size N]"
    " [--dry-run] — encryption keys; re-encrypt every encrypted field with the newest key",
    "backup": "backup --out FILE — an encrypted backup of the database (HAVEN_BACKUP_KEYS)",
    "restore": "restore FILE — replace the database with an encrypted backup (all or nothing)",
    "migrate": "create or update the database tables",
    "runserver": "serve Haven for development at http://127.0.0.1:8000",
    "createsuperuser": "create an administrator account",
}


def _print_help() -> None:
    print("usage: haven COMMAND [ARGS...]\n")
    print("Haven commands:")
    for name, summary in HAVEN_COMMANDS.items():
        print(f"  {name:<16} {summary}")
    print("\nEvery Django management command is available too: `haven help --commands` lists them,")
    print("`haven help COMMAND` explains one.")


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in {"-h", "--help"}:
        _print_help()
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["haven", *args])
