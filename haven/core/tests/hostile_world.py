"""A small seeded world for the page walkers: one of each record a URL can name.

Maps URL parameter names (``case_id``, ``note_id``…) to real ids. A page whose parameter is
not here is still found when a model of that name exists (``member_id`` → a Member); otherwise
the walker fails and asks for a seed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.apps import apps
from django.utils import timezone

from haven.casework.models import Agency, Case
from haven.casework.services import (
    case_note_add,
    case_open_from_referral,
    case_restriction_set,
    onward_referral_record,
)
from haven.followups.services import follow_up_contact_record
from haven.incidents.complaint_services import complaint_record
from haven.incidents.services import serious_incident_record
from haven.partners.models import PartnerOrganisation
from haven.people.services import flag_add, harmer_add, person_create
from haven.plans.safety import safety_plan_record
from haven.plans.services import GoalInput, plan_action_add, support_plan_agree
from haven.proceedings.services import proceeding_record
from haven.referrals.models import Decision
from haven.reporting.models import EqualityBaseline
from haven.reporting.periods import current_period, parse_period
from haven.reporting.services import return_sign_off, return_submit
from haven.risk.services import risk_assessment_complete
from haven.safeguarding.adults import alert_raise
from haven.safeguarding.services import safeguarding_event_record
from haven.testing.casework import (
    CaseFactory,
    CaseworkPersonFactory,
    ReferralFactory,
    TaskFactory,
)
from haven.testing.factories import MembershipFactory, UserFactory
from haven.testing.fixtures import profile_contract
from haven.testing.followups import closed_after_contact
from haven.testing.people import HouseholdLinkFactory
from haven.testing.personas import Personas, build_personas
from haven.testing.risk import answers
from haven.workbook.engine.tests.exports import incident, write_csv
from haven.workbook.models import IdentityReview
from haven.workbook.services import workbook_import


def _follow_ups(personas: Any, dv360: Any) -> dict[str, Any]:
    """A closed DV 360 case with its 1- and 12-month follow-ups (seed 000 s5), one reached."""
    person = CaseworkPersonFactory(organisation=personas.organisation)
    referral = ReferralFactory(
        contract=dv360, person=person, received_at=timezone.now() - dt.timedelta(days=10)
    )
    case = closed_after_contact(
        case_open_from_referral(
            referral=referral,
            opened_by=personas.caseworker,
            team=personas.team,
            allocated_to=personas.caseworker,
        ),
        personas.caseworker,
    )
    one = case.tasks.get(rule_key="follow_up_1_month")
    twelve = case.tasks.get(rule_key="follow_up_12_months")
    reached = follow_up_contact_record(
        task=one,
        channel="phone",
        outcome="reached",
        attempted_at=timezone.now(),
        recorded_by=personas.caseworker,
    )
    return {
        "@followups:follow_up_record": {"case_id": case.pk, "task_id": twelve.pk},
        "@followups:follow_up_survey": {"case_id": case.pk, "contact_id": reached.pk},
        "@followups:hand_off_pass": {"task_id": twelve.pk},
    }


def _exclusion_cases(personas: Personas, organisation: Any) -> dict[str, Any]:
    """A Wokingham case ready to exclude, one excluded, one with an appeal made (seed 003 s8)."""
    from haven.casework.services.exclusions import (
        exclusion_appeal_lodge,
        exclusion_decide,
        reengagement_attempt_record,
    )

    wokingham = profile_contract("wokingham-da-2017", organisation)
    cases = {}
    for name in ("exclude", "appeal_lodged", "appeal_decide"):
        case = CaseFactory(contract=wokingham, team=personas.team, allocated_to=personas.caseworker)
        reengagement_attempt_record(
            case=case,
            recorded_by=personas.caseworker,
            attempted_at=timezone.now(),
            method="phone",
            what="Synthetic",
        )
        if name != "exclude":
            exclusion = exclusion_decide(
                case=case,
                decided_by=personas.team_leader,
                criteria=["breach_of_rules"],
                reason="Synthetic",
                appeal_notice_at=timezone.now(),
                appeal_notice_method="letter",
            )
            if name == "appeal_decide":
                exclusion_appeal_lodge(
                    exclusion=exclusion, recorded_by=personas.caseworker, lodged_at=timezone.now()
                )
        cases[name] = case.pk
    return cases


def _marac_ids(case: Case, personas: Personas) -> dict[str, Any]:
    """MARAC (issue 12): an area, the case referred and heard at a meeting with an action."""
    from haven.marac.meetings import (
        marac_action_record,
        marac_area_create,
        marac_hearing_record,
        marac_meeting_record,
    )
    from haven.marac.services import marac_referral_record

    area = marac_area_create(
        organisation=personas.organisation, actor=personas.service_manager, name="Synthetic"
    )
    referral = marac_referral_record(
        case=case,
        referred_by=personas.caseworker,
        area=area,
        referred_on=timezone.localdate(),
        referring_agency="idva",
        criteria=["visible_high_risk"],
        consent=True,
        victim_aware=True,
    )
    meeting = marac_meeting_record(
        area=area,
        actor=personas.team_leader,
        held_on=timezone.localdate(),
        agencies_present=["police"],
        idva_attended=True,
    )
    hearing = marac_hearing_record(
        meeting=meeting,
        referral=referral,
        actor=personas.team_leader,
        outcome="",
        idva_represented=True,
    )
    action = marac_action_record(
        hearing=hearing,
        actor=personas.team_leader,
        owning_agency="police",
        description="Synthetic action",
        due_on=timezone.localdate(),
    )
    on_case = {"case_id": case.pk, "referral_id": referral.pk}
    at_meeting = {"meeting_id": meeting.pk}
    return {
        "@marac:referral": on_case,
        "@marac:referral_pdf": on_case,
        "@marac:meeting": at_meeting,
        "@marac:hearing_add": at_meeting,
        "@marac:action_add": at_meeting | {"hearing_id": hearing.pk},
        "@marac:action_status": at_meeting | {"action_id": action.pk},
    }


def _portal_question(contract: Any) -> Any:
    """A quick question waiting for an answer (issue 14; seed 002 s3.6)."""
    from haven.portal.services import quick_question_ask

    return quick_question_ask(contract=contract, question="Synthetic question?")[0].pk


def _refuge_ids(personas: Any) -> dict[str, Any]:
    """A refuge with a room serving Cornwall's men's refuge, and a case living in it (issue 13)."""
    from haven.refuge.services import property_save, room_save, stay_move_in

    cornwall = profile_contract("cornwall-mens-refuge-2021", personas.organisation)
    refuge = property_save(
        organisation=personas.organisation,
        saved_by=personas.service_manager,
        name="Synthetic House",
        kind="refuge",
        takes="men_only",
        area_label="Cornwall",
        in_commissioner_area=True,
        contracts=[cornwall],
    )
    room = room_save(
        refuge_property=refuge,
        saved_by=personas.service_manager,
        name="Room 1",
        bedrooms=2,
        accessible=False,
        pets_allowed=False,
        children_allowed=True,
    )
    case = CaseFactory(
        contract=cornwall,
        team=personas.team,
        allocated_to=personas.caseworker,
        opened_at=timezone.now() - dt.timedelta(days=30),
    )
    stay = stay_move_in(
        case=case,
        room=room,
        moved_in_by=personas.caseworker,
        moved_in_at=timezone.now() - dt.timedelta(days=20),
        agreement="licence",
        agreement_signed_on=timezone.localdate() - dt.timedelta(days=20),
    )
    on_stay = {"case_id": case.pk, "stay_id": stay.pk}
    return {
        "@refuge:move_in": {"case_id": case.pk},
        "@refuge:extend": on_stay,
        "@refuge:move_out": on_stay,
    }


def _housing_and_hardship_ids(case: Case, personas: Personas) -> dict[str, Any]:
    """Issue 13: a Safe Home case with its housing at entry (the exit page opens), and this
    year's hardship fund of the Victim First case's contract with a grant waiting for a decision
    and one approved (the decision and payment pages open)."""
    from decimal import Decimal

    from haven.hardship.services import (
        financial_year_of,
        hardship_fund_set,
        hardship_grant_decide,
        hardship_grant_request,
    )
    from haven.housing.services import housing_entry_record

    safehome = CaseFactory(
        contract=profile_contract("leicester-safehome-2012", personas.organisation),
        team=personas.team,
        allocated_to=personas.caseworker,
        opened_at=timezone.now() - dt.timedelta(days=30),
    )
    housing_entry_record(case=safehome, recorded_by=personas.caseworker, entry_tenure="refuge")
    fund = hardship_fund_set(
        contract=case.contract,
        year=financial_year_of(case.contract, timezone.localdate()),
        budget=Decimal("5000"),
        set_by=personas.service_manager,
    )
    waiting, approved = (
        hardship_grant_request(
            case=case, requested_by=personas.caseworker, amount=Decimal(amount), purpose="food"
        )
        for amount in ("20", "30")
    )
    hardship_grant_decide(grant=approved, decided_by=personas.team_leader, approve=True)
    on_safehome = {"case_id": safehome.pk}
    return {
        "fund_id": fund.pk,
        **{f"@housing:{name}": on_safehome for name in ("detail", "entry", "exit", "outcome_add")},
        "@hardship:decide": {"case_id": case.pk, "grant_id": waiting.pk},
        "@hardship:pay": {"case_id": case.pk, "grant_id": approved.pk},
    }


def _workforce(personas: Personas) -> dict[str, Any]:
    """Issue 16: the caseworker's staff record with a supervision, sickness absence and a
    course with a session, and a post of the workforce plan."""
    from decimal import Decimal

    from haven.workforce.models import Course
    from haven.workforce.services import (
        establishment_post_create,
        sickness_record,
        staff_member_create,
        supervision_record,
        training_session_record,
    )

    today = timezone.localdate()
    organisation = personas.organisation
    post = establishment_post_create(
        organisation=organisation,
        title="Outreach worker",
        contract_type="permanent",
        fte=Decimal("2"),
        valid_from=today - dt.timedelta(days=400),
        created_by=personas.service_manager,
    )
    staff = staff_member_create(
        organisation=organisation,
        full_name="Synthetic Worker",
        kind="staff",
        contract_type="permanent",
        started_on=today - dt.timedelta(days=300),
        user=personas.caseworker,
        team=personas.team,
        post=post,
        created_by=personas.service_manager,
    )
    supervision = supervision_record(
        staff=staff, held_on=today, kind="individual", recorded_by=personas.team_leader
    )
    absence = sickness_record(
        staff=staff, first_day=today, reason="infection", recorded_by=personas.team_leader
    )
    course = Course.objects.create(organisation=organisation, name="Safeguarding")
    session = training_session_record(
        course=course, held_on=today, attendees=[staff], recorded_by=personas.team_leader
    )
    on_staff = {"staff_id": staff.pk}
    return {
        **{
            f"@workforce:{name}": on_staff
            for name in (
                "staff",
                "supervision_add",
                "vetting_add",
                "training_add",
                "sickness_add",
                "equality",
                "staff_edit",
                "staff_leave",
                "staff_login",
            )
        },
        **{
            f"@workforce:{name}": {"organisation_id": organisation.pk}
            for name in (
                "staff_add",
                "figures",
                "figures_csv",
                "posts",
                "post_add",
                "courses",
                "course_add",
                "session_add",
            )
        },
        "@workforce:post_edit": {"record_id": post.pk},
        "@workforce:post_close": {"record_id": post.pk},
        "@workforce:supervision": {"record_id": supervision.pk},
        "@workforce:absence": {"record_id": absence.pk},
        "@workforce:session": {"record_id": session.pk},
        "@workforce:post": {"record_id": post.pk},
    }


def _restorative_ids(case: Case, personas: Personas) -> dict[str, Any]:
    """Issue 16: a restorative justice process on the Victim First case (its step page opens)."""
    from haven.restorative.services import rj_referral_create

    process = rj_referral_create(
        case=case,
        referred_by=personas.caseworker,
        victim_requested=True,
        requested_on=timezone.localdate(),
        offender_admitted=True,
        contact_type="conference",
        sensitive_offence="none",
        exceptional_justification="",
        facilitator=personas.caseworker,
        facilitator_experienced=False,
    )
    return {"@restorative:step": {"case_id": case.pk, "process_id": process.pk}}


def _appraisal_ids(personas: Personas) -> dict[str, Any]:
    """Issue 16: an open appraisal round of a Leicester contract, a one-time link of it and a
    feedback item (seed 001 s14)."""
    from haven.appraisal.services import feedback_record, links_create, round_create

    contract = profile_contract("leicester-victim-survivor-2012", personas.organisation)
    today = timezone.localdate()
    appraisal = round_create(
        contract=contract,
        title="Synthetic appraisal",
        opens_on=today - dt.timedelta(days=1),
        closes_on=today + dt.timedelta(days=30),
        created_by=personas.service_manager,
    )
    (token,) = links_create(
        appraisal=appraisal, group="stakeholder", count=1, created_by=personas.service_manager
    )
    item = feedback_record(
        contract=contract,
        received_on=today,
        you_said="Synthetic feedback",
        recorded_by=personas.service_manager,
    )
    return {
        "round_id": appraisal.pk,
        "@appraisal:round_new": {"contract_id": contract.pk},
        "@appraisal:feedback_new": {"contract_id": contract.pk},
        "@appraisal:feedback_action": {"item_id": item.pk},
        "@appraisal:respond": {"token": token},
    }


def _programme_ids(case: Case, personas: Personas) -> dict[str, Any]:
    """Issue 16 item 1: a young people's group on the Victim First case's contract with the case
    offered a place (every place page opens), a session held, and a perpetrator programme place
    in partner liaison with the case (the liaison contact page opens)."""
    from haven.programmes.services import enrolment_offer, programme_create, run_create
    from haven.programmes.services_liaison import partner_liaison_start
    from haven.programmes.services_sessions import session_record

    today = timezone.localdate()
    made = {}
    for contract, kind in (
        (case.contract, "young_people"),
        (profile_contract("leicester-perpetrator-2012", personas.organisation), "perpetrator"),
    ):
        programme = programme_create(
            contract=contract,
            kind=kind,
            name=f"Synthetic {kind}",
            min_weeks=None,
            min_sessions=None,
            created_by=personas.team_leader,
        )
        made[kind] = run_create(
            programme=programme,
            name="Synthetic group",
            starts_on=today - dt.timedelta(weeks=27),
            planned_end_on=today + dt.timedelta(weeks=1),
            venue="",
            facilitators=[personas.caseworker],
            created_by=personas.team_leader,
        )
    run = made["young_people"]
    run_create(  # a second group the case has no place on: the enrol page opens
        programme=run.programme,
        name="Synthetic second group",
        starts_on=today,
        planned_end_on=today + dt.timedelta(weeks=8),
        venue="",
        facilitators=[personas.caseworker],
        created_by=personas.team_leader,
    )
    place = enrolment_offer(run=run, case=case, offered_on=today, offered_by=personas.caseworker)
    session = session_record(
        run=run,
        held_on=today,
        session_format="group",
        duration_minutes=60,
        topic="",
        marks={},
        by=personas.caseworker,
    )
    perpetrator = CaseFactory(
        contract=made["perpetrator"].programme.contract,
        team=personas.team,
        allocated_to=personas.caseworker,
    )
    enrolment_offer(
        run=made["perpetrator"], case=perpetrator, offered_on=today, offered_by=personas.caseworker
    )
    liaison = partner_liaison_start(
        victim_case=case,
        perpetrator_reference=perpetrator.person.reference_code,
        started_on=today,
        by=personas.caseworker,
    )
    on_run = {"run_id": run.pk}
    on_place = on_run | {"enrolment_id": place.pk}
    return {
        "programme_id": run.programme_id,
        "@programmes:run": on_run,
        "@programmes:run_finish": on_run,
        "@programmes:register": on_run,
        "@programmes:creche": on_run,
        "@programmes:session": on_run | {"session_id": session.pk},
        **{
            f"@programmes:{name}": on_place
            for name in (
                "place_contact",
                "place_assessment",
                "place_drop_out",
                "place_complete",
                "one_to_one",
            )
        },
        "@programmes:partner_contact": {"case_id": case.pk, "liaison_id": liaison.pk},
    }


def _target_hardening(personas: Personas) -> dict[str, Any]:
    """A target hardening case with its job (seed 002 Lot 2), one not yet visited, and an item
    of the provider's catalogue."""
    from decimal import Decimal

    from haven.targethardening.models import SecurityItem
    from haven.targethardening.services import job_visit_record

    contract = profile_contract("target-hardening-2018", personas.organisation)
    cases = []
    for _ in range(2):
        referral = ReferralFactory(
            contract=contract,
            person=CaseworkPersonFactory(organisation=personas.organisation),
            route="emergency_phone",
            received_at=timezone.now() - dt.timedelta(hours=2),
        )
        cases.append(
            case_open_from_referral(
                referral=referral,
                opened_by=personas.caseworker,
                team=personas.team,
                allocated_to=personas.caseworker,
            )
        )
    job_visit_record(
        case=cases[0],
        recorded_by=personas.caseworker,
        visited_at=timezone.now() - dt.timedelta(hours=1),
        concerns=["no_door_chain", "door_lock_weak", "windows_unlocked"],
        vulnerabilities=["perpetrator_knows_address"],
        override_reason="Synthetic: safe to visit",
    )
    item = SecurityItem.objects.create(
        provider=personas.organisation,
        name="Door chain",
        police_approved=True,
        unit_price=Decimal("24.00"),
        max_per_property=2,
        fitting="specialist_fit",
    )
    ids: dict[str, Any] = {
        f"@targethardening:{name}": {"case_id": cases[0].pk}
        for name in ("job", "fit", "refusal", "needs", "over_limit")
    }
    ids["@targethardening:visit"] = {"case_id": cases[1].pk}
    ids["@targethardening:item_add"] = {"provider_id": personas.organisation.pk}
    ids["@targethardening:item_edit"] = {"item_id": item.pk}
    return ids


