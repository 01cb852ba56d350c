"""Reads of the helpline: the contracts whose calls a user takes, the call log (filtered), the
call-backs due on a user's and their team's list, the rota and its gaps, and the figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, F, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from haven.accounts.models import User
from haven.accounts.signed_in import Viewer
from haven.casework.models import Case
from haven.contracts.models import Contract
from haven.deadlines.local_time import local_datetime
from haven.helpline.hours import Gap, cover_gaps, helpline_hours
from haven.helpline.models import CallBack, CallBackStatus, HelplineCall, Shift
from haven.helpline.rules import (
    CALL_TAKER_ROLES,
    call_taker_organisations,
    manager_organisations,
)
from haven.referrals.models import Referral
from haven.referrals.selectors import referrals_visible_to


def _organisations(user: Viewer) -> Q:
    if isinstance(user, User) and user.is_superuser:
        return Q()
    return Q(provider_id__in=call_taker_organisations(user))


def helpline_contracts_for(user: Viewer) -> list[Contract]:
    """The contracts whose helpline the user works, by name."""
    if not isinstance(user, User):
        return []
    return list(Contract.objects.filter(_organisations(user)).order_by("name"))


def helpline_contract_for(user: Viewer, contract_id: Any) -> Contract:
    for contract in helpline_contracts_for(user):
        if contract.pk == contract_id:
            return contract
    raise Http404


def calls_for(user: Viewer) -> QuerySet[HelplineCall]:
    """Calls of the contracts whose helpline the user works."""
    contracts = [c.pk for c in helpline_contracts_for(user)]
    return HelplineCall.objects.filter(contract_id__in=contracts).select_related(
        "contract", "taken_by"
    )


@dataclass(frozen=True)
class LogFilter:
    start: date | None = None
    end: date | None = None
    outcome: str = ""
    caller_type: str = ""
    contract_id: Any = None


def call_log(user: Viewer, chosen: LogFilter) -> QuerySet[HelplineCall]:
    calls = calls_for(user)
    zone = timezone.get_current_timezone()
    if chosen.start:
        calls = calls.filter(
            started_at__gte=local_datetime(chosen.start, datetime.min.time(), zone)
        )
    if chosen.end:
        calls = calls.filter(
            started_at__lt=local_datetime(chosen.end + timedelta(days=1), datetime.min.time(), zone)
        )
    if chosen.outcome:
        calls = calls.filter(**{chosen.outcome: True})
    if chosen.caller_type:
        calls = calls.filter(caller_type=chosen.caller_type)
    if chosen.contract_id:
        calls = calls.filter(contract_id=chosen.contract_id)
    return calls.order_by("-started_at")


def call_for(user: Viewer, call_id: Any) -> HelplineCall:
    try:
        return calls_for(user).get(pk=call_id)
    except HelplineCall.DoesNotExist as missing:
        raise Http404 from missing


def referral_from_call(user: Viewer, referral_id: Any) -> Referral | None:
    """The referral just made on the form reached from a call, if the user may see it."""
    return referrals_visible_to(user).filter(pk=referral_id).first()


def call_backs_of(call: HelplineCall) -> QuerySet[CallBack]:
    return call.call_backs.select_related("assigned_to", "closed_by")


def _team_ids(user: Viewer) -> set[Any]:
    if not isinstance(user, User):
        return set()
    return {m.team_id for m in user.memberships.all() if m.team_id is not None}


def call_backs_due_for(user: Viewer, *, scope: str = "mine") -> QuerySet[CallBack]:
    """Call-backs still due: `mine` (assigned to the user), `team` (the user's teams' too), or
    `all` (every one of the user's helplines: team leaders and service managers)."""
    due = CallBack.objects.filter(
        status=CallBackStatus.DUE, call__in=calls_for(user).values("pk")
    ).select_related("call", "call__contract", "assigned_to")
    if scope == "all" and (
        manager_organisations(user) or (isinstance(user, User) and user.is_superuser)
    ):
        return due.order_by("due_at")
    if scope in ("team", "all"):
        return due.filter(
            Q(assigned_to=user if isinstance(user, User) else None) | Q(team_id__in=_team_ids(user))
        ).order_by("due_at")
    if not isinstance(user, User):
        return due.none()
    return due.filter(assigned_to=user).order_by("due_at")


@dataclass(frozen=True)
class CallBacksSummary:
    due: int
    overdue: int


def call_backs_summary(user: Viewer) -> CallBacksSummary | None:
    """For the home page: the user's and their team's call-backs due and overdue (one query),
    or None for someone who takes no calls."""
    if not user.has_perm("helpline.take_calls"):
        return None
    counts = call_backs_due_for(user, scope="team").aggregate(
        due=Count("pk"), overdue=Count("pk", filter=Q(due_at__lt=timezone.now()))
    )
    return CallBacksSummary(due=counts["due"], overdue=counts["overdue"])


def call_back_for(user: Viewer, call_back_id: Any) -> CallBack:
    try:
        return CallBack.objects.select_related("call", "call__contract", "assigned_to").get(
            pk=call_back_id, call__in=calls_for(user).values("pk")
        )
    except CallBack.DoesNotExist as missing:
        raise Http404 from missing


def case_for_call(user: Viewer, contract: Contract, reference_code: str) -> Case | None:
    """The most recent case of `contract` the user can see of the person with this reference
    code, or None."""
    code = reference_code.strip().upper()
    if not code:
        return None
    return (
        Case.objects.visible_to(user)
        .filter(contract=contract, person__reference_code=code)
        .order_by("-opened_at")
        .first()
    )


def call_takers_for(contract: Contract) -> list[User]:
    """Who may be put on the contract's rota: active call takers of its provider."""
    if contract.provider_id is None:
        return []
    return list(
        User.objects.filter(
            is_active=True,
            memberships__organisation_id=contract.provider_id,
            memberships__role__in=CALL_TAKER_ROLES,
        )
        .distinct()
        .order_by("full_name", "email")
    )


@dataclass(frozen=True)
class Rota:
    contract: Contract
    first_day: date
    days: int
    shifts: list[Shift]
    gaps: list[Gap]


def rota_for(contract: Contract, first_day: date, days: int = 7) -> Rota:
    hours = helpline_hours(contract)
    start = local_datetime(first_day, datetime.min.time(), hours.timezone)
    end = local_datetime(first_day + timedelta(days=days), datetime.min.time(), hours.timezone)
    shifts = list(
        Shift.objects.filter(contract=contract, starts_at__lt=end, ends_at__gt=start)
        .select_related("staff")
        .order_by("starts_at")
    )
    gaps = cover_gaps(hours, first_day, days, [(s.starts_at, s.ends_at) for s in shifts])
    return Rota(contract, first_day, days, shifts, gaps)


def shift_of(contract: Contract, shift_id: Any) -> Shift:
    try:
        return Shift.objects.select_related("contract").get(contract=contract, pk=shift_id)
    except Shift.DoesNotExist as missing:
        raise Http404 from missing


@dataclass(frozen=True)
class Figures:
    calls_in: int
    calls_out: int
    out_of_hours: int
    counselling_hours: float
    call_backs_done: int
    enquiries_answered_in_time: int
    enquiries_due: int


def figures_for(calls: QuerySet[HelplineCall], now: datetime) -> Figures:
    """The figures of a filtered call log (managers see them above the log): two queries."""
    totals = calls.aggregate(
        calls_in=Count("pk", filter=Q(direction="in")),
        calls_out=Count("pk", filter=Q(direction="out")),
        out_of_hours=Count("pk", filter=Q(out_of_hours=True)),
        counselling=Sum("duration_minutes", filter=Q(kind="counselling")),
        in_time=Count("pk", filter=Q(direction="in", answered_at__lte=F("answer_due_at"))),
        due=Count(
            "pk",
            filter=Q(direction="in") & (Q(answered_at__isnull=False) | Q(answer_due_at__lt=now)),
        ),
    )
    done = CallBack.objects.filter(call__in=calls.values("pk"), status=CallBackStatus.DONE).count()
    return Figures(
        calls_in=totals["calls_in"],
        calls_out=totals["calls_out"],
        out_of_hours=totals["out_of_hours"],
        counselling_hours=round((totals["counselling"] or 0) / 60, 2),
        call_backs_done=done,
        enquiries_answered_in_time=totals["in_time"],
        enquiries_due=totals["due"],
    )
