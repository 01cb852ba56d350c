from django.urls import path

from haven.casework.views import (
    attempts,
    break_glass,
    case_actions,
    case_page,
    caseload,
    directory,
    exit_steps,
    exports,
    needs_assessment,
    notes,
    onward_referrals,
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
    path("<uuid:case_id>/exit/interview/", exit_steps.exit_interview, name="exit_interview"),
    path(
        "<uuid:case_id>/exit/onward-referral/",
        onward_referrals.onward_referral,
        name="onward_referral",
    ),
    path(
        "<uuid:case_id>/onward-referrals/<uuid:referral_id>/outcome/",
        onward_referrals.onward_referral_outcome,
        name="onward_referral_outcome",
    ),
    path("directory/", directory.directory_list, name="directory"),
    path("directory/new/", directory.agency_add, name="agency_add"),
    path("directory/<uuid:agency_id>/", directory.agency_edit, name="agency_edit"),
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