def _outbox(personas: Personas, case: Case) -> dict[str, Any]:
    """Issue 14 item 9: a letter queued for printing on the Victim First case (its person with a
    safe address), so the message, PDF and printed/posted pages open."""
    from haven.outbox.services import message_send
    from haven.people.models import SafeContact

    SafeContact.objects.update_or_create(
        person=case.person,
        defaults={"letters": "safe_address_only", "safe_address": "1 Synthetic Row\nEX1 1AA"},
    )
    letter = message_send(
        case=case, template_key="first_contact", channel="letter", sent_by=personas.caseworker
    )
    on_letter = {"case_id": case.pk, "message_id": letter.pk}
    names = ("message", "letter_pdf", "letter_printed", "letter_posted")
    return {f"@outbox:{name}": on_letter for name in names}


def _subject_access(personas: Personas, case: Case) -> dict[str, Any]:
    """Issue 15 item 3: a subject access request about the case's person, identity verified
    and gathered, so every step's page and an item's review open."""
    from haven.subjectaccess.services import sar_create, sar_gather, sar_verify_identity

    officer = personas.data_protection_officer
    sar = sar_create(
        person=case.person,
        received_on=timezone.localdate(),
        received_how="email",
        requester="person",
        created_by=officer,
    )
    sar_verify_identity(sar=sar, verified_on=sar.received_on, method="Seen", verified_by=officer)
    sar = sar_gather(sar=sar, gathered_by=officer)
    item = sar.items.first()
    return {"@subjectaccess:item": {"sar_id": sar.pk, "item_id": item.pk}, "sar_id": sar.pk}


