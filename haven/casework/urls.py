from django.urls import path

from haven.casework.views import (
    attempts,
    break_glass,
    case_actions,
    case_page,
    caseload,
    exclusions,
    exit_steps,
    exports,
    needs_assessment,
    notes,
    tasks,
    worklist,
)

app_name = "casework"
urlpatterns = [
    path("", worklist.worklist, {"scope": "mine"}, name="worklist"),
    path("team/", worklist.worklist, {"scope": "team"}, name="team_worklist"),
    path("all/", worklist.worklist, {"scope": "all"}, name="all_worklist"),
    path("worklist/export/", exports.worklist_export, name="worklist_export"),
    path("caseload/", caseload.caseload, name="caseload"),
    path("caseload/export/", exports.caseload_export, name="caseload_export"),
    path("caseloads/", caseload.caseloads, name="caseloads"),
    path("<uuid:case_id>/", case_page.case_detail, name="detail"),
    path("<uuid:case_id>/reason/", break_glass.break_glass, name="break_glass"),
    path("<uuid:case_id>/attempts/new/", attempts.attempt_record, name="attempt_record"),
    path("<uuid:case_id>/tasks/<uuid:task_id>/done/", tasks.task_done, name="task_done"),
    path("<uuid:case_id>/notes/", notes.note_list, name="note_list"),
    path("<uuid:case_id>/notes/new/", notes.note_add, name="note_add"),
    path("notes/<uuid:note_id>/edit/", notes.note_edit, name="note_edit"),
    path("notes/<uuid:note_id>/correct/", notes.note_correct, name="note_correct"),
    path("<uuid:case_id>/state/", case_actions.state_change, name="state_change"),
    path("<uuid:case_id>/allocate/", case_actions.allocate, name="allocate"),
    path("<uuid:case_id>/restriction/", case_actions.restriction, name="restriction"),
    path("<uuid:case_id>/close/", case_actions.close, name="close"),
    path("<uuid:case_id>/exit/reengagement/", exclusions.reengagement, name="reengagement"),
    path("<uuid:case_id>/exit/exclude/", exclusions.exclude, name="exclude"),
    path("<uuid:case_id>/exit/appeal/", exclusions.appeal_lodged, name="appeal_lodged"),
    path("<uuid:case_id>/exit/appeal/decide/", exclusions.appeal_decide, name="appeal_decide"),
    path("<uuid:case_id>/exit/interview/", exit_steps.exit_interview, name="exit_interview"),
    path(
        "<uuid:case_id>/exit/onward-referral/", exit_steps.onward_referral, name="onward_referral"
    ),
    path(
        "<uuid:case_id>/exit/needs-reassessment/",
        exit_steps.needs_reassessment,
        name="needs_reassessment",
    ),
    path(
        "<uuid:case_id>/needs-assessment/",
        needs_assessment.needs_assessment,
        name="needs_assessment",
    ),
]
