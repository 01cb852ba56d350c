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
)
from haven.casework.services import case_open_from_referral, case_restriction_set, needs_areas
from haven.core.form_tokens import ALREADY_SENT, FIELD
from haven.core.models import FormSubmission
from haven.outcomes.models import OutcomeAssessment
from haven.people.models import HarmLink, HouseholdLink, Person, PersonFlag, SafeContact
from haven.referrals.models import Referral
from haven.reporting.models import ReturnSnapshot
from haven.risk.models import RiskAssessment
from haven.support.models import SupportSession
from haven.testing.casework import CaseNoteFactory, CaseworkPersonFactory, ReferralFactory
from haven.testing.fixtures import profile_contract
from haven.testing.html_forms import HtmlForm, post_forms
from haven.testing.url_walk import haven_views

pytestmark = pytest.mark.django_db

# Every POST view that creates a record: tested twice below.
CREATE_FORMS = {
    "casework:attempt_record",
    "casework:note_add",
    "casework:note_correct",
    "casework:exit_interview",
    "casework:onward_referral",
    "casework:needs_reassessment",
    "casework:needs_assessment",
    "casework:break_glass",
    "people:new",
    "people:new_check",
    "people:flag_new",
    "people:child_new",
    "people:harmer_new",
    "referrals:create",
    "referrals:accept",
    "risk:complete",
    "support:record",
    "outcomes:record",
    "workbook:upload",
    "workbook:review_detail",
    "signoff:sign_off",
}
# Every other page, and why a second POST of it cannot write twice (the middleware covers every
# form with a token all the same: these are simply not counted here).
NOT_CREATE_FORMS = {
    "casework:task_done": "marks a task done; a second mark is refused by the service",
    "casework:note_edit": "changes a note in place; no new record",
    "casework:state_change": "a second change to the same state is refused by the transitions",
    "casework:allocate": "sets the allocation; the same values again change nothing",
    "casework:restriction": "sets restriction and named staff; the same values change nothing",
    "casework:close": "a closed case cannot be closed again",
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
}
GET_ONLY = {
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
    "casework:detail",
    "casework:note_list",
    "risk:history",
    "support:list",
    "outcomes:history",
    "outcomes:choose",
    "risk:result",
    "workbook:run_list",
    "workbook:run_detail",
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


@dataclass
class CreateForm:
    page: Callable[[World], str]
    count: Callable[[World], int]
    data: Callable[[World], dict[str, Any]]
    user: str = "caseworker"
    action: Callable[[World], str] | None = None
    prepare: Callable[[Any, World], None] | None = None


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


def _pending_referral(world: World) -> Referral:
    return ReferralFactory(contract=world.vf, person=world.person, decision="pending")


CASES: dict[str, CreateForm] = {
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
    "support:record": CreateForm(
        page=lambda w: reverse("support:record", args=[w.case.pk]),
        count=lambda w: SupportSession.objects.count(),
        data=lambda w: {"mode": "telephone", "duration_minutes": "30", **_date("delivered_at")},
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
    "signoff:sign_off": CreateForm(
        page=lambda w: reverse("signoff:sign_off", args=[w.vf.slug, "2026-Q1"]),
        count=lambda w: ReturnSnapshot.objects.count(),
        data=lambda w: {"exceptions": "0", "remedial_plan": "Complete the missing fields"},
        user="service_manager",
    ),
}


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
    "workbook:upload": "haven/workbook/tests/test_view_resubmission.py",
    "workbook:review_detail": "haven/workbook/tests/test_view_resubmission.py",
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
