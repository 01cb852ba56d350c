"""The follow-ups and surveys section of the case page (casework/sections.py): the open
follow-ups with a link to record each, the surveys given, and links to record a survey on the
contract's other occasions (end of visit, exit, the police survey team's results)."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString

from haven.casework.sections import CaseSection, render_section
from haven.casework.selectors import VisibleCase
from haven.followups.models import SurveyOccasion
from haven.followups.selectors import answer_rows, open_follow_up_tasks, surveys_for
from haven.followups.services import survey_occasions, survey_refusal, survey_team_schedules

ORDER = 60
LATEST = 5


def build(request: HttpRequest, visible: VisibleCase) -> CaseSection:
    case = visible.case
    follow_ups = open_follow_up_tasks(case)
    surveys = [(survey, answer_rows(survey)) for survey in surveys_for(case)[:LATEST]]
    links = []
    if visible.can_change:
        for occasion in survey_occasions(case):
            if survey_refusal(case, occasion) is None:
                label = SurveyOccasion(occasion).label
                links.append(
                    (
                        f"Record a survey: {label[0].lower()}{label[1:]}",
                        reverse("followups:survey_new", args=[case.pk, occasion]),
                    )
                )
    if survey_team_schedules(case) and request.user.has_perm("casework.export_lists"):
        # seed 000 s5: team leaders and service managers pass victims to the survey team
        links.append(("Pass victims to the survey team", reverse("followups:hand_offs")))
    html: SafeString | str = ""
    if follow_ups or surveys:
        html = render_section(
            request,
            "followups/_case_section.html",
            {
                "case": case,
                "follow_ups": follow_ups,
                "surveys": surveys,
                "can_record": visible.can_change,
            },
        )
    return CaseSection(order=ORDER, html=html, links=tuple(links))
