"""Casework's own section of the case page about how the case ends: the exit, attempts to
re-engage, the exclusion and its appeal, and the person's earlier cases (the open door)."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString

from haven.casework.exit_selectors import earlier_cases, exclusion_for, reengagement_attempts_for
from haven.casework.models import AppealOutcome, CaseState, Exclusion
from haven.casework.sections import CaseSection, render_section
from haven.casework.selectors import VisibleCase
from haven.casework.services.exclusions import exclusion_criteria

ORDER = 90
LATEST = 3


def _links(visible: VisibleCase, exclusion: Exclusion | None) -> list[tuple[str, str]]:
    case = visible.case
    is_open = case.state != CaseState.CLOSED
    links = []
    if visible.can_change and is_open:
        links.append(
            ("Record an attempt to re-engage", reverse("casework:reengagement", args=[case.pk]))
        )
    if visible.can_manage and is_open and exclusion is None and exclusion_criteria(case):
        links.append(("Exclude from the service", reverse("casework:exclude", args=[case.pk])))
    if exclusion is not None:
        lodged, outcome = exclusion.appeal_lodged_at, exclusion.appeal_outcome
        if visible.can_change and lodged is None:
            links.append(("Record an appeal", reverse("casework:appeal_lodged", args=[case.pk])))
        if visible.can_manage and lodged is not None and not outcome:
            links.append(("Decide the appeal", reverse("casework:appeal_decide", args=[case.pk])))
    return links


def _criteria_labels(exclusion: Exclusion | None) -> list[str]:
    if exclusion is None:
        return []
    labels = {c.key: c.label for c in exclusion_criteria(exclusion.case)}
    return [labels.get(key, key) for key in exclusion.criteria]


def build(request: HttpRequest, visible: VisibleCase) -> CaseSection:
    case = visible.case
    exclusion = exclusion_for(case)
    attempts = list(reengagement_attempts_for(case)[:LATEST])
    earlier = earlier_cases(request.user, case)
    html: SafeString | str = ""
    if attempts or exclusion is not None or earlier or case.exit_reason:
        html = render_section(
            request,
            "casework/_exit_section.html",
            {
                "case": case,
                "attempts": attempts,
                "attempt_count": reengagement_attempts_for(case).count(),
                "exclusion": exclusion,
                "criteria_labels": _criteria_labels(exclusion),
                "overturned": AppealOutcome.OVERTURNED,
                "earlier": earlier,
            },
        )
    return CaseSection(order=ORDER, html=html, links=tuple(_links(visible, exclusion)))
