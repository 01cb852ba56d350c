"""Reads about MARAC. A case's referrals, incidents, hearings and actions through a case the
viewer was already given; meetings only for the team leaders and service managers who keep
them, and the cases heard there only where the viewer may see the case."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet
from django.http import Http404

from haven.accounts.signed_in import Viewer
from haven.casework.models import Case
from haven.contracts.models import Organisation
from haven.marac import dataset
from haven.marac.meetings import marac_organisation_ids
from haven.marac.models import (
    ActionStatus,
    Incident,
    MaracAction,
    MaracAgency,
    MaracArea,
    MaracHearing,
    MaracMeeting,
    MaracReferral,
)
from haven.people import choices


def referrals_for(case: Case) -> QuerySet[MaracReferral]:
    """The case's MARAC referrals, latest first."""
    return MaracReferral.objects.filter(case=case).select_related("area")


def referral_on(case: Case, referral_id: Any) -> MaracReferral:
    """One referral of the case (404 for any other)."""
    try:
        return MaracReferral.objects.select_related("area", "case__person", "assessment").get(
            case=case, pk=referral_id
        )
    except MaracReferral.DoesNotExist as missing:
        raise Http404 from missing


def incidents_for(case: Case) -> QuerySet[Incident]:
    return Incident.objects.filter(case=case)


def hearings_for(case: Case) -> list[MaracHearing]:
    """The case's hearings with their actions, latest meeting first."""
    return list(
        MaracHearing.objects.filter(referral__case=case)
        .select_related("meeting__area")
        .prefetch_related("actions")
        .order_by("-meeting__held_on")
    )


def areas_for_case(case: Case) -> QuerySet[MaracArea]:
    """The MARAC areas of the case's provider."""
    return MaracArea.objects.filter(organisation=case.contract.provider)


def area_by_id(case: Case, area_id: Any) -> MaracArea | None:
    return areas_for_case(case).filter(pk=area_id).first()


def areas_kept_by(user: Viewer) -> QuerySet[MaracArea]:
    return MaracArea.objects.filter(organisation_id__in=marac_organisation_ids(user))


def meetings_for(user: Viewer) -> QuerySet[MaracMeeting]:
    """Meetings of the areas the user keeps, latest first, with the number of cases heard."""
    return (
        MaracMeeting.objects.filter(area__in=areas_kept_by(user))
        .select_related("area")
        .annotate(cases_heard=Count("hearings"))
        .order_by("-held_on", "area__name")
    )


def meeting_for(user: Viewer, meeting_id: Any) -> MaracMeeting:
    """One meeting the user keeps (404 for any other)."""
    try:
        return (
            MaracMeeting.objects.select_related("area")
            .filter(area__in=areas_kept_by(user))
            .get(pk=meeting_id)
        )
    except MaracMeeting.DoesNotExist as missing:
        raise Http404 from missing


@dataclass(frozen=True)
class MeetingHearings:
    shown: list[MaracHearing]
    hidden: int  # cases heard that this viewer may not see (restricted to named staff)


def hearings_at(meeting: MaracMeeting, user: Viewer) -> MeetingHearings:
    """The cases heard at the meeting that the viewer may see, with their actions."""
    visible = Case.objects.visible_to(user).values("pk")
    every = MaracHearing.objects.filter(meeting=meeting)
    shown = list(
        every.filter(referral__case__in=visible)
        .select_related("referral__case__person", "referral__area")
        .prefetch_related("actions")
        .order_by("recorded_at")
    )
    return MeetingHearings(shown, every.count() - len(shown))


def hearing_at(meeting: MaracMeeting, user: Viewer, hearing_id: Any) -> MaracHearing:
    visible = Case.objects.visible_to(user).values("pk")
    try:
        return MaracHearing.objects.select_related("meeting__area", "referral__case__person").get(
            meeting=meeting, referral__case__in=visible, pk=hearing_id
        )
    except MaracHearing.DoesNotExist as missing:
        raise Http404 from missing


def action_at(meeting: MaracMeeting, user: Viewer, action_id: Any) -> MaracAction:
    visible = Case.objects.visible_to(user).values("pk")
    try:
        return MaracAction.objects.select_related("hearing__meeting__area").get(
            hearing__meeting=meeting, hearing__referral__case__in=visible, pk=action_id
        )
    except MaracAction.DoesNotExist as missing:
        raise Http404 from missing


