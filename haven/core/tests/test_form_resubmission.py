"""Every create form runs once when sent twice (issue 9 s5, ADR 0007).

Each create form is fetched as a browser would, filled in and posted twice with the same page's
values (its one-time token included): the second POST must not write again and must land where
the first went. The classification of every URL pattern below keeps the list complete: a new
page fails ``test_every_url_pattern_is_classified`` until it is listed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from haven.casework.models import (
    BreakGlassGrant,
    Case,
    CaseNote,
    ContactAttempt,
    ExitInterview,
    NeedsAssessment,
    OnwardReferral,
    ReengagementAttempt,
)
from haven.casework.services import case_open_from_referral, case_restriction_set, needs_areas
from haven.core.form_tokens import ALREADY_SENT, FIELD
from haven.core.models import FormSubmission
from haven.followups.models import FollowUpContact, Survey
from haven.followups.services import follow_up_contact_record
from haven.hardship.models import HardshipGrant
from haven.housing.models import SafeHomeOutcome
from haven.incidents.complaint_services import complaint_record
from haven.incidents.models import Complaint, ComplaintStage, Compliment, SeriousIncident
from haven.outcomes.models import OutcomeAssessment
from haven.people.models import HarmLink, HouseholdLink, Person, PersonFlag, SafeContact
from haven.plans.models import PlanAction, PlanGoal, PlanReview, SafetyPlan, SupportPlan
from haven.plans.services import GoalInput, support_plan_agree
from haven.proceedings.models import Proceeding
from haven.referrals.models import Referral
from haven.reporting.models import ReturnSnapshot
from haven.risk.models import RiskAssessment, RiskChange, Screening
from haven.safeguarding.models import SafeguardingAlert, SafeguardingEvent, ThinkFamilyCheck
from haven.support.models import SupportSession
from haven.testing.casework import CaseNoteFactory, CaseworkPersonFactory, ReferralFactory
from haven.testing.fixtures import profile_contract
from haven.testing.html_forms import HtmlForm, post_forms
from haven.testing.url_walk import haven_views
from haven.workforce.models import (
    SicknessAbsence,
    StaffMember,
    Supervision,
    TrainingCompletion,
    Vetting,
)

pytestmark = pytest.mark.django_db

# Every POST view that creates a record: tested twice below.
CREATE_FORMS = {
    # the helpline (issue 16): double submits in haven/helpline/tests/test_view_resubmission.py
    "helpline:shift",
    "helpline:shift_new",
    "helpline:call_referral",
    # partner agencies (issue 14): double submits in haven/partners/tests/test_view_resubmission.py
    "partners:refer",
    "partners:token_new",
    # the front door (issue 14): double submits in haven/portal/tests/test_view_resubmission.py
    "portal:refer_check",
    "portal:ask",
    # finance (issue 16 item 7): double submits in haven/finance/tests/test_view_resubmission.py
    "finance:income_add",
    "finance:spend_add",
    "finance:import_confirm",
    # housing and the hardship fund (issue 13)
    "housing:outcome_add",
    "hardship:request",
    # refuge (issue 13): double submits in haven/refuge/tests/test_view_resubmission.py
    "refuge:property_add",
    "refuge:room_add",
    "refuge:void_add",
    "refuge:move_in",
    "refuge:extend",
    # restorative justice (issue 16): double submit in haven/restorative/tests/test_view_resubmission.py
    "restorative:refer",
    # the appraisal (issue 16): double submits in haven/appraisal/tests/test_view_resubmission.py
    "appraisal:round_new",
    "appraisal:paper",
    "appraisal:feedback_new",
    # the outbox (issue 14 item 9): double submit in haven/outbox/tests/test_view_resubmission.py
    "outbox:send",
    # subject access requests (issue 15 item 3): haven/subjectaccess/tests/test_view_resubmission.py
    "subjectaccess:new",
    # consent and sharing (issue 15): double submits in haven/consent/tests/test_view_resubmission.py
    "consent:record",
    "consent:agreement_new",
    # groups and programmes (issue 16): double submits in
    # haven/programmes/tests/test_view_resubmission.py
    "programmes:programme_new",
    "programmes:run_new",
    "programmes:register",
    "programmes:one_to_one",
    "programmes:creche",
    "programmes:place_contact",
    "programmes:enrol",
    "programmes:partner_contact",
    "incidents:add",
    "incidents:case_add",
    "incidents:complaint_add",
    "incidents:complaint_escalate",
    "incidents:compliment_add",
    # workforce (issue 16)
    "workforce:staff_add",
    "workforce:supervision_add",
    "workforce:vetting_add",
    "workforce:training_add",
    "workforce:sickness_add",
    # double submits in haven/workforce/tests/test_view_resubmission.py
    "workforce:post_add",
    "workforce:course_add",
    "workforce:session_add",
    "casework:attempt_record",
    "casework:note_add",
    "casework:note_correct",
    "casework:exit_interview",
    "casework:onward_referral",
    "casework:needs_reassessment",
    "casework:needs_assessment",
    "casework:break_glass",
    "casework:reengagement",
    "people:new",
    "people:new_check",
    "people:flag_new",
    "people:child_new",
    "people:harmer_new",
    "referrals:create",
    "referrals:accept",
    "risk:complete",
    "risk:change",
    "risk:screening_new",
    "support:record",
    "proceedings:add",
    "marac:incident_add",
    "marac:referral_add",
    "marac:area_add",
    "marac:meeting_add",
    "marac:hearing_add",
    "marac:action_add",
    "plans:agree",
    "plans:goal_add",
    "plans:action_add",
    "plans:review",
    "plans:safety_record",
    "followups:follow_up_record",
    "followups:follow_up_survey",
    "followups:survey_new",
    "outcomes:record",
    "workbook:upload",
    "workbook:review_detail",
    "referralimports:upload",
    "signoff:sign_off",
    "safeguarding:event_add",
    "safeguarding:alert_add",
    "safeguarding:think_family",
    "targethardening:visit",
    "targethardening:fit",
    "targethardening:refusal",
    "targethardening:item_add",
    "webchat:staff_chat",
    # issue 15 item 4: double submit in haven/retention/tests/test_views.py
    "retention:hold_new",
    "retention:request_new",
    # issue 16 item 2: double submits in haven/events/tests/test_view_resubmission.py
    "events:add",
    "events:import",
}
# Every other page, and why a second POST of it cannot write twice (the middleware covers every
# form with a token all the same: these are simply not counted here).
NOT_CREATE_FORMS = {
    "helpline:call_back": "closes the call-back in place; a second close is refused by "
    "call_back_close",
    "helpline:shift_remove": "removes a shift; a second removal finds no shift (404)",
    "portal:refer": "keeps the step's answers in the session; nothing is stored until the check "
    "page is sent",
    "portal:refer_about": "keeps the step's answers in the session",
    "portal:refer_chat": "keeps the chosen time in the session; the booking is made when the "
    "check page is sent",
    "portal:collect": "a read: shows the question and answer for a code",
    "portal:answer": "a question is answered once: a second answer is refused by "
    "quick_question_answer",
    "housing:entry": "records the case's housing at entry in place: again corrects it",
    "workforce:equality": "sets the worker's equality answers in place: again sets the same",
    "workforce:post_edit": "changes the post in place: again sets the same values",
    "workforce:post_close": "sets the post's last day in place: again sets the same day",
    "workforce:staff_edit": "changes the record's details in place: again sets the same values",
    "workforce:staff_leave": "sets the worker's leaving day and reason in place: again sets the "
    "same",
    "workforce:staff_login": "links (or unlinks) the record's login in place: again is refused "
    "or changes nothing",
    "housing:exit": "records the case's housing at exit in place: again corrects it",
    "hardship:budget": "sets the year's budget in place",
    "finance:budget": "sets the year's budget line in place (one per category)",
    "finance:profile": "sets the line's months in place",
    "finance:import": "checks the file and keeps it for the check page; nothing is saved",
    "programmes:run_finish": "a completed group cannot be completed again (run_complete refuses)",
    "programmes:place_assessment": "the pre-group assessment is recorded once "
    "(pre_group_assessment_record refuses a second)",
    "programmes:place_complete": "a completed place cannot complete again "
    "(enrolment_complete refuses)",
    "programmes:place_drop_out": "an ended place cannot end again (enrolment_drop_out refuses)",
    "programmes:liaison_start": "one partner liaison per place: a second is refused by "
    "partner_liaison_start",
    "hardship:decide": "a decided grant cannot be decided again (hardship_grant_decide refuses)",
    "hardship:pay": "a paid grant cannot be paid again (hardship_grant_pay refuses)",
    "appraisal:links": "makes links shown once on the page it returns (nothing to redirect to); "
    "the form token stops the same POST making more",
    "appraisal:feedback_action": "records the action on the feedback in place",
    "appraisal:respond": "public, no sign-in (no form token): the one-time link is used up by the "
    "first answers and a second POST is refused (response_record)",
    "restorative:step": "each step moves the process on once: the same step again is not one of "
    "the next steps and is refused (rj_step_record)",
    "staff:profile_edit": "changes the worker's allocation profile in place",
    "staff:team_rule": "sets the team's rule for imported cases in place",
    "casework:task_done": "marks a task done; a second mark is refused by the service",
    "casework:note_edit": "changes a note in place; no new record",
    "casework:state_change": "a second change to the same state is refused by the transitions",
    "casework:allocate": "sets the allocation; the same values again change nothing",
    "casework:restriction": "sets restriction and named staff; the same values change nothing",
    "casework:close": "a closed case cannot be closed again",
    "proceedings:outcome": "records the outcome in place; a concluded proceeding takes no second "
    "outcome (proceeding_outcome_record refuses)",
    "marac:action_status": "sets an action's status in place; the same status changes nothing",
    "casework:exclude": "one exclusion per case: a second is refused by exclusion_decide",
    "casework:appeal_lodged": "one appeal per exclusion: a second is refused by the service",
    "casework:appeal_decide": "a decided appeal cannot be decided again (the service refuses)",
    "casework:draft_discard": "deletes the user's own draft; a second discard finds none",
    "people:search": "a read (each search is audited as a search)",
    "people:details_edit": "changes the person in place",
    "people:safe_contact_edit": "changes the preferences in place",
    "people:equality": "changes the answers in place",
    "people:flag_end": "ends a flag; an ended flag cannot be ended again",
    "referrals:choose_contract": "no write: leads to the referral form",
    "referrals:decline": "a decided referral cannot be declined again",
    "govuk:design_system": "developer sample form; nothing is stored",
    "staff:invite": "creates an account; a second invite for the same email is refused by "
    "staff_invite (email addresses are unique), and the first's page shows the set-up link",
    "staff:details_edit": "changes the account in place",
    "staff:role_add": "a second grant of the same role in the same team is refused by the service",
    "staff:role_remove": "a removed role cannot be removed again",
    "staff:team_move": "a move to the team they are already in is refused by the service",
    "staff:deactivate": "an inactive account cannot be deactivated again",
    "staff:reactivate": "an active account cannot be reactivated again",
    "staff:mfa_reset": "removes authenticators; a second reset finds none to remove",
    "admin:login": "sends everyone to Haven's sign-in; never signs anyone in",
    "staff:setup_link": "a new link replaces the last one; no record is added",
    "quality:assign": "sets a data-quality task per case and field; while one is open, a second "
    "POST finds it and creates none (task_create_data_quality)",
    "quality:baselines": "saves the figure of an area, category and year in place; the same "
    "values again change nothing (baseline_save)",
    "quality:baseline_edit": "changes the figure in place",
    "signoff:submit": "a submitted version cannot be submitted again (return_submit refuses)",
    "signoff:due_date": "sets the period's due date in place (one per contract and period)",
    "plans:change": "changes the plan's withdrawal and review dates in place",
    "plans:action_status": "sets an action's status; the same status again changes nothing",
    "plans:safety_change": "changes the safety plan in place",
    "followups:hand_off_pass": "marks a follow-up passed to the survey team; a second mark is "
    "refused by the service (hand_off_refusal)",
    "casework:agency_add": "a second agency of the same name in the directory is refused by "
    "agency_create",
    "casework:agency_edit": "changes the directory entry in place",
    "incidents:notify": "the report to the commissioner is recorded once: a second is refused by "
    "serious_incident_notify",
    "incidents:review": "changes the incident's review and learning in place",
    "incidents:stage_respond": "a stage is answered once: a second response is refused by "
    "complaint_stage_respond",
    "incidents:complaint_resolve": "a resolved complaint takes no second outcome "
    "(complaint_resolve refuses)",
    "casework:onward_referral_outcome": "sets the referral's outcome in place (the form token "
    "stops a second POST adding a second timeline entry)",
    "safeguarding:child": "one record per case and child: a second save changes it in place "
    "(child_record_save)",
    "safeguarding:alert_edit": "changes the alert's outcome and referral in place",
    "safeguarding:event_change": "corrects the referral's or meeting's date and attendance in "
    "place",
    "refuge:property": "changes the property in place",
    "refuge:room_edit": "changes the room in place",
    "refuge:move_out": "a household that has moved out cannot move out again (stay_move_out "
    "refuses)",
    "outbox:letter_printed": "a printed letter cannot be printed again (letter_mark_printed "
    "refuses)",
    "outbox:letter_posted": "a posted letter cannot be posted again (letter_mark_posted refuses)",
    # subject access requests (issue 15 item 3): each step is refused the second time, or
    # changes the request in place
    "subjectaccess:verify": "identity verified once: a second is refused (sar_verify_identity)",
    "subjectaccess:stop": "a stopped clock cannot stop again (sar_clock_stop refuses)",
    "subjectaccess:restart": "a running clock cannot restart (sar_clock_restart refuses)",
    "subjectaccess:extend": "extended once: a second is refused (sar_extend)",
    "subjectaccess:gather": "gathering again replaces the items in place (sar_gather)",
    "subjectaccess:item": "sets the item's review decision in place",
    "subjectaccess:release_unflagged": "a second release finds no unreviewed item to release",
    "subjectaccess:bundle": "replaces the request's one bundle in place (sar_bundle_produce)",
    "subjectaccess:sent": "a sent request cannot be sent again (sar_mark_sent refuses)",
    "subjectaccess:refuse": "a refused request is closed: a second refusal is refused",
    "subjectaccess:withdraw": "a withdrawn request is closed: a second withdrawal is refused",
    "consent:withdraw": "a withdrawn consent cannot be withdrawn again (consent_withdraw refuses)",
    "consent:agreement_edit": "changes the agreement in place",
    "consent:agreement_review": "sets the agreement's last and next review dates in place",
    "targethardening:needs": "changes the job's additional needs in place",
    "targethardening:over_limit": "approved once: a second approval is refused by "
    "job_over_limit_approve",
    "targethardening:item_edit": "changes the catalogue item in place",
    "partners:token_revoke": "a revoked token stays revoked (api_token_revoke changes nothing "
    "the second time)",
    # issue 14 item 4: the person's pages are public (no sign-in, so no form token)
    "webchat:enter": "binds the booking to the session once; the same code again from the same "
    "session changes nothing (chat_code_use)",
    "webchat:consent": "sets the booking's transcript consent in place",
    "webchat:room": "public, no sign-in: each message is redirected after, so a reload does not "
    "send it again; a message typed twice is two messages",
    "webchat:staff_take": "a taken chat is not taken again (chat_take returns it to its taker "
    "and refuses anyone else)",
    "webchat:staff_end": "an ended chat cannot end again (chat_end refuses)",
    "retention:queue": "approves or defers the listed items: an item done is refused again "
    "(retention_items_approve), a deferred one is no longer in the queue",
    "retention:hold_lift": "a lifted hold cannot be lifted again (legal_hold_lift refuses)",
    "retention:request_detail": "a decided request cannot be decided again "
    "(erasure_request_decide refuses)",
    "events:edit": "changes the event in place",
    "events:deliver": "records the delivery and feedback in place: again corrects them",
    "events:cancel": "a cancelled event cannot be cancelled again (event_cancel refuses)",
}
GET_ONLY = {
    "events:index",
    "events:export",
    "events:detail",
    "helpline:log",
    "helpline:call",
    "helpline:call_backs",
    "helpline:rota",
    "retention:schedule",
    "retention:holds",
    "retention:requests",
    "partners:home",
    "partners:organisations",
    "partners:tokens",
    "partners:token_created",
    "portal:help",
    "portal:service",
    "portal:hide_your_visit",
    "portal:exit",
    "portal:refer_sent",
    "portal:question_sent",
    "portal:queue",
    "casework:unallocated",
    "casework:waiting_lists",
    "casework:waiting_list",
    "hardship:funds",
    "hardship:fund",
    "finance:index",
    "finance:report",
    "finance:transactions",
    "finance:export",
    "restorative:index",
    "appraisal:index",
    "appraisal:round",
    "appraisal:feedback",
    "appraisal:thanks",
    "programmes:index",
    "programmes:programme",
    "programmes:run",
    "programmes:session",
    "housing:detail",
    "refuge:board",
    "refuge:properties",
    "webchat:staff_list",
    "webchat:staff_messages",
    "webchat:room_messages",
    "incidents:register",
    "incidents:detail",
    "incidents:chronology",
    "incidents:complaints",
    "incidents:complaint_detail",
    "incidents:compliments",
    # workforce (issue 16)
    "workforce:index",
    "workforce:mine",
    "workforce:staff",
    "workforce:figures",
    "workforce:figures_csv",
    "workforce:supervision",
    "workforce:absence",
    "workforce:session",
    "workforce:post",
    "workforce:posts",
    "workforce:courses",
    "home",
    "health",
    "accessibility",
    "privacy",
    "contracts:list",
    "contracts:detail",
    "people:detail",
    "people:harmer_detail",
    "referrals:list",
    "referrals:export",
    "referrals:detail",
    "casework:worklist",
    "casework:team_worklist",
    "casework:all_worklist",
    "casework:worklist_export",
    "casework:caseload",
    "casework:caseload_export",
    "casework:caseloads",
    "casework:directory",
    "casework:detail",
    "casework:note_list",
    "risk:history",
    "risk:screening",
    "risk:register",
    "support:list",
    "proceedings:list",
    "marac:referral",
    "marac:referral_pdf",
    "marac:meetings",
    "marac:meeting",
    "marac:data",
    "marac:data_csv",
    "plans:list",
    "plans:detail",
    "plans:safety_detail",
    "outcomes:history",
    "outcomes:choose",
    "risk:result",
    "workbook:run_list",
    "workbook:run_detail",
    "referralimports:run_list",
    "referralimports:run_detail",
    "referralimports:error_report",
    "workbook:review_list",
    "audit:list",
    "audit:record",
    "audit:export",
    "reporting:index",
    "reporting:current",
    "reporting:return",
    "reporting:measure",
    "reporting:export",
    "govuk:exit_this_page",
    "staff:list",
    "staff:detail",
    "account_email",
    "quality:data_quality",
    "quality:records",
    "quality:equality",
    "signoff:changes",
    "signoff:signed_off_export",
    "commissioner:returns",
    "commissioner:return_detail",
    "commissioner:return_download",
    "followups:hand_offs",
    "followups:hand_offs_export",
    "safeguarding:overview",
    "targethardening:job",
    "targethardening:budget",
    "targethardening:catalogue",
    "outbox:letters",
    "outbox:message",
    "outbox:letter_pdf",
    "subjectaccess:list",
    "subjectaccess:detail",
    "subjectaccess:review",
    "subjectaccess:bundle_pdf",
    "subjectaccess:bundle_json",
    "handover:runs",
    "consent:agreements",
    "consent:shares",
}


def haven_url_names() -> set[str]:
    return set(haven_views())


def test_every_url_pattern_is_classified():
    listed = CREATE_FORMS | set(NOT_CREATE_FORMS) | GET_ONLY
    assert haven_url_names() - listed == set(), "classify the new page in this module"
    assert listed - haven_url_names() == set(), "a listed page no longer exists"


# --- the world every form is sent in ---------------------------------------------------------


@dataclass
class World:
    personas: Any
    case: Case
    vf: Any

    @property
    def person(self) -> Person:
        return self.case.person


@pytest.fixture
def world(personas) -> World:
    vf = profile_contract("victim-first-2018", personas.organisation)
    person = CaseworkPersonFactory(organisation=personas.organisation)
    SafeContact.objects.create(
        person=person, safe_phone="07700 900123", harmer_at_address="no", letters="never"
    )
    referral = ReferralFactory(contract=vf, person=person)
    case = case_open_from_referral(
        referral=referral,
        opened_by=personas.caseworker,
        team=personas.team,
        allocated_to=personas.caseworker,
    )
    return World(personas=personas, case=case, vf=vf)


def _date(prefix: str, when: Any = None, *, time: bool = True) -> dict[str, Any]:
    when = when or timezone.localtime()
    parts = {f"{prefix}-day": when.day, f"{prefix}-month": when.month, f"{prefix}-year": when.year}
    if time:
        parts |= {f"{prefix}-hour": when.hour, f"{prefix}-minute": when.minute}
    return parts


def _with_hardship_fund(w: World, page: str) -> str:
    """The page, once this year's hardship fund of the case's contract has its budget."""
    from decimal import Decimal

    from haven.hardship.services import financial_year_of, hardship_fund_set

    year = financial_year_of(w.case.contract, timezone.localdate())
    hardship_fund_set(
        contract=w.case.contract, year=year, budget=Decimal(500), set_by=w.personas.service_manager
    )
    return page


def _levels(w: World) -> dict[str, str]:
    """A level of need for every area of the case's profile (seed 002 s3.9 for Victim First)."""
    return {f"level_{area.key}": "1" for area in needs_areas(w.case)}


