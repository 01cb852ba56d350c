"""Who may see the print-and-post queue (django-rules discovers this module). Sending a
message, printing and posting a letter are changes to the case (`@with_case(change=True)`)."""

from __future__ import annotations

import rules

from haven.accounts.roles import Role
from haven.accounts.signed_in import Viewer

QUEUE_ROLES = frozenset({Role.CASEWORKER, Role.TEAM_LEADER})


@rules.predicate
def works_the_letter_queue(user: Viewer) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return bool(set(user.roles()) & QUEUE_ROLES)


# Caseworkers and team leaders print and post letters (issue 14 item 9).
rules.add_perm("outbox.view_letter_queue", works_the_letter_queue | rules.is_superuser)
