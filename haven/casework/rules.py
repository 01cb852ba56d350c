"""Casework permissions (django-rules) and the rules services enforce; object-level scope is in
`haven.access.scope`.

"Nothing is recorded on a closed case" lives here: the services refuse (CaseClosedError) and the
views only read these functions to decide which links and pages to offer. The one exception is
a follow-up duty that starts at closure (e.g. Wokingham's 6- and 12-month contact, seed 003
s6.9): while one is open, its contact attempt, or marking it done, may be recorded.
"""

from __future__ import annotations

from typing import Any

import rules

from haven.access.rules import has_case_role, may_change_cases
from haven.access.scope import may_change_case
from haven.accounts.rules import is_manager
from haven.accounts.signed_in import Viewer

CLOSED = "The case is closed: nothing more is recorded on it"


def follow_up_keys(case: Any) -> frozenset[str]:
    """The keys of the case's profile rules whose clock starts when the case closes."""
    from haven.contracts.profiles.stored import profile_of
    from haven.deadlines import StartEvent

    try:
        rules_ = profile_of(case.contract).rules()
    except ValueError:
        return frozenset()
    return frozenset(rule.key for rule in rules_ if rule.start is StartEvent.CLOSED)


def open_follow_ups(case: Any) -> Any:
    """The outstanding follow-up duties of a closed case (none for an open case)."""
    from haven.casework.models import CaseState, Task

    if case.state != CaseState.CLOSED:
        return Task.objects.none()
    return case.tasks.filter(is_outstanding=True, rule_key__in=follow_up_keys(case))


def record_refusal(case: Any) -> str | None:
    """Why nothing (notes, risk checklist, exit steps ...) may be recorded on this case."""
    from haven.casework.models import CaseState

    return CLOSED if case.state == CaseState.CLOSED else None


def attempt_refusal(case: Any) -> str | None:
    """Why no contact attempt may be recorded: a closed case takes one only towards an open
    follow-up duty that an attempt meets."""
    from haven.casework.first_contact import FIRST_CONTACT_ACTIONS

    if record_refusal(case) is None:
        return None
    if open_follow_ups(case).filter(action__in=FIRST_CONTACT_ACTIONS).exists():
        return None
    return CLOSED


def is_follow_up(task: Any) -> bool:
    return task.rule_key in follow_up_keys(task.case)


@rules.predicate
def may_change_this_case(user: Viewer, case: Any) -> bool:
    """Casework's change rule for one case (restricted cases: named staff or a reason)."""
    return case is not None and may_change_case(user, case)


@rules.predicate
def may_record_on(user: Viewer, case: Any) -> bool:
    return case is not None and record_refusal(case) is None


@rules.predicate
def may_record_attempt_on(user: Viewer, case: Any) -> bool:
    return case is not None and attempt_refusal(case) is None


rules.add_perm("casework.view_cases", has_case_role | rules.is_superuser)
rules.add_perm("casework.change_case", may_change_this_case)
rules.add_perm("casework.record_on_case", may_change_this_case & may_record_on)
rules.add_perm("casework.record_attempt", may_change_this_case & may_record_attempt_on)
rules.add_perm("casework.change_cases", may_change_cases | rules.is_superuser)
# Caseloads (issue 10 s5): caseworkers, team leaders and service managers see their own
# caseload; team leaders and service managers oversee their teams' (and export the lists).
rules.add_perm("casework.view_caseload", may_change_cases | rules.is_superuser)
rules.add_perm("casework.oversee_caseloads", is_manager | rules.is_superuser)
rules.add_perm("casework.export_lists", is_manager | rules.is_superuser)
# The waiting list (issue 13): team leaders and service managers of the provider; caseworkers
# read it too (names only of the cases they may open: casework.selectors_waiting).
rules.add_perm("casework.view_waiting_list", may_change_cases | rules.is_superuser)


@rules.predicate
def keeps_a_directory(user: Viewer) -> bool:
    """A service manager or administrator of a provider keeps its agency directory."""
    from haven.casework.services.directory import directory_organisation_ids

    return bool(directory_organisation_ids(user))


# The agency directory (issue 11 item 4): its service managers and administrators keep it.
rules.add_perm("casework.manage_directory", keeps_a_directory)
