"""Every response that shows a person's data is audited (issue 9 s5).

Two checks over every Haven URL pattern:
- the lint: each view audits its reads (a record decorator such as ``with_case``/``with_person``,
  or ``audits_reads`` on a view that audits in its body), or is exempt here with the reason it
  shows no one's data; a new page fails until it is one or the other;
- the behaviour: each audited page, fetched as a member of staff who may see it, writes a
  'Viewed' event in that very request (matched by request id), and so does each form of them
  shown again after a POST with errors.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.casework.services import case_open_from_referral, onward_referral_record
from haven.core.models import AuditAction, AuditEvent
from haven.core.read_audit import AUDITS_READS
from haven.plans.safety import safety_plan_record
from haven.plans.services import GoalInput, plan_action_add, support_plan_agree
from haven.proceedings.services import proceeding_record
from haven.risk.models import RiskAssessment
from haven.safeguarding.adults import alert_raise
from haven.safeguarding.services import safeguarding_event_record
from haven.testing.casework import (
    CaseNoteFactory,
    CaseworkPersonFactory,
    ReferralFactory,
    TaskFactory,
)
from haven.testing.fixtures import profile_contract
from haven.testing.html_forms import form_posting_to
from haven.testing.people import HarmLinkFactory, HouseholdLinkFactory, PersonFlagFactory
from haven.testing.url_walk import haven_views

pytestmark = pytest.mark.django_db

# Pages that show no one's personal data, and why. Everything else must audit its reads.
STAFF_PAGE = (
    "staff accounts (names, roles, sign-in and MFA status), not p"
    "eople supported; every change to them is audited by its service"
)
EXEMPT = {
    # issue 16 item 2: events are about no one
    "events:add": "the form shows the user's contracts and staff, no people; the event is "
    "audited by event_schedule and shown (audited) on events:detail",
    "events:import": "an upload form and the file's problems by row and column, no people; the "
    "import is audited by events_import",
    # finance (issue 16 item 7): a contract's money, never a person; writes are audited by
    # their services and the downloads as exports (haven/finance/tests/test_view_report.py)
    **{
        f"finance:{name}": "a contract's budget, income and spend, no people"
        for name in (
            "index",
            "report",
            "export",
            "budget",
            "profile",
            "income_add",
            "spend_add",
            "import",
            "import_confirm",
        )
    },
    "retention:schedule": "the retention rules in force (issue 15 item 4), no people",
    # the front door's public pages (issue 14): no one is signed in, and no record is shown
    "portal:help": "public information page, no people",
    "portal:service": "public information page from the profile, no people",
    "portal:hide_your_visit": "public advice page",
    "portal:exit": "forgets the form in progress and redirects to a neutral site",
    "portal:refer": "a public form showing only what the person typed in this session",
    "portal:refer_about": "a public form showing only what the person typed in this session",
    "portal:refer_chat": "a public form showing free web chat times, no people",
    "portal:refer_check": "shows only what the person typed in this session",
    "portal:refer_sent": "a confirmation that shows nothing of what was sent",
    "portal:ask": "a public form showing only what the person typed",
    "portal:question_sent": "the person's one-time code, nothing else",
    "portal:collect": "the person's own question and its answer, found by their code; no one "
    "is named and nobody signed in reads it",
    "casework:waiting_lists": "the contracts of the user's provider that run a waiting list, "
    "no people",
    "home": "counts of the user's worklists and the intake queue only",
    # issue 15: the information-sharing agreements register names partner organisations only
    "consent:agreements": "information-sharing agreements with partner organisations, no people",
    "consent:agreement_new": "an agreement with a partner organisation, no people",
    "consent:agreement_edit": "an agreement with a partner organisation, no people",
    "consent:agreement_review": "an agreement with a partner organisation, no people",
    "health": "service health for the load balancer",
    "accessibility": "static page",
    "privacy": "static page",
    "contracts:list": "contracts, no people",
    "contracts:detail": "a contract's rules and deadline calculator, no people",
    "people:search": "every search that shows results is audited as 'Searched' (person_search); "
    "the empty or invalid form shows no one",
    "people:new": "shows only what this member of staff has typed (likely duplicates are "
    "shown, and audited, on people:new_check)",
    "referrals:choose_contract": "the contracts the user may refer to",
    "followups:hand_off_pass": "POST only: marks a follow-up passed (audited as a create) and "
    "redirects to the list, which is audited",
    "referrals:create": "the referral form shows only what the user typed or the reference code "
    "they came with",
    "referrals:accept": "POST only, never shows a page; the acceptance is audited by its service",
    "casework:break_glass": "asks for the reason before anything about the case is shown",
    "casework:caseloads": "counts of open cases, deadlines and contacts per member of staff; "
    "no person supported is named (each worker's caseload page is audited)",
    "workbook:review_list": "incident ids, dates and counts of candidates, no names",
    "workbook:upload": "the upload form; a run's results are shown (and audited) on run_detail",
    "referralimports:upload": "the upload form; a run's rows are shown (and audited) on run_detail",
    "referralimports:run_list": "runs with their counts and file names, no people",
    "referralimports:error_report": "row numbers, source ids, columns and reasons; no names or "
    "other details of anyone",
    "govuk:design_system": "developer sample form",
    "targethardening:budget": "the year's spend and costs per quarter, no people",
    "targethardening:catalogue": "the provider's security items and prices, no people",
    "targethardening:item_add": "a catalogue item's form, no people",
    "targethardening:item_edit": "a catalogue item's form, no people",
    "govuk:exit_this_page": "static public page",
    "staff:list": STAFF_PAGE,
    "staff:detail": STAFF_PAGE,
    "staff:invite": STAFF_PAGE,
    "staff:details_edit": STAFF_PAGE,
    "staff:role_add": STAFF_PAGE,
    "staff:role_remove": STAFF_PAGE,
    "staff:team_move": STAFF_PAGE,
    "staff:deactivate": STAFF_PAGE,
    "staff:reactivate": STAFF_PAGE,
    "staff:mfa_reset": STAFF_PAGE,
    "staff:setup_link": STAFF_PAGE,
    "staff:profile_edit": STAFF_PAGE,
    "staff:team_rule": "a team's rule for imported cases; no people",
    "admin:login": "a redirect to Haven's sign-in",
    "account_email": "the signed-in member of staff's own email address",
    "reporting:index": "the contracts the user reports on and their quarters, no people",
    "reporting:current": "a redirect to the contract's return for this quarter",
    "reporting:return": "a contract's figures (counts and percentages), no people; the records "
    "behind a figure are listed, and audited, on reporting:measure",
    "quality:baselines": "population figures per area (published Census figures), no people",
    "quality:baseline_edit": "one population figure of an area, no people",
    "quality:assign": "POST only, never shows a page; each task it sets is audited by "
    "task_create_data_quality",
    "signoff:submit": "POST only, never shows a page; the submission is audited by its service",
    "casework:directory": "the provider's agency directory: agencies, no people",
    "casework:agency_add": "one agency of the directory, no people; its changes are audited",
    "casework:agency_edit": "one agency of the directory, no people; its changes are audited",
    "incidents:add": "the form shows the user's services and what they typed; the incident is "
    "audited by its service and shown (audited) on incidents:detail",
    "incidents:complaint_add": "the form shows the user's services and what they typed; the "
    "complaint is audited by its service",
    "incidents:compliment_add": "the form shows the user's services and what they typed; the "
    "compliment is audited by its service",
    **{
        f"refuge:{name}": "a service manager's refuge properties and rooms (names, never "
        "addresses) and their voids, no people; changes are audited by the services"
        for name in ("properties", "property_add", "property", "room_add", "room_edit", "void_add")
    },
    # workforce (issue 16)
    "workforce:staff_add": "an empty form for a new staff record, no one's data; the record is "
    "audited by staff_member_create",
    "workforce:supervision": "a redirect to the worker's record (audited on workforce:staff)",
    "workforce:absence": "a redirect to the worker's record (audited on workforce:staff)",
    "workforce:session": "a training session's course and date, no people",
    "workforce:post": "a post of the workforce plan (title and FTE), no people",
    "workforce:post_add": "an empty form for a post of the workforce plan, no people; the post "
    "is audited by establishment_post_create",
    "workforce:post_edit": "a post of the workforce plan (title, FTE, dates), no people; the "
    "change is audited by establishment_post_update",
    "workforce:post_close": "a post's last day, no people; audited by establishment_post_close",
    "workforce:courses": "the organisation's training courses, no people",
    "workforce:course_add": "an empty form for a training course, no people; the course is "
    "audited by course_create",
    **{
        f"appraisal:{name}": "an appraisal form (a round, links, a paper response, feedback): "
        "what the user typed, no people; the writes are audited by the services"
        for name in ("round_new", "links", "paper", "feedback_new")
    },
    "appraisal:respond": "public: the anonymous questionnaire of a one-time link, no one's data",
    "appraisal:thanks": "public: a thank-you page, no one's data",
    "helpline:shift_new": "the rota's shift form: the service's call takers, no callers; the "
    "shift is audited by shift_add",
    "helpline:shift_remove": "POST only, never shows a page; audited by shift_remove",
    "helpline:call_referral": "the referral form (referrals:create's page) reached from a call: "
    "only what the user typed or the reference code they came with; the call is shown, and "
    "audited, on helpline:call",
    "hardship:budget": "a contract's hardship fund budget form (service managers), no people; "
    "the budget is audited by hardship_fund_set",
    # groups and programmes (issue 16): set-up forms about groups, no people
    "programmes:programme_new": "a new programme's form, no people; audited by programme_create",
    "programmes:run_new": "a new group's form (staff as facilitators), no people; audited by "
    "run_create",
    "programmes:run_finish": "the group's completion date form, no people; audited by run_complete",
    "programmes:creche": "a crèche's form (hours and number of children), no people; audited by "
    "creche_record",
    "partners:refer": "a partner's referral form shows only what the partner typed; the "
    "referral is audited by referral_create",
    "partners:organisations": "partner organisations and their counts, no people",
    **{
        f"partners:{name}": "partner API tokens (prefix, organisation, expiry), no people; "
        "making and revoking them is audited by their services"
        for name in ("tokens", "token_new", "token_created", "token_revoke")
    },
    # issue 14 item 4: the person's own chat (public, bound to their browser session): no staff
    # read anyone's record there; using the code and joining are audited by the services
    "webchat:enter": "public: the code form, no one's data",
    "webchat:consent": "public: the person's own consent question, bound to their session",
    "webchat:room": "public: the person's own chat, bound to their session",
    "webchat:room_messages": "public: the person's own chat's messages, bound to their session",
    "webchat:staff_take": "POST only, never shows a page; audited by chat_take",
    "webchat:staff_end": "POST only, never shows a page; audited by chat_end",
    "subjectaccess:new": "the form shows only what the officer typed; the request is audited "
    "by sar_create and shown (audited) on subjectaccess:detail",
}


def audited_views() -> set[str]:
    return {name for name, view in haven_views().items() if getattr(view, AUDITS_READS, False)}


def test_every_page_audits_its_reads_or_says_why_it_shows_no_one():
    unaccounted = set(haven_views()) - audited_views() - set(EXEMPT)
    assert unaccounted == set(), "audit the page's reads, or list it in EXEMPT with a reason"


def test_no_page_is_both_audited_and_exempt_and_every_exemption_exists():
    assert audited_views() & set(EXEMPT) == set()
    assert set(EXEMPT) - set(haven_views()) == set()


def test_the_lint_sees_the_record_decorators():
    views = audited_views()
    assert {"casework:detail", "people:equality", "casework:note_correct"} <= views
    assert {"referrals:decline", "casework:worklist", "people:flag_new"} <= views


# --- behaviour: a 'Viewed' event in the request that showed the page ------------------------


@dataclass
class World:
    personas: Any
    ids: dict[str, Any] = field(default_factory=dict)


@pytest.fixture
def world(personas, client) -> World:
    vf = profile_contract("victim-first-2018", personas.organisation)
    person = CaseworkPersonFactory(organisation=personas.organisation)
    case = case_open_from_referral(
        referral=ReferralFactory(contract=vf, person=person),
        opened_by=personas.caseworker,
        team=personas.team,
        allocated_to=personas.caseworker,
    )
    # the plans before the task: agreeing the plan would meet an open support-plan task
    plan = support_plan_agree(
        case=case,
        person=person,
        recorded_by=personas.caseworker,
        agreed_at=timezone.now(),
        goals=[GoalInput(area="accommodation", description="A safe place to live")],
    )
    action = plan_action_add(
        plan=plan, added_by=personas.caseworker, description="View flats", owner="person"
    )
    safety = safety_plan_record(
        case=case,
        person=person,
        recorded_by=personas.caseworker,
        completed_at=timezone.now(),
        sections={"emergency": "Call 999 and press 55"},
    )
    # a child: plans may still be made for them, and safeguarding keeps their record
    child = HouseholdLinkFactory(person=person).member
    task = TaskFactory(case=case, action="support_plan", label="Support plan")
    note = CaseNoteFactory(case=case, author=personas.caseworker)
    flag = PersonFlagFactory(person=person)
    harm = HarmLinkFactory(person=person)
    pending = ReferralFactory(contract=vf, person=person, decision="pending")
    client.force_login(personas.caseworker)
    url = reverse("risk:complete", args=[case.pk])
    form = form_posting_to(client.get(url).content.decode(), url)
    choices = {n: v[0] for n, v in form.options.items() if n not in form.values and v}
    client.post(url, form.data(**(choices | {"professional_judgement": "no"})))
    assessment = RiskAssessment.objects.filter(case=case).first()
    assert assessment is not None
    proceeding = proceeding_record(
        case=case,
        recorded_by=personas.caseworker,
        kind="criminal_prosecution",
        court_type="magistrates",
        started_on=timezone.localdate(),
    )
    onward = onward_referral_record(
        case=case,
        recorded_by=personas.caseworker,
        made_at=case.opened_at,
        consent=True,
        agency="Synthetic Housing Options",
        agency_type="housing",
    )
    alert = alert_raise(
        case=case,
        recorded_by=personas.caseworker,
        raised_on=timezone.localdate(),
        concern="Synthetic concern",
    )
    meeting = safeguarding_event_record(
        case=case,
        recorded_by=personas.caseworker,
        kind="tac_meeting",
        occurred_on=timezone.localdate(),
        attended=True,
    )
    client.logout()
    return World(
        personas,
        {
            "case": case.pk,
            "person": person.pk,
            "task": task.pk,
            "note": note.pk,
            "flag": flag.pk,
            "harmer": harm.harmer.pk,
            "referral": pending.pk,
            "assessment": assessment.pk,
            "proceeding": proceeding.pk,
            "plan": plan.pk,
            "action": action.pk,
            "safety": safety.pk,
            "onward_referral": onward.pk,
            "child": child.pk,
            "alert": alert.pk,
            "safeguarding_event": meeting.pk,
        },
    )


@dataclass
class Page:
    url: Callable[[dict[str, Any]], str]
    user: str = "caseworker"
    bad_post: dict[str, Any] | None = None  # a POST that shows the form again with errors


def _case(name: str, **kwargs: Any) -> Page:
    return Page(lambda ids: reverse(name, args=[ids["case"]]), **kwargs)


def _person(name: str, **kwargs: Any) -> Page:
    return Page(lambda ids: reverse(name, args=[ids["person"]]), **kwargs)


EMPTY: dict[str, Any] = {}
PAGES: dict[str, Page] = {
    "casework:worklist": Page(lambda ids: reverse("casework:worklist")),
    "casework:team_worklist": Page(lambda ids: reverse("casework:team_worklist")),
    "casework:all_worklist": Page(lambda ids: reverse("casework:all_worklist"), user="team_leader"),
    "casework:worklist_export": Page(
        lambda ids: reverse("casework:worklist_export") + "?scope=team", user="team_leader"
    ),
    "casework:caseload": Page(lambda ids: reverse("casework:caseload")),
    "casework:unallocated": Page(lambda ids: reverse("casework:unallocated"), user="team_leader"),
    "casework:caseload_export": Page(lambda ids: reverse("casework:caseload_export")),
    "casework:detail": _case("casework:detail"),
    "casework:note_list": _case("casework:note_list"),
    "casework:attempt_record": _case("casework:attempt_record", bad_post=EMPTY),
    "casework:note_add": _case("casework:note_add", bad_post=EMPTY),
    "casework:state_change": _case("casework:state_change", bad_post=EMPTY),
    "casework:allocate": _case(
        "casework:allocate", user="team_leader", bad_post={"allocation": "x:y"}
    ),
    "casework:restriction": _case(
        "casework:restriction", user="team_leader", bad_post={"action": "restriction"}
    ),
    "casework:close": _case("casework:close", bad_post=EMPTY),
    "casework:reengagement": _case("casework:reengagement", bad_post=EMPTY),
    "casework:exit_interview": _case("casework:exit_interview", bad_post=EMPTY),
    "casework:onward_referral": _case("casework:onward_referral", bad_post=EMPTY),
    "casework:onward_referral_outcome": Page(
        lambda ids: reverse(
            "casework:onward_referral_outcome", args=[ids["case"], ids["onward_referral"]]
        ),
        bad_post=EMPTY,
    ),
    "casework:needs_reassessment": _case("casework:needs_reassessment", bad_post=EMPTY),
    "casework:needs_assessment": _case("casework:needs_assessment", bad_post=EMPTY),
    "casework:task_done": Page(
        lambda ids: reverse("casework:task_done", args=[ids["case"], ids["task"]]),
        bad_post=EMPTY,
    ),
    "casework:note_edit": Page(
        lambda ids: reverse("casework:note_edit", args=[ids["note"]]), bad_post=EMPTY
    ),
    "casework:note_correct": Page(
        lambda ids: reverse("casework:note_correct", args=[ids["note"]]), bad_post=EMPTY
    ),
    "people:detail": _person("people:detail"),
    "people:details_edit": _person("people:details_edit", bad_post=EMPTY),
    "people:safe_contact_edit": _person(
        "people:safe_contact_edit", bad_post={"voicemail": "maybe"}
    ),
    "people:equality": _person("people:equality", bad_post={"ethnicity": "not-a-choice"}),
    "people:flag_new": _person("people:flag_new", bad_post=EMPTY),
    "people:flag_end": Page(
        lambda ids: reverse("people:flag_end", args=[ids["person"], ids["flag"]]), bad_post=EMPTY
    ),
    "people:child_new": _person("people:child_new", bad_post=EMPTY),
    "people:harmer_new": _person("people:harmer_new", bad_post=EMPTY),
    "people:harmer_detail": Page(lambda ids: reverse("people:harmer_detail", args=[ids["harmer"]])),
    "referrals:list": Page(lambda ids: reverse("referrals:list")),
    "referrals:export": Page(lambda ids: reverse("referrals:export"), user="team_leader"),
    "referrals:detail": Page(lambda ids: reverse("referrals:detail", args=[ids["referral"]])),
    "referrals:decline": Page(
        lambda ids: reverse("referrals:decline", args=[ids["referral"]]), bad_post=EMPTY
    ),
    "risk:history": _case("risk:history"),
    "risk:complete": _case("risk:complete", bad_post=EMPTY),
    "risk:change": _case("risk:change", bad_post=EMPTY),
    "risk:screening": _case("risk:screening"),
    "risk:screening_new": Page(
        lambda ids: reverse("risk:screening_new", args=[ids["case"], "audit"]), bad_post=EMPTY
    ),
    "risk:register": Page(lambda ids: reverse("risk:register"), user="team_leader"),
    "support:list": _case("support:list"),
    "support:record": _case("support:record", bad_post=EMPTY),
    "proceedings:list": _case("proceedings:list"),
    "proceedings:add": _case("proceedings:add", bad_post=EMPTY),
    "proceedings:outcome": Page(
        lambda ids: reverse("proceedings:outcome", args=[ids["case"], ids["proceeding"]]),
        bad_post=EMPTY,
    ),
    "safeguarding:overview": _case("safeguarding:overview"),
    "safeguarding:child": Page(
        lambda ids: reverse("safeguarding:child", args=[ids["case"], ids["child"]]),
        bad_post={"cin_ended_on-day": "40"},
    ),
    "safeguarding:event_add": _case("safeguarding:event_add", bad_post=EMPTY),
    "safeguarding:alert_add": _case("safeguarding:alert_add", bad_post=EMPTY),
    "safeguarding:event_change": Page(
        lambda ids: reverse(
            "safeguarding:event_change", args=[ids["case"], ids["safeguarding_event"]]
        ),
        bad_post=EMPTY,
    ),
    "safeguarding:alert_edit": Page(
        lambda ids: reverse("safeguarding:alert_edit", args=[ids["case"], ids["alert"]]),
        bad_post=EMPTY,
    ),
    "safeguarding:think_family": _case("safeguarding:think_family", bad_post=EMPTY),
    "followups:survey_new": Page(
        lambda ids: reverse("followups:survey_new", args=[ids["case"], "exit"]), bad_post=EMPTY
    ),
    "followups:hand_offs": Page(lambda ids: reverse("followups:hand_offs"), user="team_leader"),
    "followups:hand_offs_export": Page(
        lambda ids: reverse("followups:hand_offs_export"), user="team_leader"
    ),
    "risk:result": Page(lambda ids: reverse("risk:result", args=[ids["case"], ids["assessment"]])),
    "plans:list": _case("plans:list"),
    "plans:agree": _case("plans:agree", bad_post=EMPTY),
    "plans:detail": Page(lambda ids: reverse("plans:detail", args=[ids["case"], ids["plan"]])),
    "plans:change": Page(
        lambda ids: reverse("plans:change", args=[ids["case"], ids["plan"]]),
        bad_post={"withdrawal_on-day": "40"},
    ),
    "plans:goal_add": Page(
        lambda ids: reverse("plans:goal_add", args=[ids["case"], ids["plan"]]), bad_post=EMPTY
    ),
    "plans:action_add": Page(
        lambda ids: reverse("plans:action_add", args=[ids["case"], ids["plan"]]), bad_post=EMPTY
    ),
    "plans:action_status": Page(
        lambda ids: reverse("plans:action_status", args=[ids["case"], ids["plan"], ids["action"]]),
        bad_post=EMPTY,
    ),
    "plans:review": Page(
        lambda ids: reverse("plans:review", args=[ids["case"], ids["plan"]]), bad_post=EMPTY
    ),
    "plans:safety_record": Page(
        # the survivor has a safety plan: the page is for their child
        lambda ids: reverse("plans:safety_record", args=[ids["case"]]),
        bad_post=EMPTY,
    ),
    "plans:safety_detail": Page(
        lambda ids: reverse("plans:safety_detail", args=[ids["case"], ids["safety"]])
    ),
    "plans:safety_change": Page(
        lambda ids: reverse("plans:safety_change", args=[ids["case"], ids["safety"]]),
        bad_post={"reviewed_on-day": "40"},
    ),
    "audit:list": Page(lambda ids: reverse("audit:list"), user="auditor"),
    "audit:record": Page(
        lambda ids: reverse("audit:record", args=["casework.case", ids["case"]]), user="auditor"
    ),
    "audit:export": Page(lambda ids: reverse("audit:export"), user="auditor"),
}
# Audited pages checked in their own app's tests, where their records are easier to build.
CHECKED_ELSEWHERE = {
    **{
        f"events:{name}": "haven/events/tests/test_view_read_audit.py"
        for name in ("index", "export", "detail", "edit", "deliver", "cancel")
    },
    "partners:home": "haven/partners/tests/test_view_read_audit.py",
    "portal:queue": "haven/portal/tests/test_view_read_audit.py",
    "portal:answer": "haven/portal/tests/test_view_read_audit.py",
    "casework:waiting_list": "haven/casework/tests/test_view_waiting_list.py",
    "people:new_check": "haven/people/tests/test_person_new_view.py",
    "followups:follow_up_record": "haven/followups/tests/test_view_read_audit.py",
    "followups:follow_up_survey": "haven/followups/tests/test_view_read_audit.py",
    "casework:exclude": "haven/casework/tests/test_view_exclusions.py",
    "casework:appeal_lodged": "haven/casework/tests/test_view_exclusions.py",
    "casework:appeal_decide": "haven/casework/tests/test_view_exclusions.py",
    "casework:draft_discard": "haven/casework/tests/test_view_drafts.py",
    "workbook:run_list": "haven/workbook/tests/test_view_read_audit.py",
    "workbook:run_detail": "haven/workbook/tests/test_view_read_audit.py",
    "workbook:review_detail": "haven/workbook/tests/test_view_read_audit.py",
    "referralimports:run_detail": "haven/referralimports/tests/test_views.py",
    "reporting:measure": "haven/reporting/tests/test_drilldown_view.py",
    "reporting:export": "haven/reporting/tests/test_export_views.py",
    "quality:data_quality": "haven/reporting/tests/test_view_quality.py",
    "quality:records": "haven/reporting/tests/test_view_quality.py",
    "quality:equality": "haven/reporting/tests/test_view_equality.py",
    "signoff:sign_off": "haven/reporting/tests/test_view_sign_off.py",
    "signoff:signed_off_export": "haven/reporting/tests/test_view_sign_off.py",
    "signoff:changes": "haven/reporting/tests/test_view_changes.py",
    "signoff:due_date": "haven/reporting/tests/test_view_due_date.py",
    "commissioner:returns": "haven/reporting/tests/test_view_commissioner.py",
    "commissioner:return_detail": "haven/reporting/tests/test_view_commissioner.py",
    "commissioner:return_download": "haven/reporting/tests/test_view_commissioner.py",
    "outcomes:history": "haven/outcomes/tests/test_view_read_audit.py",
    "outcomes:choose": "haven/outcomes/tests/test_view_read_audit.py",
    "outcomes:record": "haven/outcomes/tests/test_view_read_audit.py",
    "incidents:register": "haven/incidents/tests/test_view_read_audit.py",
    "incidents:detail": "haven/incidents/tests/test_view_read_audit.py",
    "incidents:notify": "haven/incidents/tests/test_view_read_audit.py",
    "incidents:review": "haven/incidents/tests/test_view_read_audit.py",
    "incidents:case_add": "haven/incidents/tests/test_view_read_audit.py",
    "incidents:chronology": "haven/incidents/tests/test_view_read_audit.py",
    "incidents:complaints": "haven/incidents/tests/test_view_read_audit.py",
    "incidents:complaint_detail": "haven/incidents/tests/test_view_read_audit.py",
    "incidents:stage_respond": "haven/incidents/tests/test_view_read_audit.py",
    "incidents:complaint_escalate": "haven/incidents/tests/test_view_read_audit.py",
    "incidents:complaint_resolve": "haven/incidents/tests/test_view_read_audit.py",
    "incidents:compliments": "haven/incidents/tests/test_view_read_audit.py",
    **{
        f"refuge:{name}": "haven/refuge/tests/test_view_read_audit.py"
        for name in ("board", "move_in", "extend", "move_out")
    },
    **{
        f"housing:{name}": "haven/housing/tests/test_view_read_audit.py"
        for name in ("detail", "entry", "exit", "outcome_add")
    },
    **{
        f"workforce:{name}": "haven/workforce/tests/test_view_read_audit.py"
        for name in (
            "index",
            "mine",
            "staff",
            "figures",
            "figures_csv",
            "supervision_add",
            "vetting_add",
            "training_add",
            "sickness_add",
            "equality",
            "posts",
            "staff_edit",
            "staff_leave",
            "staff_login",
            "session_add",
        )
    },
    **{
        f"helpline:{name}": "haven/helpline/tests/test_view_read_audit.py"
        for name in ("shift", "log", "call", "call_backs", "call_back", "rota")
    },
    **{
        f"hardship:{name}": "haven/hardship/tests/test_view_read_audit.py"
        for name in ("funds", "fund", "request", "decide", "pay")
    },
    **{
        f"appraisal:{name}": "haven/appraisal/tests/test_view_read_audit.py"
        for name in ("index", "round", "feedback", "feedback_action")
    },
    **{
        f"restorative:{name}": "haven/restorative/tests/test_view_read_audit.py"
        for name in ("index", "refer", "step")
    },
    **{
        f"programmes:{name}": "haven/programmes/tests/test_view_read_audit.py"
        for name in (
            "index",
            "programme",
            "run",
            "register",
            "session",
            "one_to_one",
            "place_contact",
            "place_assessment",
            "place_complete",
            "place_drop_out",
            "enrol",
            "liaison_start",
            "partner_contact",
        )
    },
    **{
        f"marac:{name}": "haven/marac/tests/test_view_read_audit.py"
        for name in (
            "incident_add",
            "referral_add",
            "referral",
            "referral_pdf",
            "meetings",
            "data",
            "data_csv",
            "area_add",
            "meeting_add",
            "meeting",
            "hearing_add",
            "action_add",
            "action_status",
        )
    },
    **{
        f"targethardening:{name}": "haven/targethardening/tests/test_view_read_audit.py"
        for name in ("job", "visit", "fit", "refusal", "needs", "over_limit")
    },
    **{
        f"webchat:{name}": "haven/webchat/tests/test_view_staff.py"
        for name in ("staff_list", "staff_chat", "staff_messages")
    },
    **{
        f"outbox:{name}": "haven/outbox/tests/test_view_read_audit.py"
        for name in ("letters", "send", "message", "letter_pdf", "letter_printed", "letter_posted")
    },
    # issue 15 item 3: every page as the data protection officer (the downloads as exports)
    **{
        f"subjectaccess:{name}": "haven/subjectaccess/tests/test_views.py"
        for name in (
            "list",
            "detail",
            "verify",
            "stop",
            "restart",
            "extend",
            "gather",
            "review",
            "item",
            "release_unflagged",
            "bundle",
            "bundle_pdf",
            "bundle_json",
            "sent",
            "refuse",
            "withdraw",
        )
    },
    "handover:runs": "haven/handover/tests/test_view_runs.py",
    # finance: the transactions list (free-text descriptions, grants paid) is audited as a read
    "finance:transactions": "haven/finance/tests/test_view_transactions.py",
    **{
        f"retention:{name}": "haven/retention/tests/test_views.py"
        for name in (
            "queue",
            "holds",
            "hold_new",
            "hold_lift",
            "requests",
            "request_new",
            "request_detail",
        )
    },
    **{
        f"consent:{name}": "haven/consent/tests/test_view_read_audit.py"
        for name in ("record", "withdraw", "shares")
    },
}
READS = (AuditAction.VIEW, AuditAction.VIEW_RESTRICTED, AuditAction.EXPORT)


def test_every_audited_page_has_a_behaviour_check():
    assert audited_views() - set(PAGES) - set(CHECKED_ELSEWHERE) == set()


def _read_events(response: Any) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(request_id=response["X-Request-Id"], action__in=READS))


@pytest.mark.parametrize("name", sorted(PAGES))
def test_showing_the_page_writes_a_viewed_event(client, world, name):
    page = PAGES[name]
    client.force_login(getattr(world.personas, page.user))
    response = client.get(page.url(world.ids))
    assert response.status_code == 200
    events = _read_events(response)
    assert events, f"{name} showed a page without a 'Viewed' event"
    assert all(event.actor == getattr(world.personas, page.user) for event in events)


@pytest.mark.parametrize("name", sorted(n for n, p in PAGES.items() if p.bad_post is not None))
def test_a_form_shown_again_with_errors_writes_a_viewed_event(client, world, name):
    page = PAGES[name]
    client.force_login(getattr(world.personas, page.user))
    response = client.post(page.url(world.ids), page.bad_post)
    assert response.status_code == 200, f"{name}: the bad POST did not show the form again"
    assert _read_events(response), f"{name} showed the form again without a 'Viewed' event"


def test_a_redirect_after_a_successful_post_writes_no_viewed_event(client, world):
    client.force_login(world.personas.caseworker)
    url = reverse("casework:note_add", args=[world.ids["case"]])
    form = form_posting_to(client.get(url).content.decode(), url)
    choices = {n: v[0] for n, v in form.options.items() if n not in form.values and v}
    response = client.post(url, form.data(**(choices | {"text": "Called back"})))
    assert response.status_code == 302
    assert _read_events(response) == []


def test_the_worklist_event_names_the_cases_it_showed(client, world):
    client.force_login(world.personas.caseworker)
    (event,) = _read_events(client.get(reverse("casework:worklist")))
    assert event.object_type == "casework.case"
    assert event.changes["shown"] == [str(world.ids["case"])]


def test_a_restricted_read_is_audited_with_its_reason_on_form_pages_too(client, world):
    from haven.casework.models import Case
    from haven.casework.services import case_break_glass, case_restriction_set

    case = Case.objects.get(pk=world.ids["case"])
    case_restriction_set(
        case=case, restricted=True, changed_by=world.personas.caseworker, reason="Safety"
    )
    case_break_glass(case=case, user=world.personas.teammate, reason="Duty cover")
    client.force_login(world.personas.teammate)
    response = client.get(reverse("people:equality", args=[world.ids["person"]]))
    (event,) = _read_events(response)
    assert (event.action, event.reason) == (AuditAction.VIEW_RESTRICTED, "Duty cover")