def _form(client: Any, page: str, action: str = "") -> HtmlForm:
    """The page's form that posts to ``action`` (its own address when empty)."""
    response = client.get(page)
    assert response.status_code == 200, page
    target = action or page.split("?")[0]
    for form in post_forms(response.content.decode()):
        if form.action in ("", target):
            return form
    raise AssertionError(f"no form posting to {target} on {page}")


def _first_choices(form: HtmlForm) -> dict[str, str]:
    """The first option of every radio group and select nobody chose: a person picking."""
    return {
        name: next(v for v in values if v)
        for name, values in form.options.items()
        if name not in form.values and any(values)
    }


def _dv360(w: World) -> Case:
    """A closed OPCC DV 360 case with its 1- and 12-month follow-ups (seed 000 s5), made once."""
    if not hasattr(w, "dv360"):
        from haven.testing.followups import closed_after_contact

        contract = profile_contract("opcc-dv360", w.personas.organisation)
        person = CaseworkPersonFactory(organisation=w.personas.organisation)
        referral = ReferralFactory(
            contract=contract, person=person, received_at=timezone.now() - timedelta(days=10)
        )
        case = case_open_from_referral(
            referral=referral,
            opened_by=w.personas.caseworker,
            team=w.personas.team,
            allocated_to=w.personas.caseworker,
        )
        w.dv360 = closed_after_contact(case, w.personas.caseworker)  # type: ignore[attr-defined]
    return w.dv360  # type: ignore[attr-defined,no-any-return]


