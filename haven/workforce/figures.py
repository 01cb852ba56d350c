"""The workforce rules and figures as plain Python (no Django): supervision due dates, vetting
status, training compliance and the bi-annual workforce figures (seed 004 s10).

The staff pages (selectors.py) and the returns' measures (reporting/measures/workforce.py) both
count through these functions, so a figure on the workforce page and in the return agree.
Shares weighted by FTE are returned as (numerator weights, denominator weights) by record id.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any, NamedTuple

# seed 000 s12; seed 004 s13: "supervision every 6 weeks"
SUPERVISION_EVERY = timedelta(weeks=6)
# reminders before vetting lapses (seed 002 Lot 1 s12, s15)
VETTING_WARNING = timedelta(days=60)
# seed 004 s10: "short-term < 4 weeks, long-term" (calendar days)
LONG_TERM_FROM_DAYS = 28
SUBSTANTIVE = frozenset({"permanent", "fixed_term"})
# seed 004 s10: "Temporary Staffing Usage - Overall (Bank, Agency and Locum)"
TEMPORARY = frozenset({"bank", "agency", "locum"})

Weights = dict[Any, float]


class StaffRow(NamedTuple):
    """A worker or volunteer (workforce.StaffMember)."""

    id: Any
    organisation_id: Any
    kind: str  # staff | volunteer
    contract_type: str  # "" for volunteers
    fte: float
    started_on: date
    left_on: date | None
    post_id: Any
    volunteer_role: str = ""


class PostRow(NamedTuple):
    """A line of the workforce plan (workforce.EstablishmentPost)."""

    id: Any
    organisation_id: Any
    fte: float
    valid_from: date
    valid_to: date | None


class AbsenceRow(NamedTuple):
    """A sickness absence (workforce.SicknessAbsence); `last_day` None while still off."""

    id: Any
    staff_member_id: Any
    first_day: date
    last_day: date | None
    reason: str


class SupervisionRow(NamedTuple):
    id: Any
    staff_member_id: Any
    held_on: date
    kind: str


class CompletionRow(NamedTuple):
    id: Any
    staff_member_id: Any
    course_id: Any
    session_id: Any
    completed_on: date
    expires_on: date | None


class CourseRow(NamedTuple):
    id: Any
    mandatory_for_staff: bool
    mandatory_for_volunteers: bool


class SessionRow(NamedTuple):
    id: Any
    course_id: Any
    held_on: date


# --- compliance of one worker ------------------------------------------------------------------


def supervision_due(last_held: date | None, started_on: date) -> date:
    """Six weeks after the last supervision, or after starting when there has been none."""
    return (last_held or started_on) + SUPERVISION_EVERY


def vetting_status(expires_on: date | None, required: bool, today: date) -> str:
    """valid | expiring (within 60 days) | lapsed | none (required, never vetted) | not_required."""
    if expires_on is None:
        return "none" if required else "not_required"
    if expires_on < today:
        return "lapsed" if required else "not_required"
    if expires_on - today <= VETTING_WARNING:
        return "expiring"
    return "valid"


def may_take_new_cases(expires_on: date | None, required: bool, today: date) -> bool:
    """seed 002 Lot 1 s12, s15: a worker whose vetting has lapsed (or who has none where the
    contract requires it) cannot be allocated new cases."""
    return vetting_status(expires_on, required, today) in {"valid", "expiring", "not_required"}


def mandatory_courses(courses: Iterable[CourseRow], kind: str) -> set[Any]:
    return {
        c.id
        for c in courses
        if (c.mandatory_for_volunteers if kind == "volunteer" else c.mandatory_for_staff)
    }


def is_compliant(
    kind: str, completions: Iterable[CompletionRow], courses: Iterable[CourseRow], on: date
) -> bool:
    """Every course mandatory for them completed by `on` and not expired on it."""
    current = {
        c.course_id
        for c in completions
        if c.completed_on <= on and (c.expires_on is None or c.expires_on >= on)
    }
    return mandatory_courses(courses, kind) <= current


# --- the workforce figures (seed 004 s10) ------------------------------------------------------


def in_post(staff: StaffRow, day: date) -> bool:
    return staff.started_on <= day and (staff.left_on is None or staff.left_on >= day)


def working_days(first: date, last: date) -> int:
    """Monday to Friday days from first to last inclusive."""
    if last < first:
        return 0
    days = (last - first).days + 1
    weeks, extra = divmod(days, 7)
    count = weeks * 5
    for offset in range(extra):
        if (first + timedelta(days=weeks * 7 + offset)).weekday() < 5:
            count += 1
    return count


def _employed_days(staff: StaffRow, first: date, last: date) -> tuple[date, date] | None:
    start = max(first, staff.started_on)
    end = min(last, staff.left_on) if staff.left_on else last
    return (start, end) if start <= end else None


def _paid(staff: Iterable[StaffRow]) -> list[StaffRow]:
    return [s for s in staff if s.kind == "staff"]


def vacancy(
    posts: Iterable[PostRow], staff: Iterable[StaffRow], day: date
) -> tuple[Weights, Weights]:
    """Vacant FTE (planned less substantive FTE in post, never below 0) over substantive FTE in
    post, by post of the plan in force on `day`."""
    live = [p for p in posts if p.valid_from <= day and (p.valid_to is None or p.valid_to >= day)]
    filled: Weights = {p.id: 0.0 for p in live}
    for s in _paid(staff):
        if s.contract_type in SUBSTANTIVE and s.post_id in filled and in_post(s, day):
            filled[s.post_id] += s.fte
    vacant = {p.id: p.fte - filled[p.id] for p in live if p.fte - filled[p.id] > 0}
    return vacant, filled


def plan_vs_actual(
    posts: Iterable[PostRow], staff: Iterable[StaffRow], day: date
) -> tuple[Weights, Weights]:
    """Actual FTE in post (any contract) over planned FTE, by post of the plan in force."""
    live = [p for p in posts if p.valid_from <= day and (p.valid_to is None or p.valid_to >= day)]
    actual: Weights = {p.id: 0.0 for p in live}
    for s in _paid(staff):
        if s.post_id in actual and in_post(s, day):
            actual[s.post_id] += s.fte
    return actual, {p.id: p.fte for p in live}


def temporary_staffing(staff: Iterable[StaffRow], day: date) -> tuple[Weights, Weights]:
    """Temporary (bank, agency, locum) FTE in post over substantive FTE in post on `day`."""
    temporary: Weights = {}
    whole: Weights = {}
    for s in _paid(staff):
        if not in_post(s, day):
            continue
        if s.contract_type in TEMPORARY:
            temporary[s.id] = s.fte
            whole[s.id] = 0.0
        elif s.contract_type in SUBSTANTIVE:
            whole[s.id] = s.fte
    return temporary, whole


def turnover(staff: Iterable[StaffRow], last: date) -> tuple[Weights, Weights]:
    """Heads who left in the rolling 12 months to `last` over the average heads in post
    (the mean of heads in post at its start and at its end)."""
    first = last - timedelta(days=365) + timedelta(days=1)
    left: Weights = {}
    average: Weights = {}
    for s in _paid(staff):
        weight = (in_post(s, first) + in_post(s, last)) / 2
        went = s.left_on is not None and first <= s.left_on <= last
        if weight or went:
            average[s.id] = weight
        if went:
            left[s.id] = 1.0
    return left, average


def days_lost(absence: AbsenceRow, staff: StaffRow, first: date, last: date) -> float:
    """FTE days lost in [first, last]: working days off times the worker's FTE."""
    end = absence.last_day or last
    return working_days(max(first, absence.first_day), min(last, end)) * staff.fte


