"""Which records a contract's handover bundle holds, and why the others are left out.

Every concrete model of every Haven app is either exported (with the rules that scope it to the
contract) or excluded with a reason: `tests/test_registry.py` fails when a model is neither, so a
model added by another app is decided on at integration, not forgotten.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.apps import apps
from django.db import models


@dataclass(frozen=True)
class Path:
    """Records whose lookup path reaches the contract: ``Path("case__contract")``."""

    lookup: str


@dataclass(frozen=True)
class Within:
    """Records whose foreign key ``field`` points at a record already in the bundle."""

    field: str


@dataclass(frozen=True)
class Referenced:
    """Records that records in the bundle point at (reference data: teams, areas, properties)."""


Rule = Path | Within | Referenced


@dataclass(frozen=True)
class Exported:
    scope: tuple[Rule, ...]
    # A shared record may already be held by the receiving Haven (a person known to another
    # contract, the provider organisation): the receiving record is kept, never overwritten.
    shared: bool = False
    # A person's own profile record (safe contact, equality data): skipped with its person when
    # that person was already held (the receiving Haven's profile is the one kept).
    profile_of: str = ""
    # Fields left out of the bundle (references to excluded secrets).
    omit: tuple[str, ...] = ()


@dataclass(frozen=True)
class Excluded:
    reason: str


Decision = Exported | Excluded

STAFF_TYPE = "staff"  # accounts.User, exported as a minimal staff list keyed by email
AUDIT_LABEL = "core.auditevent"  # exported as the audit trail of the bundle's records

CASE = Path("case__contract")
REFERENCED = (Referenced(),)

DECISIONS: dict[str, Decision] = {
    # --- the contract and its reference data
    "contracts.contract": Exported((Path("id"),), shared=True),
    "contracts.organisation": Exported(REFERENCED, shared=True),
    "contracts.commissioner": Exported(REFERENCED, shared=True),
    "accounts.team": Exported(REFERENCED, shared=True),
    "casework.agency": Exported(REFERENCED, shared=True),
    "marac.maracarea": Exported(REFERENCED, shared=True),
    "marac.maracmeeting": Exported(REFERENCED, shared=True),
    "refuge.property": Exported((Path("contracts"), Referenced()), shared=True),
    "refuge.room": Exported((Within("property"), Referenced()), shared=True),
    "refuge.roomvoid": Exported((Within("room"),), shared=True),
    "targethardening.securityitem": Exported(REFERENCED, shared=True),
    # --- people
    "people.person": Exported(
        (Path("referrals__contract"), Path("cases__contract"), Referenced()), shared=True
    ),
    "people.personalias": Exported((Within("person"),), profile_of="person"),
    "people.safecontact": Exported((Within("person"),), profile_of="person"),
    "people.equalitydata": Exported((Within("person"),), profile_of="person"),
    "people.personflag": Exported((Within("person"),), profile_of="person"),
    "people.householdlink": Exported((Within("person"),), profile_of="person"),
    "people.harmlink": Exported((Within("person"),), profile_of="person"),
    "people.personcausingharm": Exported(REFERENCED, shared=True),
    "workbook.policenominal": Exported((Within("person"),), profile_of="person"),
    # --- referrals and cases
    "referrals.referral": Exported((Path("contract"),)),
    "casework.case": Exported((Path("contract"),)),
    "casework.caseevent": Exported((CASE,)),
    "casework.caseaccess": Exported((CASE,)),
    "casework.breakglassgrant": Exported((CASE,)),
    "casework.task": Exported((CASE,)),
    "casework.contactattempt": Exported((CASE,)),
    "casework.casenote": Exported((CASE,)),
    "casework.casenoteversion": Exported((Within("note"),)),
    "casework.formdraft": Exported((CASE,)),
    "casework.exitinterview": Exported((CASE,)),
    "casework.onwardreferral": Exported((CASE,)),
    "casework.needsassessment": Exported((CASE,)),
    "casework.needsassessmentarea": Exported((Within("assessment"),)),
    "casework.reengagementattempt": Exported((CASE,)),
    "casework.exclusion": Exported((CASE,)),
    "casework.waitinglistentry": Exported((Path("contract"), CASE)),
    # --- risk, support, plans, outcomes, follow-ups, proceedings
    "risk.riskassessment": Exported((CASE,)),
    "risk.riskchange": Exported((CASE,)),
    "risk.screening": Exported((CASE,)),
    "support.supportsession": Exported((CASE,)),
    "plans.supportplan": Exported((CASE,)),
    "plans.plangoal": Exported((Within("plan"),)),
    "plans.planaction": Exported((Within("plan"),)),
    "plans.planreview": Exported((Within("plan"),)),
    "plans.actionstatuschange": Exported((Within("action"),)),
    "plans.safetyplan": Exported((CASE,)),
    "outcomes.outcomeassessment": Exported((CASE,)),
    "outcomes.outcomeanswer": Exported((Within("assessment"),)),
    "followups.followupcontact": Exported((CASE,)),
    "followups.survey": Exported((CASE,)),
    "followups.surveyanswer": Exported((Within("survey"),)),
    "followups.surveyteamhandoff": Exported((CASE,)),
    "proceedings.proceeding": Exported((CASE,)),
    # --- incidents, safeguarding, MARAC
    "incidents.seriousincident": Exported((Path("contract"),)),
    "incidents.complaint": Exported((Path("contract"),)),
    "incidents.complaintstage": Exported((Within("complaint"),)),
    "incidents.compliment": Exported((Path("contract"),)),
    "safeguarding.childrecord": Exported((CASE,)),
    "safeguarding.safeguardingevent": Exported((CASE,)),
    "safeguarding.safeguardingalert": Exported((CASE,)),
    "safeguarding.thinkfamilycheck": Exported((CASE,)),
    "marac.maracreferral": Exported((CASE,)),
    "marac.incident": Exported((CASE,)),
    "marac.marachearing": Exported((Within("referral"),)),
    "marac.maracaction": Exported((Within("hearing"),)),
    # --- specialist services
    "refuge.stay": Exported((CASE,)),
    "refuge.staymember": Exported((Within("stay"),)),
    "refuge.stayextension": Exported((Within("stay"),)),
    "targethardening.targethardeningjob": Exported((CASE,)),
    "targethardening.fitteditem": Exported((Within("job"),)),
    "targethardening.refusal": Exported((Within("job"),)),
    "housing.housingsituation": Exported((CASE,)),
    "housing.safehomeoutcome": Exported((CASE,)),
    "hardship.hardshipfund": Exported((Path("contract"),)),
    "hardship.hardshipgrant": Exported((Within("fund"), CASE)),
    # training, awareness sessions and community events (issue 16 item 2): an event may serve
    # two contracts (shared); who facilitated is a list of staff, which the format does not carry
    "events.event": Exported((Path("contracts"),), shared=True, omit=("facilitators",)),
    "events.agencyattendance": Exported((Within("event"),)),
    # finance (issue 16 item 7): a contract's budget, profile, income and spend
    "finance.budgetline": Exported((Path("contract"),)),
    "finance.profilemonth": Exported((Within("line"),)),
    "finance.income": Exported((Path("contract"),)),
    "finance.spendimport": Exported((Path("contract"),)),
    "finance.spend": Exported((Path("contract"),)),
    # restorative justice (issue 16)
    "restorative.restorativeprocess": Exported((CASE,)),
    # the 360-degree appraisal and "you said, we did" (issue 16): anonymous responses
    "appraisal.appraisalround": Exported((Path("contract"),)),
    "appraisal.appraisalquestion": Exported((Within("round"),)),
    "appraisal.appraisalresponse": Exported((Within("round"),)),
    "appraisal.appraisalanswer": Exported((Within("response"),)),
    "appraisal.feedbackitem": Exported((Path("contract"),)),
    # groups and programmes (issue 16 item 1)
    "programmes.programme": Exported((Path("contract"),)),
    # facilitators are staff of the providing organisation, not handed over (accounts.user)
    "programmes.programmerun": Exported((Within("programme"),), omit=("facilitators",)),
    "programmes.enrolment": Exported((Within("run"), CASE)),
    "programmes.pregroupcontact": Exported((Within("enrolment"),)),
    "programmes.programmesession": Exported((Within("run"),)),
    "programmes.sessionattendance": Exported((Within("session"),)),
    "programmes.crechesession": Exported((Path("contract"),)),
    # the helpline (issue 16 item 4): the contract's call log, its call-backs (with the number
    # and safe-contact note the caller gave) and the call-takers' rota
    "helpline.helplinecall": Exported((Path("contract"),)),
    "helpline.callback": Exported((Within("call"),)),
    "helpline.shift": Exported((Path("contract"),)),
    # --- messages, routes in, reporting
    "outbox.message": Exported((Path("contract"),)),
    "portal.chatbooking": Exported((Path("contract"),)),
    "portal.quickquestion": Exported((Path("contract"),)),
    "webchat.chatentry": Exported((Within("booking"),)),
    "webchat.chatmessage": Exported((Within("booking"),)),
    "partners.partnerorganisation": Exported(REFERENCED, shared=True),
    "partners.partnercontract": Exported((Path("contract"),)),
    "partners.partnerreferral": Exported((Within("referral"),), omit=("token",)),
    "referralimports.importrun": Exported((Path("contract"),)),
    "referralimports.importrow": Exported((Within("run"),)),
    "workbook.workbookrun": Exported((Path("contract"),)),
    "workbook.importedincident": Exported((Within("run"),)),
    "workbook.identityreview": Exported((Path("contract"),)),
    "reporting.returnsnapshot": Exported((Path("contract"),)),
    "reporting.returnduedate": Exported((Path("contract"),)),
    # --- data protection (issue 15): an open request travels with its person, so the receiving
    # service can answer it in time (reference.md s7)
    "subjectaccess.subjectaccessrequest": Exported((Within("person"),)),
    "subjectaccess.clockstop": Exported((Within("sar"),)),
    # a legal hold and an erasure request bind the receiving service too; that a person was
    # anonymised travels (the values cleared do not exist any more)
    # consents are the person's (the case they were recorded on is not carried: it may be
    # another contract's); the shares made from the contract's cases; the agreements they name
    "consent.consent": Exported((Within("person"),), omit=("case",)),
    "consent.share": Exported((CASE,)),
    "consent.sharingagreement": Exported(REFERENCED, shared=True),
    "retention.legalhold": Exported((CASE, Within("person"))),
    "retention.erasurerequest": Exported((Within("person"),)),
    "retention.anonymisation": Exported((Within("person"),), omit=("retention_item",)),
    # --- the audit trail: events about any record in the bundle (see AUDIT_LABEL)
    AUDIT_LABEL: Exported(()),
    # --- left out, with the reason (docs/handover-format.md lists these)
    "accounts.user": Excluded(
        "staff accounts are not handed over: staff are referenced by email and listed in "
        "staff.jsonl (no password hashes, MFA secrets or roles)"
    ),
    "accounts.membership": Excluded(
        "roles in the provider's organisation: the receiving organisation grants its own"
    ),
    "accounts.staffprofile": Excluded(
        "staff allocation preferences (languages, caseload limits) of the provider's employees"
    ),
    "core.formsubmission": Excluded("one-time form tokens (double-submit protection)"),
    # workforce (issue 16): the provider's own personnel records, not the contract's service
    **{
        f"workforce.{name}": Excluded(
            "the provider's personnel records of its staff and volunteers (HR data: "
            "supervision, vetting, training, sickness, workforce plan); the receiving "
            "provider keeps its own"
        )
        for name in (
            "staffmember",
            "establishmentpost",
            "sicknessabsence",
            "supervision",
            "vetting",
            "course",
            "trainingsession",
            "trainingcompletion",
        )
    },
    "risk.riskchecklist": Excluded(
        "the licensed risk checklist wording, loaded per installation (haven risk "
        "load-checklist); assessments keep their answers"
    ),
    "partners.partnermembership": Excluded("partner agencies' user accounts"),
    "partners.apitoken": Excluded("partner API tokens (secrets)"),
    "partners.idempotentrequest": Excluded("API replay-protection rows (request hashes)"),
    "partners.ratewindow": Excluded("API rate-limit counters"),
    "portal.publicattempt": Excluded("public form rate-limit rows"),
    "appraisal.appraisallink": Excluded(
        "one-time questionnaire links (their tokens' hashes): the receiving service makes its own"
    ),
    "portal.publicsubmission": Excluded("public form rate-limit rows"),
    "webchat.chatcodetry": Excluded("web chat code attempts (login-attempt throttling)"),
    "reporting.equalitybaseline": Excluded(
        "public population statistics (census shares per area), not a record of the contract"
    ),
    "handover.handoverrun": Excluded("this Haven's own log of handovers that ran"),
    "retention.retentionitem": Excluded(
        "the review queue of this Haven's own retention schedule: the receiving Haven's scan "
        "lists what its own schedule makes due"
    ),
    "subjectaccess.saritem": Excluded(
        "a subject access search's copy of records across every contract of the person: the "
        "records themselves travel, the copy does not"
    ),
    "programmes.partnerliaison": Excluded(
        "partner liaison joins two services' records (a perpetrator's programme place and the "
        "victim's own case, usually of different contracts): carried with either, it would "
        "expose or break the other; the receiving services agree liaison again"
    ),
    "programmes.partnercontact": Excluded(
        "liaison contacts belong to a partner liaison (not handed over, above); their date and "
        "notes stay with the providing service's record of the victim's case"
    ),
    "subjectaccess.sarbundle": Excluded(
        "the PDF and JSON sent to the person (a copy of records across every contract)"
    ),
}


def haven_models() -> Iterator[type[models.Model]]:
    """Every concrete model of every Haven app (auto-created many-to-many tables aside)."""
    for model in apps.get_models():
        if model.__module__.startswith("haven.") and not model._meta.proxy:
            yield model


def decision_for(model: type[models.Model]) -> Decision | None:
    return DECISIONS.get(model._meta.label_lower)


def exported_models() -> list[tuple[str, type[models.Model], Exported]]:
    """(type name, model, decision) for every exported type, in a stable order."""
    found = []
    for model in haven_models():
        decision = decision_for(model)
        if isinstance(decision, Exported):
            found.append((model._meta.label_lower, model, decision))
    return sorted(found, key=lambda item: item[0])