def _dv360_follow_up(w: World) -> Any:
    return _dv360(w).tasks.get(rule_key="follow_up_12_months")


def _dv360_reached(w: World) -> FollowUpContact:
    if not hasattr(w, "reached"):
        w.reached = follow_up_contact_record(  # type: ignore[attr-defined]
            task=_dv360(w).tasks.get(rule_key="follow_up_1_month"),
            channel="phone",
            outcome="reached",
            attempted_at=timezone.now(),
            recorded_by=w.personas.caseworker,
        )
    return w.reached  # type: ignore[attr-defined,no-any-return]


@dataclass
class CreateForm:
    page: Callable[[World], str]
    count: Callable[[World], int]
    data: Callable[[World], dict[str, Any]]
    user: str = "caseworker"
    action: Callable[[World], str] | None = None
    prepare: Callable[[Any, World], None] | None = None


def _with_plan(client: Any, world: World) -> None:
    world.plan = support_plan_agree(  # type: ignore[attr-defined]
        case=world.case,
        person=world.person,
        recorded_by=world.personas.caseworker,
        agreed_at=timezone.now(),
        goals=[GoalInput(area="accommodation", description="A safe place to live")],
    )


def _with_staff_record(client: Any, world: World) -> None:
    """A staff record of the caseworker and a course of the organisation (issue 16)."""
    from haven.workforce.models import Course
    from haven.workforce.services import staff_member_create

    world.staff = staff_member_create(  # type: ignore[attr-defined]
        organisation=world.personas.organisation,
        full_name="Synthetic Worker",
        kind="staff",
        contract_type="permanent",
        started_on=timezone.localdate() - timedelta(days=100),
        user=world.personas.caseworker,
        created_by=world.personas.service_manager,
    )
    Course.objects.create(organisation=world.personas.organisation, name="Safeguarding")