def absences_in(absences: Iterable[AbsenceRow], first: date, last: date) -> list[AbsenceRow]:
    return [a for a in absences if a.first_day <= last and (a.last_day or last) >= first]


def sickness(
    staff: Iterable[StaffRow], absences: Iterable[AbsenceRow], first: date, last: date
) -> tuple[Weights, Weights]:
    """FTE days lost over FTE days available in [first, last], by worker."""
    by_id = {s.id: s for s in _paid(staff)}
    available: Weights = {}
    for s in by_id.values():
        span = _employed_days(s, first, last)
        if span is not None:
            available[s.id] = working_days(*span) * s.fte
    lost: Weights = {}
    for a in absences_in(absences, first, last):
        worker = by_id.get(a.staff_member_id)
        if worker is not None and worker.id in available:
            lost[worker.id] = lost.get(worker.id, 0.0) + days_lost(a, worker, first, last)
    return {k: v for k, v in lost.items() if v}, available


def is_long_term(absence: AbsenceRow, last: date) -> bool:
    end = absence.last_day or last
    return (end - absence.first_day).days + 1 >= LONG_TERM_FROM_DAYS


def absence_split(
    staff: Iterable[StaffRow],
    absences: Iterable[AbsenceRow],
    first: date,
    last: date,
    *,
    which: str,
) -> tuple[Weights, Weights]:
    """FTE days lost in [first, last] to long-term (`which="long_term"`) or stress-related
    (`which="stress"`) absences over all FTE days lost to sickness, by absence."""
    by_id = {s.id: s for s in _paid(staff)}
    whole: Weights = {}
    part: Weights = {}
    for a in absences_in(absences, first, last):
        s = by_id.get(a.staff_member_id)
        if s is None:
            continue
        lost = days_lost(a, s, first, last)
        if not lost:
            continue
        whole[a.id] = lost
        if (which == "stress" and a.reason == "stress") or (
            which == "long_term" and is_long_term(a, last)
        ):
            part[a.id] = lost
    return part, whole


def days_per_fte(
    staff: Iterable[StaffRow], absences: Iterable[AbsenceRow], last: date
) -> tuple[Weights, Weights]:
    """FTE days lost in the 12 months to `last` over the average FTE in post in them (each
    worker's FTE times the share of the 12 months they were in post), by worker."""
    first = last - timedelta(days=365) + timedelta(days=1)
    year = (last - first).days + 1
    by_id = {s.id: s for s in _paid(staff)}
    average: Weights = {}
    for s in by_id.values():
        span = _employed_days(s, first, last)
        if span is not None:
            average[s.id] = s.fte * ((span[1] - span[0]).days + 1) / year
    lost: Weights = {}
    for a in absences_in(absences, first, last):
        worker = by_id.get(a.staff_member_id)
        if worker is not None and worker.id in average:
            lost[worker.id] = lost.get(worker.id, 0.0) + days_lost(a, worker, first, last)
    return {k: v for k, v in lost.items() if v}, average


def training_compliance(
    staff: Iterable[StaffRow],
    completions: Iterable[CompletionRow],
    courses: Iterable[CourseRow],
    day: date,
) -> tuple[list[Any], list[Any]]:
    """Staff and volunteers in post on `day` compliant with their mandatory training, of all
    of them (seed 004 s10 "including all volunteers and mentors")."""
    courses = list(courses)
    by_staff: dict[Any, list[CompletionRow]] = {}
    for c in completions:
        by_staff.setdefault(c.staff_member_id, []).append(c)
    present = [s for s in staff if in_post(s, day)]
    compliant = [
        s.id for s in present if is_compliant(s.kind, by_staff.get(s.id, []), courses, day)
    ]
    return compliant, [s.id for s in present]


def ratio(part: Weights, whole: Weights) -> float | None:
    total = sum(whole.values())
    return sum(part.values()) / total if total else None