def _consent(personas: Personas, case: Case) -> dict[str, Any]:
    """Issue 15: a consent to withdraw on the case's person, and an agreement to change."""
    from haven.consent.services import agreement_add, consent_record

    consent = consent_record(
        person=case.person,
        kind="support",
        given_on=timezone.localdate(),
        how_given="verbal",
        recorded_by=personas.caseworker,
    )
    agreement = agreement_add(
        organisation=personas.organisation,
        recorded_by=personas.service_manager,
        partner="Synthetic Police",
        purpose="MARAC referrals",
        art6_basis="e_public_task",
        art9_condition="sch1_18",
        signed_on=None,
        review_on=timezone.localdate() + dt.timedelta(days=30),
        status="active",
    )
    return {
        "@consent:withdraw": {"person_id": case.person.pk, "consent_id": consent.pk},
        "agreement_id": agreement.pk,
    }


def _events(personas: Personas, contract: Any) -> dict[str, Any]:
    """Issue 16 item 2: a scheduled event of the service (its pages take the event's id)."""
    from haven.events.services import EventDetails, event_schedule

    event = event_schedule(
        provider=personas.organisation,
        scheduled_by=personas.caseworker,
        details=EventDetails(
            contracts=[contract],
            kind="training",
            title="Synthetic awareness training",
            starts_at=timezone.now() - dt.timedelta(days=1),
            duration_minutes=60,
            venue="Synthetic Centre",
            location_type="community_centre",
            audience="practitioners",
        ),
    )
    return {
        f"@events:{name}": {"event_id": event.pk}
        for name in ("detail", "edit", "deliver", "cancel")
    }