def _staff_form(name: str, count: Callable[[], int], data: dict[str, Any]) -> CreateForm:
    return CreateForm(
        page=lambda w: reverse(f"workforce:{name}", args=[w.staff.pk]),  # type: ignore[attr-defined]
        count=lambda w: count(),
        data=lambda w: data,
        user="team_leader",
        prepare=_with_staff_record,
    )


def _course_id() -> str:
    from haven.workforce.models import Course

    return str(Course.objects.get().pk)


def _with_complaint(client: Any, world: World) -> None:
    world.complaint = complaint_record(  # type: ignore[attr-defined]
        contract=world.vf,
        recorded_by=world.personas.team_leader,
        received_on=timezone.localdate(),
        complainant="service_user",
        route="phone",
        subject="delay",
        summary="Synthetic complaint",
        stage="informal",
    )


def _marac_area(client: Any, world: World) -> None:
    from haven.marac.models import MaracArea

    world.area = MaracArea.objects.create(  # type: ignore[attr-defined]
        organisation=world.personas.organisation, name="Synthetic MARAC"
    )


def _marac_meeting(client: Any, world: World) -> None:
    """An area, a referral of the case to it and a meeting of it today."""
    from haven.marac.meetings import marac_meeting_record
    from haven.marac.services import marac_referral_record

    _marac_area(client, world)
    world.referral = marac_referral_record(  # type: ignore[attr-defined]
        case=world.case,
        referred_by=world.personas.caseworker,
        area=world.area,  # type: ignore[attr-defined]
        referred_on=timezone.localdate(),
        referring_agency="idva",
        criteria=["visible_high_risk"],
        consent=True,
        victim_aware=True,
    )
    world.meeting = marac_meeting_record(  # type: ignore[attr-defined]
        area=world.area,  # type: ignore[attr-defined]
        actor=world.personas.team_leader,
        held_on=timezone.localdate(),
        agencies_present=["police"],
        idva_attended=True,
    )


def _marac_hearing(client: Any, world: World) -> None:
    from haven.marac.meetings import marac_hearing_record

    _marac_meeting(client, world)
    world.hearing = marac_hearing_record(  # type: ignore[attr-defined]
        meeting=world.meeting,  # type: ignore[attr-defined]
        referral=world.referral,  # type: ignore[attr-defined]
        actor=world.personas.team_leader,
        outcome="",
        idva_represented=True,
    )


def _restricted_for_teammate(client: Any, world: World) -> None:
    case_restriction_set(
        case=world.case, restricted=True, changed_by=world.personas.caseworker, reason="Safety"
    )


def _duplicate_waiting(client: Any, world: World) -> None:
    """The new-person form has sent the details of someone like an existing person."""
    person = world.person
    form = _form(client, reverse("people:new"))
    response = client.post(
        reverse("people:new"),
        form.data(
            given_name=person.given_name,
            family_name=person.family_name,
            **_date("date_of_birth", person.date_of_birth, time=False),
        ),
    )
    assert response.status_code == 302
    assert response.url == reverse("people:new_check")


def _outcome_case(world: World) -> Case:
    """A case on a contract that asks outcome questions (Victim First asks none)."""
    contract = profile_contract("wokingham-da-2017", world.personas.organisation)
    return case_open_from_referral(
        referral=ReferralFactory(contract=contract, person=world.person),
        opened_by=world.personas.caseworker,
        team=world.personas.team,
        allocated_to=world.personas.caseworker,
    )


