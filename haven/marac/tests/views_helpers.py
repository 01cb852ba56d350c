"""URLs, form data and a recorded meeting for the MARAC pages."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from haven.marac.meetings import marac_action_record, marac_hearing_record, marac_meeting_record


def day(name, value):
    return {f"{name}-day": value.day, f"{name}-month": value.month, f"{name}-year": value.year}


def case_pages(referral):
    case = referral.case
    return {
        "incident": reverse("marac:incident_add", args=[case.pk]),
        "referral_add": reverse("marac:referral_add", args=[case.pk]),
        "referral": reverse("marac:referral", args=[case.pk, referral.pk]),
        "pdf": reverse("marac:referral_pdf", args=[case.pk, referral.pk]),
    }


def heard(referral, personas):
    """A meeting today that heard the referral, with one open action."""
    meeting = marac_meeting_record(
        area=referral.area,
        actor=personas.team_leader,
        held_on=timezone.localdate(),
        agencies_present=["police", "idva"],
        idva_attended=True,
    )
    hearing = marac_hearing_record(
        meeting=meeting,
        referral=referral,
        actor=personas.team_leader,
        outcome="Safety plan shared.",
        idva_represented=True,
    )
    action = marac_action_record(
        hearing=hearing,
        actor=personas.team_leader,
        owning_agency="police",
        description="Flag the address.",
        due_on=timezone.localdate() + dt.timedelta(days=7),
    )
    return meeting, hearing, action


def meeting_pages(meeting, hearing, action):
    return {
        "meetings": reverse("marac:meetings"),
        "data": reverse("marac:data"),
        "data_csv": reverse("marac:data_csv"),
        "area_add": reverse("marac:area_add"),
        "meeting_add": reverse("marac:meeting_add"),
        "meeting": reverse("marac:meeting", args=[meeting.pk]),
        "hearing_add": reverse("marac:hearing_add", args=[meeting.pk]),
        "action_add": reverse("marac:action_add", args=[meeting.pk, hearing.pk]),
        "action_status": reverse("marac:action_status", args=[meeting.pk, action.pk]),
    }


def referral_data(area, **overrides):
    return (
        day("referred_on", timezone.localdate())
        | {
            "area": str(area.pk),
            "referring_agency": "idva",
            "criteria": ["visible_high_risk"],
            "judgement_reasons": "",
            "research_summary": "Synthetic summary for the MARAC.",
            "consent": "yes",
            "victim_aware": "yes",
            "without_consent_reason": "",
        }
        | overrides
    )