def _helpline(personas: Personas, contract: Any) -> dict[str, Any]:
    """Issue 16 item 4: a helpline call on Victim First with a call-back due, and a shift on its
    rota, so the call, call-back and shift pages open."""
    from haven.helpline.services import CallBackRequest, helpline_call_log, shift_add

    now = timezone.now()
    call = helpline_call_log(
        contract=contract,
        taken_by=personas.caseworker,
        started_at=now - dt.timedelta(hours=1),
        direction="in",
        caller_type="victim",
        duration_minutes=10,
        outcomes=["call_back_booked"],
        call_back=CallBackRequest(due_at=now + dt.timedelta(hours=2), phone="07700 900000"),
    )
    shift = shift_add(
        contract=contract,
        staff=personas.caseworker,
        starts_at=now,
        ends_at=now + dt.timedelta(hours=4),
        added_by=personas.team_leader,
    )
    return {
        "@helpline:call": {"call_id": call.pk},
        "@helpline:call_referral": {"call_id": call.pk},
        "@helpline:call_back": {"call_back_id": call.call_backs.get().pk},
        "@helpline:shift_new": {"contract_id": contract.pk},
        "@helpline:shift_remove": {"contract_id": contract.pk, "shift_id": shift.pk},
    }


def build_world(tmp_path: Path) -> tuple[Personas, dict[str, Any]]:
    """Personas plus a case with a note, task, risk assessment, flag, person causing harm,
    a pending referral and a workbook run with an identity review; and the id for each name."""
    personas = build_personas()
    organisation = personas.organisation
    contract = profile_contract("victim-first-2018", organisation)
    person = CaseworkPersonFactory(organisation=organisation)
    referral = ReferralFactory(
        contract=contract, person=person, received_at=timezone.now() - dt.timedelta(days=2)
    )
    case: Case = case_open_from_referral(
        referral=referral,
        opened_by=personas.caseworker,
        team=personas.team,
        allocated_to=personas.caseworker,
    )
    note = case_note_add(
        case=case,
        author=personas.caseworker,
        note_type="contact",
        text="Synthetic note",
        happened_at=timezone.now(),
    )
    task = TaskFactory(case=case, rule_key="synthetic_review", action="review")  # marked by hand
    proceeding = proceeding_record(
        case=case,
        recorded_by=personas.caseworker,
        kind="criminal_prosecution",
        court_type="magistrates",
        started_on=timezone.localdate(),
    )
    # plans (issue 11): the survivor's support plan with an action and a safety plan; a child
    # without plans, so the pages that make one still show their forms
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
    child = HouseholdLinkFactory(person=person).member  # safeguarding keeps the child's record
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
    assessment = risk_assessment_complete(
        case=case,
        completed_by=personas.caseworker,
        answers=answers(yes=3),
        professional_judgement=False,
        professional_judgement_reason="",
        incidents_last_12_months=None,
        stage="referral",
        completed_at=timezone.now() - dt.timedelta(hours=1),
    )
    flag = flag_add(
        person=person,
        added_by=personas.caseworker,
        kind="disability",
        started_on=dt.date(2026, 1, 5),
    )
    harm = harmer_add(
        person=person,
        added_by=personas.caseworker,
        details={"given_name": "Sam", "family_name": "Example"},
        relationship="ex_partner",
        lives_with_person=False,
    )
    pending = ReferralFactory(
        contract=contract,
        person=CaseworkPersonFactory(organisation=organisation),
        decision=Decision.PENDING,
    )
    person_create(  # whom the export's victim resembles: a possible match to review
        created_by=personas.caseworker,
        details={
            "given_name": "Alex",
            "family_name": "Example",
            "date_of_birth": dt.date(1990, 5, 17),
        },
    )
    dv360 = profile_contract("opcc-dv360", organisation)
    export = tmp_path / "export.csv"
    write_csv(
        export,
        [incident(f"IN5-{n}", f"2026-03-0{n} 10:00", victim="N5") for n in range(1, 4)],
    )
    run = workbook_import(
        path=export,
        contract=dv360,
        imported_by=personas.caseworker,
        as_of=dt.datetime(2030, 1, 1, tzinfo=dt.UTC),
        team=personas.team,
    )
    review = IdentityReview.objects.filter(run=run).first()
    # Returns: a signed-off version of the case's contract (the submit form shows), and a
    # submitted one of dv360, bought by the personas' commissioner (their pages open).
    quarter = parse_period("2026-Q1", "04-01")
    return_sign_off(contract=contract, period=quarter, signed_off_by=personas.service_manager)
    dv360.commissioner = personas.commissioner_body
    dv360.save(update_fields=["commissioner"])
    submitted = return_submit(
        snapshot=return_sign_off(
            contract=dv360, period=quarter, signed_off_by=personas.service_manager
        ),
        submitted_by=personas.service_manager,
    )
    # issue 11 item 4: a directory entry, and an onward referral whose outcome page opens
    agency = Agency.objects.create(
        organisation=organisation,
        name="Synthetic Housing Options",
        agency_type="housing",
        contact_route="secure_email",
        contact_details="housing@example.org",
    )
    onward = onward_referral_record(
        case=case,
        recorded_by=personas.caseworker,
        made_at=case.opened_at,
        consent=True,
        directory_agency=agency,
    )
    # issue 12: a serious incident on the case, and a complaint at its first stage
    serious = serious_incident_record(
        contract=contract,
        case=case,
        recorded_by=personas.team_leader,
        kind="near_miss",
        occurred_at=timezone.now() - dt.timedelta(hours=1),
        summary="Synthetic near miss",
    )
    complaint = complaint_record(
        contract=contract,
        recorded_by=personas.team_leader,
        received_on=timezone.localdate(),
        complainant="service_user",
        route="phone",
        subject="delay",
        summary="Synthetic complaint",
        stage="informal",
    )
    restricted = CaseFactory(contract=contract, team=personas.team, allocated_to=personas.teammate)
    case_restriction_set(
        case=restricted, restricted=True, changed_by=personas.teammate, reason="Synthetic"
    )
    ids: dict[str, Any] = {
        "case_id": case.pk,
        "task_id": task.pk,
        "note_id": note.pk,
        "proceeding_id": proceeding.pk,
        "person_id": person.pk,
        "flag_id": flag.pk,
        "harmer_id": harm.harmer.pk,
        "referral_id": pending.pk,
        "contract_id": contract.pk,
        "assessment_id": assessment.pk,
        "run_id": run.pk,
        "review_id": review.pk if review else None,
        "slug": contract.slug,
        "object_type": "casework.case",
        "object_id": str(case.pk),
        "user_id": personas.caseworker.pk,
        # returns (issue 10): the contract's quarter now; a data-quality drill-down's field
        "period": current_period(timezone.now(), "quarter", "04-01").code,
        "item": "cases_open.sex",
        "baseline_id": EqualityBaseline.objects.order_by("pk").values_list("pk", flat=True).first(),
        "snapshot_id": submitted.pk,
        "version": 1,
        "plan_id": plan.pk,
        "action_id": action.pk,
        "agency_id": agency.pk,
        "incident_id": serious.pk,
        "complaint_id": complaint.pk,
        "stage_id": complaint.stages.get().pk,
        "child_id": child.pk,
        "alert_id": alert.pk,
        "event_id": meeting.pk,
    }
    ids = {name: value for name, value in ids.items() if value is not None}
    ids["question_id"] = _portal_question(contract)
    ids |= _marac_ids(case, personas)
    ids |= _refuge_ids(personas)
    ids |= _housing_and_hardship_ids(case, personas)
    ids |= _restorative_ids(case, personas)
    ids |= _appraisal_ids(personas)
    ids |= _programme_ids(case, personas)
    ids |= _referral_import_ids(contract, tmp_path)
    # returns: the contract with a measures catalogue, a quarter, a computed figure, a format
    returns = {"slug": dv360.slug, "period": "2026-Q1"}
    computed = next(m["id"] for m in dv360.profile.get("measures", []) if m.get("compute"))
    ids["@reporting:current"] = {"slug": dv360.slug}
    ids["@reporting:return"] = returns
    ids["@reporting:measure"] = returns | {"measure": computed}
    ids["@reporting:export"] = returns | {"fmt": "csv"}
    # sign-off pages: the ended quarter signed off above (its submit form shows)
    for name in ("sign_off", "changes", "due_date", "submit", "signed_off_export"):
        ids[f"@signoff:{name}"] = {"period": quarter.code}
    # outcomes: a case on a contract that asks outcome questions (Victim First asks none)
    outcome_case = CaseFactory(
        contract=profile_contract("wokingham-da-2017", organisation),
        team=personas.team,
        allocated_to=personas.caseworker,
        opened_at=timezone.now() - dt.timedelta(days=30),
    )
    for name in ("history", "choose"):
        ids[f"@outcomes:{name}"] = {"case_id": outcome_case.pk}
    # the waiting list: a contract that runs one (Victim First does not; issue 13)
    ids["@casework:waiting_list"] = {"contract_id": outcome_case.contract_id}
    ids["@outcomes:record"] = {
        "case_id": outcome_case.pk,
        "instrument": "haven-outcomes-v1",
        "stage": "review",
    }
    # a page that needs a record of its own: the reason page opens for a restricted case only
    ids["@casework:break_glass"] = {"case_id": restricted.pk}
    for name in ("safety_detail", "safety_change"):
        ids[f"@plans:{name}"] = {"plan_id": safety.pk}
    ids["@followups:survey_new"] = {"occasion": "exit"}  # Victim First asks an exit survey
    ids["@risk:screening_new"] = {"tool": "audit"}  # seed 004 s6.4: a score in 0-40
    ids.update(_follow_ups(personas, dv360))
    ids.update(_target_hardening(personas))
    ids.update(_workforce(personas))  # issue 16
    ids.update(_outbox(personas, case))
    ids.update(_subject_access(personas, case))
    ids.update(_consent(personas, case))  # issue 15
    ids.update(_events(personas, contract))  # issue 16 item 2
    ids.update(_helpline(personas, contract))  # issue 16 item 4
    ids["@casework:onward_referral_outcome"] = {"case_id": case.pk, "referral_id": onward.pk}
    # exits (issue 11): exclusion pages need a contract with published criteria, an exclusion
    # and an appeal made
    for name, case_id in _exclusion_cases(personas, organisation).items():
        ids[f"@casework:{name}"] = {"case_id": case_id}
    # Manage staff: a member of staff of the administrator's organisation, and one of their roles
    member = {"pk": personas.teammate.pk, "membership_pk": personas.teammate.memberships.first().pk}
    for name in (
        "detail",
        "details_edit",
        "role_add",
        "role_remove",
        "team_move",
        "deactivate",
        "reactivate",
        "mfa_reset",
        "setup_link",
        "profile_edit",
    ):
        ids[f"@staff:{name}"] = member
    ids["@staff:team_rule"] = {"team_pk": personas.team.pk}  # issue 13 item 13
    ids.update(_partner_ids(personas, contract))  # issue 14 items 6-7
    ids["booking_id"] = _web_chat(personas, contract).pk  # issue 14 item 4
    ids.update(_retention_ids(personas))  # issue 15 item 4
    ids.update(_finance_ids(personas, contract))  # issue 16 item 7
    return personas, ids