def _target_hardening(client: Any, world: World) -> None:
    """A target hardening case visited (its job) and one not, and a catalogue item (seed 002
    Lot 2)."""
    from haven.targethardening.models import SecurityItem
    from haven.targethardening.services import job_visit_record

    contract = profile_contract("target-hardening-2018", world.personas.organisation)
    cases = [
        case_open_from_referral(
            referral=ReferralFactory(
                contract=contract,
                person=CaseworkPersonFactory(organisation=world.personas.organisation),
                route="victim_first",
                received_at=timezone.now() - timedelta(hours=2),
            ),
            opened_by=world.personas.caseworker,
            team=world.personas.team,
            allocated_to=world.personas.caseworker,
        )
        for _ in range(2)
    ]
    job_visit_record(
        case=cases[0],
        recorded_by=world.personas.caseworker,
        visited_at=timezone.now() - timedelta(hours=1),
        concerns=["no_door_chain", "door_lock_weak", "windows_unlocked"],
        vulnerabilities=["perpetrator_knows_address"],
        override_reason="Synthetic: safe to visit",
    )
    world.th_case, world.th_unvisited = cases  # type: ignore[attr-defined]
    world.th_item = SecurityItem.objects.create(  # type: ignore[attr-defined]
        provider=world.personas.organisation,
        name="Door chain",
        police_approved=True,
        unit_price=24,
        max_per_property=9,
        fitting="specialist_fit",
    )


def _th_count(model: str) -> int:
    from django.apps import apps

    return int(apps.get_model("targethardening", model).objects.count())


def _pending_referral(world: World) -> Referral:
    return ReferralFactory(contract=world.vf, person=world.person, decision="pending")