def referrals_to_hear(meeting: MaracMeeting, user: Viewer) -> QuerySet[MaracReferral]:
    """Referrals to the meeting's area, made by its date, not yet heard there, of cases the
    viewer may see."""
    visible = Case.objects.visible_to(user).values("pk")
    return (
        MaracReferral.objects.filter(
            area=meeting.area, referred_on__lte=meeting.held_on, case__in=visible
        )
        .exclude(hearings__meeting=meeting)
        .select_related("case__person")
        .order_by("-referred_on")
    )


def keeper_organisation(user: Viewer) -> Organisation | None:
    """The organisation a new MARAC area belongs to: the first the user keeps MARACs for."""
    return Organisation.objects.filter(pk__in=marac_organisation_ids(user)).order_by("name").first()


def open_actions_before(meeting: MaracMeeting, user: Viewer) -> list[MaracAction]:
    """Actions still open from the area's earlier meetings, on cases the viewer may see: the
    meeting reviews them (reference.md s2: incomplete actions from the last meeting)."""
    visible = Case.objects.visible_to(user).values("pk")
    return list(
        MaracAction.objects.filter(
            hearing__meeting__area=meeting.area,
            hearing__meeting__held_on__lt=meeting.held_on,
            hearing__referral__case__in=visible,
            status=ActionStatus.OPEN,
        )
        .select_related("hearing__meeting", "hearing__referral__case__person")
        .order_by("due_on")
    )


@dataclass(frozen=True)
class Breakdown:
    title: str
    rows: list[tuple[str, int]]  # every cell in order, "Not known" last


@dataclass(frozen=True)
class MaracFigures:
    """A quarter's figures for the MARAC areas chosen: counts only, no one named."""

    areas: list[MaracArea]
    cases_heard: int
    repeats: int
    repeat_percent: float | None  # None when no case was heard
    referrals: int
    referrals_by_agency: list[tuple[str, int]]
    equality: list[Breakdown]


def marac_figures(
    user: Viewer, *, first: Any, last: Any, area: MaracArea | None = None
) -> MaracFigures:
    """The SafeLives Marac data set's figures (reference.md s2) for the areas the user keeps (or
    one of them) between `first` and `last`: cases heard at meetings held then, repeats included
    and counted at each meeting that heard them; the repeats among them (reference.md s1.4, the
    referral's repeat flag); referrals made then by referring agency (seed 001 Lot 3 "Number of
    MARAC referrals made"); and the equality answers of the people heard. Restricted cases count
    like any other: the figures name no one."""
    areas = areas_kept_by(user)
    if area is not None:
        areas = areas.filter(pk=area.pk)
    person = "referral__case__person__"
    heard = list(
        MaracHearing.objects.filter(
            meeting__area__in=areas, meeting__held_on__gte=first, meeting__held_on__lte=last
        ).values_list(
            "meeting__held_on",
            "referral__is_repeat",
            person + "date_of_birth",
            person + "equality__sex",
            person + "equality__ethnicity",
            person + "equality__disability",
            person + "equality__sexual_orientation",
        )
    )
    repeats = sum(1 for h in heard if h[1])
    agencies = dict(
        MaracReferral.objects.filter(area__in=areas, referred_on__gte=first, referred_on__lte=last)
        .values_list("referring_agency")
        .annotate(n=Count("pk"))
        .values_list("referring_agency", "n")
    )
    sexes, ages, ethnicities, disabilities, orientations = [], [], [], [], []
    for held_on, _, born, sex, ethnicity, disability, orientation in heard:
        sexes.append(dataset.answer_cell(sex, choices.Sex.choices))
        ages.append(dataset.age_cell(born, held_on))
        ethnicities.append(dataset.ethnicity_cell(ethnicity))
        disabilities.append(dataset.answer_cell(disability, choices.YesNoPreferNot.choices))
        orientations.append(dataset.answer_cell(orientation, choices.SexualOrientation.choices))
    equality = [
        Breakdown(title, dataset.tally(cells, values))
        for title, cells, values in (
            ("Sex", dataset.SEX_CELLS, sexes),
            ("Age on the day heard", dataset.AGE_CELLS, ages),
            ("Ethnic group", dataset.ETHNICITY_CELLS, ethnicities),
            ("Disability", dataset.DISABILITY_CELLS, disabilities),
            ("Sexual orientation", dataset.ORIENTATION_CELLS, orientations),
        )
    ]
    return MaracFigures(
        areas=list(areas),
        cases_heard=len(heard),
        repeats=repeats,
        repeat_percent=round(100 * repeats / len(heard), 1) if heard else None,
        referrals=sum(agencies.values()),
        referrals_by_agency=[
            (label, agencies.get(value, 0)) for value, label in MaracAgency.choices
        ],
        equality=equality,
    )