def _finance_ids(personas: Personas, contract: Any) -> dict[str, Any]:
    """Issue 16 item 7: this financial year's staff budget line of the Victim First contract."""
    from decimal import Decimal

    from haven.finance.services import budget_line_set
    from haven.hardship.services import financial_year_of

    year = financial_year_of(contract, timezone.localdate())
    line = budget_line_set(
        contract=contract,
        year=year,
        category="staff",
        amount=Decimal("120000"),
        set_by=personas.service_manager,
    )
    ids: dict[str, Any] = {}
    for name in ("report", "transactions", "export", "budget", "income_add", "spend_add"):
        ids[f"@finance:{name}"] = {"contract_id": contract.pk, "year": year}
    ids["@finance:export"] |= {"fmt": "csv"}
    ids["@finance:profile"] = {"contract_id": contract.pk, "year": year, "line_id": line.pk}
    return ids


def data_protection_officer(personas: Personas) -> Any:
    """The data protection officer of the personas' organisation (issue 15: retention pages)."""
    user = UserFactory()
    MembershipFactory(user=user, role="data_protection_officer", organisation=personas.organisation)
    return user


def _retention_ids(personas: Personas) -> dict[str, Any]:
    """Issue 15 item 4: a record due for review, a legal hold and an erasure request."""
    from haven.retention.services import erasure_request_log, legal_hold_place, retention_scan
    from haven.retention.tests.conftest import closed_person

    officer = data_protection_officer(personas)
    due = closed_person(personas)
    retention_scan()
    hold = legal_hold_place(placed_by=officer, reason="Synthetic claim", person=due)
    request = erasure_request_log(
        person=due,
        received_on=timezone.localdate(),
        grounds="objection",
        details="",
        logged_by=officer,
    )
    return {
        "@retention:hold_lift": {"hold_id": hold.pk},
        "@retention:request_detail": {"request_id": request.pk},
    }