CASES: dict[str, CreateForm] = {
    # issue 13: a Safe Home outcome and a hardship grant request (Victim First's fund)
    "housing:outcome_add": CreateForm(
        page=lambda w: reverse("housing:outcome_add", args=[w.case.pk]),
        count=lambda w: SafeHomeOutcome.objects.count(),
        data=lambda w: {"kind": "own_home_secured", **_date("achieved_on", time=False)},
    ),
    "hardship:request": CreateForm(
        page=lambda w: _with_hardship_fund(w, reverse("hardship:request", args=[w.case.pk])),
        count=lambda w: HardshipGrant.objects.count(),
        data=lambda w: {"amount": "20", "purpose": "food"},
    ),
    "casework:attempt_record": CreateForm(
        page=lambda w: reverse("casework:attempt_record", args=[w.case.pk]),
        count=lambda w: ContactAttempt.objects.count(),
        data=lambda w: {"channel": "phone", "direction": "outbound", "outcome": "no_answer"},
    ),
    "casework:note_add": CreateForm(
        page=lambda w: reverse("casework:note_add", args=[w.case.pk]),
        count=lambda w: CaseNote.objects.count(),
        data=lambda w: {"text": "Spoke to the housing officer."},
    ),
    "casework:note_correct": CreateForm(
        page=lambda w: reverse("casework:note_correct", args=[CaseNoteFactory(case=w.case).pk]),
        count=lambda w: CaseNote.objects.count(),
        data=lambda w: {"text": "The date was the 3rd, not the 4th."},
    ),
    "casework:exit_interview": CreateForm(
        page=lambda w: reverse("casework:exit_interview", args=[w.case.pk]),
        count=lambda w: ExitInterview.objects.count(),
        data=lambda w: {"summary": "Feels safer at home.", **_date("held_at")},
    ),
    "casework:onward_referral": CreateForm(
        page=lambda w: reverse("casework:onward_referral", args=[w.case.pk]),
        count=lambda w: OnwardReferral.objects.count(),
        data=lambda w: {
            "agency": "Local housing team",
            "agency_type": "housing",
            "need": "Housing",
            **_date("made_at"),
        },
    ),
    "casework:needs_reassessment": CreateForm(
        page=lambda w: reverse("casework:needs_reassessment", args=[w.case.pk]),
        count=lambda w: NeedsAssessment.objects.count(),
        data=lambda w: {"summary": "Needs met.", **_date("assessed_at"), **_levels(w)},
    ),
    "casework:needs_assessment": CreateForm(
        page=lambda w: reverse("casework:needs_assessment", args=[w.case.pk]),
        count=lambda w: NeedsAssessment.objects.count(),
        data=lambda w: {"stage": "initial", **_date("assessed_at"), **_levels(w)},
    ),
    "casework:reengagement": CreateForm(
        page=lambda w: reverse("casework:reengagement", args=[w.case.pk]),
        count=lambda w: ReengagementAttempt.objects.count(),
        data=lambda w: {
            "method": "phone",
            "what": "Called the safe number",
            **_date("attempted_at"),
        },
    ),
    "support:record": CreateForm(
        page=lambda w: reverse("support:record", args=[w.case.pk]),
        count=lambda w: SupportSession.objects.count(),
        data=lambda w: {"mode": "telephone", "duration_minutes": "30", **_date("delivered_at")},
    ),
    "proceedings:add": CreateForm(
        page=lambda w: reverse("proceedings:add", args=[w.case.pk]),
        count=lambda w: Proceeding.objects.count(),
        data=lambda w: {
            "kind": "non_molestation_order",
            "court_type": "family",
            "specialist_dv_court": "no",
            **_date("started_on", time=False),
        },
    ),
    "safeguarding:event_add": CreateForm(
        page=lambda w: reverse("safeguarding:event_add", args=[w.case.pk]),
        count=lambda w: SafeguardingEvent.objects.count(),
        data=lambda w: {
            "kind": "caf_submitted",
            "child": "family",
            "attended": "not_a_meeting",
            **_date("occurred_on", time=False),
        },
    ),
    "safeguarding:alert_add": CreateForm(
        page=lambda w: reverse("safeguarding:alert_add", args=[w.case.pk]),
        count=lambda w: SafeguardingAlert.objects.count(),
        data=lambda w: {
            "concern": "Synthetic concern",
            "substantiation": "pending",
            "harm_relationship": "not_known",
            **_date("raised_on", time=False),
        },
    ),
    "safeguarding:think_family": CreateForm(
        page=lambda w: reverse("safeguarding:think_family", args=[w.case.pk]),
        count=lambda w: ThinkFamilyCheck.objects.count(),
        data=lambda w: {
            "children_in_family": "no",
            "parenting_support_needed": "no",
            "young_carer": "no",
            "young_carer_referral": "not_needed",
            "vulnerable_adult": "no",
            "adult_carer": "no",
            "adult_carer_referral": "not_needed",
            "family_offered_support": "no",
            **_date("asked_on", time=False),
        },
    ),
    "marac:incident_add": CreateForm(
        page=lambda w: reverse("marac:incident_add", args=[w.case.pk]),
        count=lambda w: _marac_count("Incident"),
        data=lambda w: {"summary": "Came to the house.", **_date("occurred_on", time=False)},
    ),
    "marac:referral_add": CreateForm(
        page=lambda w: reverse("marac:referral_add", args=[w.case.pk]),
        count=lambda w: _marac_count("MaracReferral"),
        data=lambda w: {
            "area": str(w.area.pk),  # type: ignore[attr-defined]
            "referring_agency": "idva",
            "criteria": "visible_high_risk",
            "consent": "yes",
            "victim_aware": "yes",
        },
        prepare=_marac_area,
    ),
    "marac:area_add": CreateForm(
        page=lambda w: reverse("marac:area_add"),
        count=lambda w: _marac_count("MaracArea"),
        data=lambda w: {"name": "Synthetic North"},
        user="service_manager",
    ),
    "marac:meeting_add": CreateForm(
        page=lambda w: reverse("marac:meeting_add"),
        count=lambda w: _marac_count("MaracMeeting"),
        data=lambda w: {
            "area": str(w.area.pk),  # type: ignore[attr-defined]
            "agencies_present": "police",
            "idva_attended": "yes",
            **_date("held_on", time=False),
        },
        user="team_leader",
        prepare=_marac_area,
    ),
    "marac:hearing_add": CreateForm(
        page=lambda w: reverse("marac:hearing_add", args=[w.meeting.pk]),  # type: ignore[attr-defined]
        count=lambda w: _marac_count("MaracHearing"),
        data=lambda w: {"referral": str(w.referral.pk), "idva_represented": "yes"},  # type: ignore[attr-defined]
        user="team_leader",
        prepare=_marac_meeting,
    ),
    "marac:action_add": CreateForm(
        page=lambda w: reverse("marac:action_add", args=[w.meeting.pk, w.hearing.pk]),  # type: ignore[attr-defined]
        count=lambda w: _marac_count("MaracAction"),
        data=lambda w: {
            "owning_agency": "police",
            "description": "Flag the address.",
            **_date("due_on", time=False),
        },
        user="team_leader",
        prepare=_marac_hearing,
    ),
    "plans:agree": CreateForm(
        page=lambda w: reverse("plans:agree", args=[w.case.pk]),
        count=lambda w: SupportPlan.objects.count(),
        data=lambda w: {
            "person": str(w.person.pk),
            "area_1": "accommodation",
            "goal_1": "A safe place to live",
            **_date("agreed_at"),
        },
    ),
    "plans:goal_add": CreateForm(
        page=lambda w: reverse("plans:goal_add", args=[w.case.pk, w.plan.pk]),
        count=lambda w: PlanGoal.objects.count(),
        data=lambda w: {"area": "finance", "goal": "Claim the benefits due"},
        prepare=_with_plan,
    ),
    "plans:action_add": CreateForm(
        page=lambda w: reverse("plans:action_add", args=[w.case.pk, w.plan.pk]),
        count=lambda w: PlanAction.objects.count(),
        data=lambda w: {"description": "View two flats", "owner": "person"},
        prepare=_with_plan,
    ),
    "plans:review": CreateForm(
        page=lambda w: reverse("plans:review", args=[w.case.pk, w.plan.pk]),
        count=lambda w: PlanReview.objects.count(),
        data=lambda w: {"what_changed": "Moved to a flat", **_date("reviewed_at")},
        prepare=_with_plan,
    ),
    "plans:safety_record": CreateForm(
        page=lambda w: reverse("plans:safety_record", args=[w.case.pk]),
        count=lambda w: SafetyPlan.objects.count(),
        data=lambda w: {
            "person": str(w.person.pk),
            "safe_contacts": "Sister, on the safe number",
            **_date("completed_at"),
        },
    ),
    "followups:survey_new": CreateForm(
        page=lambda w: reverse("followups:survey_new", args=[w.case.pk, "exit"]),
        count=lambda w: Survey.objects.count(),
        data=lambda w: {"took_part": "declined", **_date("asked_at")},
    ),
    "followups:follow_up_record": CreateForm(
        page=lambda w: reverse(
            "followups:follow_up_record", args=[_dv360(w).pk, _dv360_follow_up(w).pk]
        ),
        count=lambda w: FollowUpContact.objects.count(),
        data=lambda w: {
            "channel": "phone",
            "direction": "outbound",
            "outcome": "no_answer",
            **_date("attempted_at"),
        },
    ),
    "followups:follow_up_survey": CreateForm(
        page=lambda w: reverse(
            "followups:follow_up_survey", args=[_dv360(w).pk, _dv360_reached(w).pk]
        ),
        count=lambda w: Survey.objects.count(),
        data=lambda w: {"took_part": "declined", **_date("asked_at")},
    ),
    "outcomes:record": CreateForm(
        page=lambda w: reverse(
            "outcomes:record", args=[w.outcome_case.pk, "haven-outcomes-v1", "review"]
        ),
        count=lambda w: OutcomeAssessment.objects.count(),
        # the check answers page is a step; "confirm" is its Save button
        data=lambda w: {"confirm": "1", "score_safe_at_home": "3", **_date("asked_at")},
        prepare=lambda client, w: setattr(w, "outcome_case", _outcome_case(w)),
    ),
    # workforce (issue 16)
    "workforce:staff_add": CreateForm(
        page=lambda w: reverse("workforce:staff_add", args=[w.personas.organisation.pk]),
        count=lambda w: StaffMember.objects.count(),
        data=lambda w: {
            "full_name": "Synthetic Volunteer",
            "kind": "volunteer",
            "volunteer_role": "mentor",
            **_date("started_on", time=False),
        },
        user="service_manager",
    ),
    "workforce:supervision_add": _staff_form(
        "supervision_add",
        lambda: Supervision.objects.count(),
        {"kind": "individual", **_date("held_on", time=False)},
    ),
    "workforce:vetting_add": _staff_form(
        "vetting_add",
        lambda: Vetting.objects.count(),
        {
            "level": "nppv2",
            **_date("issued_on", time=False),
            **_date("expires_on", timezone.now() + timedelta(days=900), time=False),
        },
    ),
    "workforce:training_add": CreateForm(
        page=lambda w: reverse("workforce:training_add", args=[w.staff.pk]),  # type: ignore[attr-defined]
        count=lambda w: TrainingCompletion.objects.count(),
        data=lambda w: {"course": _course_id(), **_date("completed_on", time=False)},
        user="team_leader",
        prepare=_with_staff_record,
    ),
    "workforce:sickness_add": _staff_form(
        "sickness_add",
        lambda: SicknessAbsence.objects.count(),
        {"reason": "infection", **_date("first_day", time=False)},
    ),
    "incidents:add": CreateForm(
        page=lambda w: reverse("incidents:add"),
        count=lambda w: SeriousIncident.objects.count(),
        data=lambda w: {
            "contract": str(w.vf.pk),
            "kind": "near_miss",
            "summary": "Synthetic near miss",
            **_date("occurred_at"),
        },
        user="team_leader",
    ),
    "incidents:case_add": CreateForm(
        page=lambda w: reverse("incidents:case_add", args=[w.case.pk]),
        count=lambda w: SeriousIncident.objects.count(),
        data=lambda w: {"kind": "near_miss", "summary": "Synthetic", **_date("occurred_at")},
    ),
    "incidents:complaint_add": CreateForm(
        page=lambda w: reverse("incidents:complaint_add"),
        count=lambda w: Complaint.objects.count(),
        data=lambda w: {
            "contract": str(w.vf.pk),
            "complainant": "service_user",
            "route": "phone",
            "subject": "delay",
            "summary": "Synthetic complaint",
            "stage": "informal",
            **_date("received_on", time=False),
        },
        user="team_leader",
    ),
    "incidents:complaint_escalate": CreateForm(
        page=lambda w: reverse("incidents:complaint_escalate", args=[w.complaint.pk]),  # type: ignore[attr-defined]
        count=lambda w: ComplaintStage.objects.count(),
        data=lambda w: _date("escalated_on", time=False),
        user="team_leader",
        prepare=_with_complaint,
    ),
    "incidents:compliment_add": CreateForm(
        page=lambda w: reverse("incidents:compliment_add"),
        count=lambda w: Compliment.objects.count(),
        data=lambda w: {
            "contract": str(w.vf.pk),
            "complimenter": "service_user",
            "about": "The outreach team",
            **_date("received_on", time=False),
        },
        user="team_leader",
    ),
    "casework:break_glass": CreateForm(
        page=lambda w: reverse("casework:break_glass", args=[w.case.pk]),
        count=lambda w: BreakGlassGrant.objects.count(),
        data=lambda w: {"reason": "Covering the duty line today"},
        user="teammate",
        prepare=_restricted_for_teammate,
    ),
    "people:new": CreateForm(
        page=lambda w: reverse("people:new"),
        count=lambda w: Person.objects.count(),
        data=lambda w: {
            "given_name": "Synthetic",
            "family_name": "Newperson",
            **_date("date_of_birth", timezone.now().replace(year=1990), time=False),
        },
    ),
    "people:new_check": CreateForm(
        page=lambda w: reverse("people:new_check"),
        count=lambda w: Person.objects.count(),
        data=lambda w: {"choice": "new"},
        prepare=_duplicate_waiting,
    ),
    "people:flag_new": CreateForm(
        page=lambda w: reverse("people:flag_new", args=[w.person.pk]),
        count=lambda w: PersonFlag.objects.count(),
        data=lambda w: _date("started_on", time=False),
    ),
    "people:child_new": CreateForm(
        page=lambda w: reverse("people:child_new", args=[w.person.pk]),
        count=lambda w: HouseholdLink.objects.count(),
        data=lambda w: {
            "given_name": "Synthetic",
            "family_name": "Child",
            "lives_with_person": "True",
            **_date("date_of_birth", timezone.now().replace(year=2018), time=False),
        },
    ),
    "people:harmer_new": CreateForm(
        page=lambda w: reverse("people:harmer_new", args=[w.person.pk]),
        count=lambda w: HarmLink.objects.count(),
        data=lambda w: {"given_name": "Synthetic", "family_name": "Harmer"},
    ),
    "referrals:create": CreateForm(
        page=lambda w: reverse("referrals:create", args=[w.vf.pk]),
        count=lambda w: Referral.objects.count(),
        data=lambda w: {
            "route": "partner_agency",
            "received_via": "email",
            "reference_code": w.person.reference_code,
            "contact_method": "mobile_phone",
            "consent_to_contact": "yes",
            "priority": "standard",
            "referrer_risk_level": "",
        },
    ),
    "referrals:accept": CreateForm(
        page=lambda w: reverse("referrals:detail", args=[w.pending.pk]),
        action=lambda w: reverse("referrals:accept", args=[w.pending.pk]),
        count=lambda w: Case.objects.count(),
        data=lambda w: {},
        prepare=lambda client, w: setattr(w, "pending", _pending_referral(w)),
    ),
    "risk:complete": CreateForm(
        page=lambda w: reverse("risk:complete", args=[w.case.pk]),
        count=lambda w: RiskAssessment.objects.count(),
        data=lambda w: {"professional_judgement": "no"},
    ),
    "risk:change": CreateForm(
        page=lambda w: reverse("risk:change", args=[w.case.pk]),
        count=lambda w: RiskChange.objects.count(),
        data=lambda w: {"reason": "New threats by text", **_date("occurred_at")},
    ),
    "risk:screening_new": CreateForm(
        page=lambda w: reverse("risk:screening_new", args=[w.case.pk, "audit"]),
        count=lambda w: Screening.objects.count(),
        data=lambda w: {"score": "12", **_date("screened_on", time=False)},
    ),
    "signoff:sign_off": CreateForm(
        page=lambda w: reverse("signoff:sign_off", args=[w.vf.slug, "2026-Q1"]),
        count=lambda w: ReturnSnapshot.objects.count(),
        data=lambda w: {"exceptions": "0", "remedial_plan": "Complete the missing fields"},
        user="service_manager",
    ),
    "targethardening:visit": CreateForm(
        page=lambda w: reverse("targethardening:visit", args=[w.th_unvisited.pk]),  # type: ignore[attr-defined]
        count=lambda w: _th_count("TargetHardeningJob"),
        data=lambda w: {
            "concerns": "no_door_chain",
            "override_reason": "Synthetic: safe to visit",
            **_date("visited_at"),
        },
        prepare=_target_hardening,
    ),
    "targethardening:fit": CreateForm(
        page=lambda w: reverse("targethardening:fit", args=[w.th_case.pk]),  # type: ignore[attr-defined]
        count=lambda w: _th_count("FittedItem"),
        data=lambda w: {
            "item": str(w.th_item.pk),  # type: ignore[attr-defined]
            "quantity": "1",
            **_date("fitted_on", time=False),
        },
        prepare=_target_hardening,
    ),
    "targethardening:refusal": CreateForm(
        page=lambda w: reverse("targethardening:refusal", args=[w.th_case.pk]),  # type: ignore[attr-defined]
        count=lambda w: _th_count("Refusal"),
        data=lambda w: {
            "item": "",
            "work": "Replace the broken door",
            "refused_by": "landlord_or_owner",
            "reason": "Synthetic: the landlord's repair",
        },
        prepare=_target_hardening,
    ),
    "targethardening:item_add": CreateForm(
        page=lambda w: reverse("targethardening:item_add", args=[w.personas.organisation.pk]),
        count=lambda w: _th_count("SecurityItem"),
        data=lambda w: {
            "name": "Window lock",
            "police_approved": "True",
            "unit_price": "14.00",
            "max_per_property": "6",
            "fitting": "specialist_fit",
            "active": "True",
        },
        user="service_manager",
        prepare=_target_hardening,
    ),
}


