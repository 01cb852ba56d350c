"""Every kind of case timeline entry, in one list: services, bulk writers (workbook import, demo
recorder) and migrations write only these, and `case_event_record` refuses any other.

The timeline is what staff read; facts that returns count live in their own models
(`fact_models`), never in an event's `data`.
"""

from __future__ import annotations

from django.db import models


class CaseEventKind(models.TextChoices):
    # opening and access
    REFERRAL_RECEIVED = "referral_received", "Referral received"
    CASE_OPENED = "case_opened", "Case opened"
    ALLOCATED = "allocated", "Allocated"
    RESTRICTION = "restriction", "Restriction changed"
    NAMED_STAFF = "named_staff", "Named staff changed"
    BREAK_GLASS = "break_glass", "Restricted case opened with a reason"
    # contact, state and notes
    ATTEMPT = "attempt", "Contact attempt"
    FINAL_LETTER_REQUESTED = "final_letter_requested", "Final letter requested"
    STATE_CHANGED = "state_changed", "State changed"
    NOTE = "note", "Note added"
    NOTE_CORRECTION = "note_correction", "Correction added"
    NOTE_EDITED = "note_edited", "Note edited"
    # deadlines
    TASK_CREATED = "task_created", "Deadline set"
    TASK_COMPLETED = "task_completed", "Deadline done"
    TASK_BREACHED = "task_breached", "Deadline missed"
    # risk
    RISK_ASSESSMENT = "risk_assessment", "Risk assessment"
    RISK_LEVEL_CHANGED = "risk_level_changed", "Risk level changed"
    MARAC_REFERRAL_REQUIRED = "marac_referral_required", "MARAC referral required"
    # MARAC (haven.marac: Incident, MaracReferral, MaracHearing)
    INCIDENT_RECORDED = "incident_recorded", "New incident recorded"
    MARAC_REFERRAL = "marac_referral", "MARAC referral"
    MARAC_HEARD = "marac_heard", "Heard at MARAC"
    CHANGE_OF_RISK = "change_of_risk", "Change of risk"
    SCREENING = "screening", "Screening recorded"
    # support and exit (each points at its fact row: ExitInterview, OnwardReferral, NeedsAssessment)
    NEEDS_ASSESSMENT = "needs_assessment", "Needs assessment"
    EXIT_INTERVIEW = "exit_interview", "Exit interview"
    ONWARD_REFERRAL = "onward_referral", "Onward referral"
    ONWARD_REFERRAL_OUTCOME = "onward_referral_outcome", "Onward referral outcome"
    SUPPORT_SESSION = "support_session", "Support session"
    PROCEEDING = "proceeding", "Legal proceeding"
    PROCEEDING_OUTCOME = "proceeding_outcome", "Legal proceeding outcome"
    SUPPORT_PLAN = "support_plan", "Support plan agreed"
    SUPPORT_PLAN_REVIEW = "support_plan_review", "Support plan reviewed"
    SAFETY_PLAN = "safety_plan", "Safety plan completed"
    # follow-ups and surveys (haven.followups: Survey, SurveyTeamHandOff)
    SURVEY = "survey", "Survey"
    SURVEY_TEAM_HAND_OFF = "survey_team_hand_off", "Passed to the survey team"
    OUTCOME_ASSESSMENT = "outcome_assessment", "Outcome assessment"
    CASE_CLOSED = "case_closed", "Case closed"
    # exits and exclusions (each points at its row: ReengagementAttempt, Exclusion)
    REENGAGEMENT_ATTEMPT = "reengagement_attempt", "Attempt to re-engage"
    EXCLUSION = "exclusion", "Exclusion decided"
    EXCLUSION_APPEAL = "exclusion_appeal", "Exclusion appeal"
    # serious incidents (issue 12 item 10; each points at its incidents.SeriousIncident)
    SERIOUS_INCIDENT = "serious_incident", "Serious incident"
    SERIOUS_INCIDENT_NOTIFIED = "serious_incident_notified", "Serious incident reported"
    # safeguarding (each points at its row: ChildRecord, SafeguardingEvent, SafeguardingAlert,
    # ThinkFamilyCheck)
    CHILD_RECORD = "child_record", "Child's safeguarding record"
    SAFEGUARDING_EVENT = "safeguarding_event", "Safeguarding referral or meeting"
    SAFEGUARDING_ALERT = "safeguarding_alert", "Safeguarding adults alert"
    THINK_FAMILY = "think_family", "Think Family questions"
    # waiting list (issue 13; each points at its WaitingListEntry)
    WAITING_LIST_JOINED = "waiting_list_joined", "Put on the waiting list"
    WAITING_LIST_LEFT = "waiting_list_left", "Left the waiting list"
    # refuge stays (issue 13; each points at its refuge.Stay or refuge.StayExtension)
    REFUGE_MOVED_IN = "refuge_moved_in", "Moved into the refuge"
    REFUGE_STAY_EXTENDED = "refuge_stay_extended", "Refuge stay extended past its limit"
    REFUGE_MOVED_OUT = "refuge_moved_out", "Moved out of the refuge"
    # housing on Safe Home cases (issue 13; each points at its housing.HousingSituation or
    # housing.SafeHomeOutcome)
    HOUSING_ENTRY = "housing_entry", "Housing at entry"
    HOUSING_EXIT = "housing_exit", "Housing at exit"
    SAFE_HOME_OUTCOME = "safe_home_outcome", "Safe Home outcome"
    # hardship fund grants (issue 13; each points at its hardship.HardshipGrant)
    HARDSHIP_GRANT_REQUESTED = "hardship_grant_requested", "Hardship grant requested"
    HARDSHIP_GRANT_DECIDED = "hardship_grant_decided", "Hardship grant decided"
    HARDSHIP_GRANT_PAID = "hardship_grant_paid", "Hardship grant paid"
    # target hardening (seed 002 Lot 2; each points at its targethardening row)
    TARGET_HARDENING_VISIT = "target_hardening_visit", "Home security visit and assessment"
    TARGET_HARDENING_ITEM = "target_hardening_item", "Security items fitted"
    TARGET_HARDENING_REFUSAL = "target_hardening_refusal", "Security work refused"
    TARGET_HARDENING_OVER_LIMIT = "target_hardening_over_limit", "Spend over the limit approved"
    TARGET_HARDENING_NEEDS = "target_hardening_needs", "Additional needs recorded"
    # secure web chat (issue 14 item 4; each points at its portal.ChatBooking)
    WEB_CHAT = "web_chat", "Secure web chat"
    # the outbox (issue 14 item 9; each points at its outbox.Message): sending itself is the
    # contact attempt it records (ATTEMPT)
    OUTBOX_LETTER_QUEUED = "outbox_letter_queued", "Letter queued for printing"
    OUTBOX_MESSAGE_BLOCKED = "outbox_message_blocked", "Message blocked by the safe-contact check"
    OUTBOX_DELIVERY = "outbox_delivery", "Message delivery status"
    # restorative justice (issue 16 item 5; each points at its restorative.RestorativeProcess)
    RESTORATIVE_REFERRAL = "restorative_referral", "Restorative justice referral"
    RESTORATIVE_STEP = "restorative_step", "Restorative justice step"
    # groups and programmes (issue 16 item 1; each points at its programmes.Enrolment, or for a
    # session at its programmes.SessionAttendance). Partner liaison is never on the perpetrator's
    # timeline.
    PROGRAMME_PLACE_OFFERED = "programme_place_offered", "Programme place offered"
    PROGRAMME_PRE_GROUP_CONTACT = "programme_pre_group_contact", "Programme pre-group contact"
    PROGRAMME_ASSESSED = "programme_assessed", "Programme pre-group assessment"
    PROGRAMME_STARTED = "programme_started", "Programme started"
    PROGRAMME_COMPLETED = "programme_completed", "Programme completed"
    PROGRAMME_LEFT = "programme_left", "Left a programme before completing"
    PROGRAMME_SESSION_ATTENDED = "programme_session_attended", "Programme session attended"
    PROGRAMME_SESSION_MISSED = "programme_session_missed", "Programme session missed"
    # the helpline (issue 16 item 4; each points at its helpline.HelplineCall): direction, caller
    # type and outcomes, never the call-back number
    HELPLINE_CALL = "helpline_call", "Helpline call"