def _partner_ids(personas: Personas, contract: Any) -> dict[str, Any]:
    """A police team referring to Victim First, its referrer and an API token."""
    from haven.partners.services import api_token_create, partner_contract_link

    police = PartnerOrganisation.objects.create(name="Synthetic police hub", kind="police")
    partner_contract_link(
        organisation=police, contract=contract, route="partner_agency", linked_by=None
    )
    token = api_token_create(
        organisation=police,
        name="Synthetic police system",
        contracts=[contract],
        expires_at=timezone.now() + dt.timedelta(days=30),
        created_by=personas.administrator,
    ).token
    return {
        "@partners:refer": {"contract_slug": contract.slug},
        "@partners:token_revoke": {"token_id": token.pk},
    }


def partner_referrer() -> Any:
    """A partner agency's referrer (the partner pages open for them only)."""
    from haven.partners.services import partner_membership_grant

    user = UserFactory()
    partner_membership_grant(
        user=user, organisation=PartnerOrganisation.objects.get(), granted_by=None
    )
    return user


def _web_chat(personas: Personas, contract: Any) -> Any:
    """A web chat in progress, taken by the caseworker (its page, messages, take and end)."""
    from haven.portal.codes import code_hash, new_code
    from haven.portal.models import ChatBooking

    now = timezone.now()
    return ChatBooking.objects.create(
        contract=contract,
        starts_at=now,
        ends_at=now + dt.timedelta(minutes=30),
        code_hash=code_hash(new_code()),
        status="in_progress",
        taken_by=personas.caseworker,
        started_at=now,
    )