def _marac_count(model: str) -> int:
    from django.apps import apps

    return int(apps.get_model("marac", model).objects.count())


def _errors(response: Any) -> str:
    body = response.content.decode()
    start = body.find("govuk-error-summary")
    return body[start : start + 1500] if start >= 0 else body[:1500]


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_create_form_sent_twice_saves_once_and_lands_where_the_first_went(client, world, name):
    spec = CASES[name]
    client.force_login(getattr(world.personas, spec.user))
    if spec.prepare:
        spec.prepare(client, world)
    page = spec.page(world)
    action = spec.action(world) if spec.action else page.split("?")[0]
    form = _form(client, page, action)
    assert form.values.get(FIELD), "the form carries a one-time token"
    data = form.data(**_first_choices(form)) | {k: str(v) for k, v in spec.data(world).items()}
    before = spec.count(world)

    first = client.post(action, data)
    assert first.status_code == 302, _errors(first)
    assert spec.count(world) == before + 1
    list(get_messages(first.wsgi_request))  # read the first POST's messages

    second = client.post(action, data)
    assert spec.count(world) == before + 1, "the second POST wrote again"
    assert second.status_code == 302
    assert second.url == first.url
    assert ALREADY_SENT in [str(m) for m in get_messages(second.wsgi_request)]


