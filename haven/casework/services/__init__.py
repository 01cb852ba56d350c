"""Every write to the case record (STYLE habit 1): atomic, audited, on the timeline."""

from haven.casework.services.access import (
    AllocationRefusedError,
    allocation_refusal,
    case_access_grant,
    case_access_revoke,
    case_allocate,
    case_break_glass,
    case_restricted_view_audit,
    case_restriction_set,
    case_view_record,
)
from haven.casework.services.attempts import (
    AttemptRefusedError,
    SafeContactBlockedError,
    attempt_summary,
    contact_attempt_record,
    success_state_choices,
)
from haven.casework.services.closed import CaseClosedError
from haven.casework.services.closure import ClosureRefusedError, case_close, exit_requirements
from haven.casework.services.events import case_event_record
from haven.casework.services.exit_steps import (
    ExitStepRefusedError,
    exit_interview_record,
    exit_step_refusal,
    needs_reassessment_record,
)
from haven.casework.services.needs_area_levels import needs_areas, needs_assessment_record
from haven.casework.services.notes import (
    NoteNotEditableError,
    case_note_add,
    case_note_correct,
    case_note_edit,
    note_edit_refusal,
)
from haven.casework.services.onward_referrals import (
    onward_referral_outcome_record,
    onward_referral_outcome_refusal,
    onward_referral_record,
)
from haven.casework.services.opening import case_open_from_referral, referral_accept
from haven.casework.services.risk_level import case_risk_level_set
from haven.casework.services.states import (
    case_next_states,
    case_state_change,
    waiting_list_block,
    waiting_list_exemption,
)
from haven.casework.services.tasks import (
    TaskNotMarkableError,
    case_tasks_sync,
    opened_minute,
    task_done_refusal,
    task_mark_done,
    tasks_mark_breached,
)

__all__ = [
    "AllocationRefusedError",
    "AttemptRefusedError",
    "CaseClosedError",
    "ClosureRefusedError",
    "ExitStepRefusedError",
    "NoteNotEditableError",
    "SafeContactBlockedError",
    "TaskNotMarkableError",
    "allocation_refusal",
    "attempt_summary",
    "case_access_grant",
    "case_access_revoke",
    "case_allocate",
    "case_break_glass",
    "case_close",
    "case_event_record",
    "case_next_states",
    "case_note_add",
    "case_note_correct",
    "case_note_edit",
    "case_open_from_referral",
    "case_restricted_view_audit",
    "case_restriction_set",
    "case_risk_level_set",
    "case_state_change",
    "case_tasks_sync",
    "case_view_record",
    "contact_attempt_record",
    "exit_interview_record",
    "exit_requirements",
    "exit_step_refusal",
    "needs_areas",
    "needs_assessment_record",
    "needs_reassessment_record",
    "note_edit_refusal",
    "onward_referral_outcome_record",
    "onward_referral_outcome_refusal",
    "onward_referral_record",
    "opened_minute",
    "referral_accept",
    "success_state_choices",
    "task_done_refusal",
    "task_mark_done",
    "tasks_mark_breached",
    "waiting_list_block",
    "waiting_list_exemption",
]
