"""The staff home page: what this user can do, by role, and for case staff where to start."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from haven.accounts.selectors import memberships_of
from haven.accounts.signed_in import Viewer
from haven.casework.selectors import worklist_summaries
from haven.contracts.selectors import contracts_visible_to
from haven.helpline.selectors import call_backs_due_for, call_backs_summary
from haven.partners.rules import is_partner
from haven.referrals.selectors import pending_referral_count
from haven.reporting.due import DueReturn
from haven.reporting.snapshots import returns_due_for
from haven.workforce.selectors import HomeDuties, home_duties


def _casework_start(user: Viewer) -> dict[str, Any] | None:
    """Worklist counts and the intake queue for staff who work with cases (never commissioners)."""
    if not user.has_perm("casework.view_cases"):
        return None
    summaries = worklist_summaries(user)
    return {
        "mine": summaries["mine"],
        "team": summaries.get("team"),
        "all": summaries["all"],
        "pending_referrals": (
            pending_referral_count(user) if user.has_perm("referrals.view_referrals") else 0
        ),
        "can_refer": user.has_perm("referrals.create_referral"),
        "can_find_people": user.has_perm("people.view_person"),
    }


def _helpline(user: Viewer) -> dict[str, Any] | None:
    """The helpline's call-backs due on the user's and their team's list (issue 16 item 4), for
    the call takers: the counts and the five soonest, in two queries."""
    summary = call_backs_summary(user)
    if summary is None:
        return None
    return {
        "summary": summary,
        "due": list(call_backs_due_for(user, scope="team")[:5]),
        "now": timezone.now(),
    }


def _returns_due(user: Viewer) -> list[DueReturn] | None:
    """The service manager's returns to sign off and submit (issue 10 s2), a fixed number of
    queries whatever the number of contracts."""
    if not user.has_perm("reporting.sign_off_return"):
        return None
    return returns_due_for(user, timezone.localdate())


def _workforce(user: Viewer) -> HomeDuties | None:
    """issue 16 item 6: the worker's next supervision (every 6 weeks) and, for team leaders and
    service managers, supervisions due and vetting about to lapse (seed 000 s12, 004 s13)."""
    duties = home_duties(user)
    if duties.own is None and not user.has_perm("workforce.view_team"):
        return None
    return duties


def _service_pages(user: Viewer) -> list[tuple[str, str]]:
    """The service's own registers this user keeps (issue 16): restorative justice processes
    for team leaders and service managers, the 360-degree appraisal for service managers and
    analysts."""
    pages = [
        ("Restorative justice", "restorative:index", "restorative.view_processes"),
        ("Stakeholder appraisal", "appraisal:index", "appraisal.view_rounds"),
    ]
    return [(text, reverse(name)) for text, name, perm in pages if user.has_perm(perm)]


@login_required
def home(request: HttpRequest) -> HttpResponse:
    if is_partner(request.user):  # a partner agency's referrer has their own home (issue 14)
        return redirect("partners:home")
    context = {
        "memberships": memberships_of(request.user),
        "contracts": contracts_visible_to(request.user),
        "casework": _casework_start(request.user),
        "returns_due": _returns_due(request.user),
        "helpline": _helpline(request.user),
        "can_view_audit": request.user.has_perm("core.view_audit"),
        "can_manage_staff": request.user.has_perm("accounts.manage_staff"),
        # issue 15 item 3: the data protection officer runs them; the auditor reads the log
        "can_view_sars": request.user.has_perm("subjectaccess.view_sar_log"),
        # issue 15 item 4: the data protection officer's retention review and erasure requests
        "can_manage_retention": request.user.has_perm("retention.manage"),
        # issue 16 item 2: the provider's staff see (and most record) the service's events
        "can_view_events": request.user.has_perm("events.view_events"),
        # issue 16 item 7: budgets, income and spend (service managers, administrators, analysts)
        "can_view_finance": request.user.has_perm("finance.view_finance"),
        "workforce": _workforce(request.user),
        "can_view_workforce": request.user.has_perm("workforce.view_team"),
        "service_pages": _service_pages(request.user),  # issue 16
        # issue 16 item 1: staff of a provider open its groups and programmes
        "can_view_programmes": request.user.has_perm("programmes.view_index"),
    }
    return render(request, "core/home.html", context)
