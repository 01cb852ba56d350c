"""Screening on a case (seed 004 s6.3 mental health flags, s6.4 AUDIT and DUDIT; ACEs routine
enquiry, seed 004 s6.2): the date and the answer or total score only (docs/adr/0016-screening-tools-score-only.md).
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case
from haven.casework.services import case_event_record
from haven.casework.services.closed import refuse_if_closed
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.risk.models import SCORE_RANGES, Screening, ScreeningTool
from haven.validators import date_problem, refuse

FLAGS = {
    ScreeningTool.ACES: {
        "aces_asked": "Select yes if the ACEs routine enquiry was asked",
    },
    ScreeningTool.MENTAL_HEALTH: {  # seed 004 s6.3: "formal diagnosis, keyworker identified
        # mental health issues and mental health service involvement"
        "mh_diagnosis": "Select yes if there is a formal mental health diagnosis",
        "mh_keyworker_identified": "Select yes if the keyworker identified mental health issues",
        "mh_service_involvement": "Select yes if mental health services are involved",
    },
}


def _problems(
    case: Case, tool: ScreeningTool, screened_on: date, answers: dict[str, object]
) -> dict[str, str | None]:
    problems: dict[str, str | None] = {}
    when = date_problem(screened_on, subject="Date of the screening")
    if when is None and screened_on > timezone.localdate():
        when = "Date of the screening must be today or in the past"
    if when is None and screened_on < timezone.localdate(case.opened_at):
        when = "Date of the screening must be the same as or after the day the case opened"
    problems["screened_on"] = when
    for name, message in FLAGS.get(tool, {}).items():
        if not isinstance(answers.get(name), bool):
            problems[name] = message
    if tool in SCORE_RANGES:
        low, high = SCORE_RANGES[tool]  # seed 004 s6.4: AUDIT 0-40, DUDIT 0-44
        score = answers.get("score")
        name = tool.value.upper()
        if score is None:
            problems["score"] = f"Enter the {name} score"
        elif not isinstance(score, int) or isinstance(score, bool) or not low <= score <= high:
            problems["score"] = f"{name} score must be a whole number from {low} to {high}"
    allowed = set(FLAGS.get(tool, {})) | ({"score"} if tool in SCORE_RANGES else set())
    for name in set(answers) - allowed:
        if answers[name] is not None:
            problems[name] = f"{ScreeningTool(tool).label} does not record this"
    return problems


@transaction.atomic
def screening_record(
    *,
    case: Case,
    recorded_by: User,
    tool: str,
    screened_on: date,
    answers: dict[str, object],
) -> Screening:
    """Record one screening; ValidationError by field before anything is saved."""
    refuse_if_closed(case)
    if not recorded_by.has_perm("risk.complete_assessment", case):
        raise PermissionDenied("You may not record screening on this case")
    if tool not in ScreeningTool.values:
        refuse({"tool": "Select which screening was done"})
    kind = ScreeningTool(tool)
    refuse(_problems(case, kind, screened_on, answers))
    screening = Screening.objects.create(
        case=case, tool=kind, screened_on=screened_on, recorded_by=recorded_by, **answers
    )
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=screening,
        changes={"tool": [None, kind.value], "screened_on": [None, screened_on.isoformat()]},
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.SCREENING,
        actor=recorded_by,
        target=screening,
        summary=f"Screening recorded: {kind.label}",
        data={"tool": kind.value},
    )
    return screening


def screenings_of(case: Case) -> QuerySet[Screening]:
    """A case the caller already resolved for the user: its screenings, newest first."""
    return Screening.objects.filter(case=case).select_related("recorded_by")


def screening_answer(screening: Screening) -> str:
    """What a screening found, in words for the list."""
    tool = ScreeningTool(screening.tool)
    if tool in SCORE_RANGES:
        return f"Score {screening.score} of {SCORE_RANGES[tool][1]}"
    if tool is ScreeningTool.ACES:
        return "Asked" if screening.aces_asked else "Not asked"
    flags = [
        ("formal diagnosis", screening.mh_diagnosis),
        ("keyworker identified", screening.mh_keyworker_identified),
        ("mental health service involved", screening.mh_service_involvement),
    ]
    found = [label for label, value in flags if value]
    return ("Yes: " + ", ".join(found)) if found else "None identified"