def without_mfa(personas: Personas) -> Any:
    """A caseworker who has not set up MFA yet (the set-up pages open for them only)."""
    user = UserFactory(with_totp=False)
    MembershipFactory(
        user=user, role="caseworker", organisation=personas.organisation, team=personas.team
    )
    return user


def model_id(param: str) -> Any:
    """For ``<thing>_id``, an id of a model called ``thing`` (any app), or None."""
    if not param.endswith("_id"):
        return None
    wanted = param.removesuffix("_id").replace("_", "")
    for model in apps.get_models():
        if model._meta.model_name == wanted:
            found = model._default_manager.order_by("pk").values_list("pk", flat=True).first()
            if found is not None:
                return found
    return None


def _referral_import_ids(contract: Any, tmp_path: Path) -> dict[str, Any]:
    """issue 14 item 8: a police daily download imported into Victim First (one row created,
    one refused), so its run page and error report open."""
    from haven.referralimports.mappings import mapping_for
    from haven.referralimports.services import referrals_import_file

    path = tmp_path / "police-daily.csv"
    day = timezone.localdate() - dt.timedelta(days=1)
    path.write_text(
        "Crime reference,Date referred,Forename,Surname,Contact method\n"
        f"LP/H1,{day:%d/%m/%Y} 10:00,Synthetic,Walker,Mobile\n"
        f"LP/H2,{day:%d/%m/%Y} 10:00,Synthetic,Walker,Pigeon\n",
        encoding="utf-8",
    )
    run = referrals_import_file(
        path=path, contract=contract, mapping=mapping_for("police-daily"), imported_by=None
    )
    return {"import_run_id": run.pk}