def test_every_create_form_has_a_double_submit_test():
    untested = CREATE_FORMS - set(CASES) - set(TESTED_ELSEWHERE)
    assert untested == set()


# Create forms whose double submit is tested in their own app's tests (files named here).
TESTED_ELSEWHERE = {
    "restorative:refer": "haven/restorative/tests/test_view_resubmission.py",
    **{
        f"appraisal:{name}": "haven/appraisal/tests/test_view_resubmission.py"
        for name in ("round_new", "paper", "feedback_new")
    },
    "helpline:shift": "haven/helpline/tests/test_view_resubmission.py",
    "helpline:shift_new": "haven/helpline/tests/test_view_resubmission.py",
    "helpline:call_referral": "haven/helpline/tests/test_call_referral.py",
    "partners:refer": "haven/partners/tests/test_view_resubmission.py",
    "partners:token_new": "haven/partners/tests/test_view_resubmission.py",
    "portal:refer_check": "haven/portal/tests/test_view_resubmission.py",
    "portal:ask": "haven/portal/tests/test_view_resubmission.py",
    "workbook:upload": "haven/workbook/tests/test_view_resubmission.py",
    "workbook:review_detail": "haven/workbook/tests/test_view_resubmission.py",
    "referralimports:upload": "haven/referralimports/tests/test_views.py",
    **{
        f"refuge:{name}": "haven/refuge/tests/test_view_resubmission.py"
        for name in ("property_add", "room_add", "void_add", "move_in", "extend")
    },
    "webchat:staff_chat": "haven/webchat/tests/test_view_resubmission.py",
    "outbox:send": "haven/outbox/tests/test_view_resubmission.py",
    "subjectaccess:new": "haven/subjectaccess/tests/test_view_resubmission.py",
    "retention:hold_new": "haven/retention/tests/test_views.py",
    "retention:request_new": "haven/retention/tests/test_views.py",
    "consent:record": "haven/consent/tests/test_view_resubmission.py",
    "consent:agreement_new": "haven/consent/tests/test_view_resubmission.py",
    "events:add": "haven/events/tests/test_view_resubmission.py",
    "events:import": "haven/events/tests/test_view_resubmission.py",
    **{
        f"workforce:{name}": "haven/workforce/tests/test_view_resubmission.py"
        for name in ("post_add", "course_add", "session_add")
    },
    **{
        f"finance:{name}": "haven/finance/tests/test_view_resubmission.py"
        for name in ("income_add", "spend_add", "import_confirm")
    },
    **{
        f"programmes:{name}": "haven/programmes/tests/test_view_resubmission.py"
        for name in (
            "programme_new",
            "run_new",
            "register",
            "one_to_one",
            "creche",
            "place_contact",
            "enrol",
            "partner_contact",
        )
    },
}


# --- the mechanism itself --------------------------------------------------------------------


def _note_form(client: Any, world: World) -> tuple[str, dict[str, str]]:
    client.force_login(world.personas.caseworker)
    url = reverse("casework:note_add", args=[world.case.pk])
    form = _form(client, url)
    return url, form.data(**_first_choices(form), text="A note")


def test_two_forms_on_one_page_never_share_a_token(client, world):
    client.force_login(world.personas.team_leader)
    body = client.get(reverse("casework:restriction", args=[world.case.pk])).content.decode()
    tokens = [form.values[FIELD] for form in post_forms(body)]
    assert len(tokens) >= 3  # restriction, named staff, sign out
    assert len(set(tokens)) == len(tokens)


def test_a_form_shown_again_with_errors_can_be_sent_again_with_its_token(client, world):
    url, data = _note_form(client, world)
    assert client.post(url, data | {"text": ""}).status_code == 200
    assert client.post(url, data).status_code == 302
    assert CaseNote.objects.count() == 1


def test_a_post_without_a_token_runs_as_before(client, world):
    url, data = _note_form(client, world)
    data.pop(FIELD)
    client.post(url, data)
    client.post(url, data)
    assert CaseNote.objects.count() == 2


@pytest.mark.parametrize("token", ["\x00", "<b>" * 10, "a" * 65, "short"])
def test_a_token_haven_could_not_have_made_counts_as_none(client, world, token):
    # a NUL byte in the hidden field was a 500 on PostgreSQL (it cannot store NUL in text)
    url, data = _note_form(client, world)
    response = client.post(url, data | {FIELD: token})
    assert response.status_code == 302
    assert CaseNote.objects.count() == 1
    assert not FormSubmission.objects.exists()


def test_another_users_token_is_not_replayed_to_them(client, world):
    url, data = _note_form(client, world)
    client.post(url, data)
    client.force_login(world.personas.teammate)
    response = client.post(url, data)
    assert response.status_code == 409
    assert CaseNote.objects.count() == 1


def test_a_second_post_while_the_first_is_still_running_is_not_run(client, world, settings):
    settings.HAVEN_FORM_TOKEN_WAIT_SECONDS = 0
    url, data = _note_form(client, world)
    FormSubmission.objects.create(
        token=data[FIELD], user=world.personas.caseworker, path=url, claimed_at=timezone.now()
    )
    response = client.post(url, data)
    assert response.status_code == 409
    assert "still being sent" in response.content.decode()
    assert CaseNote.objects.count() == 0


def test_a_claim_abandoned_by_a_dead_request_is_taken_over(client, world, settings):
    url, data = _note_form(client, world)
    FormSubmission.objects.create(
        token=data[FIELD],
        user=world.personas.caseworker,
        path=url,
        claimed_at=timezone.now() - timezone.timedelta(minutes=5),
    )
    assert client.post(url, data).status_code == 302
    assert CaseNote.objects.count() == 1


def test_tokens_older_than_a_day_are_forgotten(client, world):
    old = FormSubmission.objects.create(
        token="old",
        user=world.personas.caseworker,
        path="/",
        claimed_at=timezone.now() - timezone.timedelta(days=2),
    )
    url, data = _note_form(client, world)
    client.post(url, data)
    assert not FormSubmission.objects.filter(pk=old.pk).exists()
    assert FormSubmission.objects.count() == 1


def test_every_post_form_template_writes_csrf_input_so_it_carries_a_token():
    """The token rides on ``{{ csrf_input }}``: a POST form without it would lack both."""
    haven = Path(__file__).resolve().parents[2]
    offenders = []
    for template in haven.glob("*/jinja2/**/*.html"):
        text = template.read_text()
        for form in re.findall(r"<form[^>]*method=\"post\".*?</form>", text, re.S | re.I):
            if "csrf_input" not in form and "form_token()" not in form:
                offenders.append(str(template.relative_to(haven)))
    assert offenders == []
