"""MARAC meetings for the team leaders and service managers who keep them: the list (and a new
area), a new meeting, the meeting's page, the cases heard, their actions and their status.
Every page that names a case is audited as a read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from haven.accounts.signed_in import staff_user
from haven.casework.views.rendering import render_page
from haven.core.exports import export_response
from haven.core.read_audit import (
    audit_list_export,
    audit_list_view,
    audit_record_view,
    audits_reads,
)
from haven.marac import dataset
from haven.marac.forms import (
    ActionForm,
    ActionStatusForm,
    AreaForm,
    HearingForm,
    MaracDataForm,
    MeetingForm,
)
from haven.marac.meetings import (
    marac_action_record,
    marac_action_status_set,
    marac_area_create,
    marac_hearing_record,
    marac_meeting_record,
)
from haven.marac.selectors import (
    MaracFigures,
    action_at,
    areas_kept_by,
    hearing_at,
    hearings_at,
    keeper_organisation,
    marac_figures,
    meeting_for,
    meetings_for,
    open_actions_before,
    referrals_to_hear,
)

View = Callable[..., HttpResponse]


def keeps_meetings(view: View) -> View:
    """Signed in, and a team leader or service manager (403 for anyone else)."""

    @login_required
    @audits_reads
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm("marac.keep_meetings"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _audit_meeting(request: HttpRequest, meeting: Any, shown: list[Any]) -> None:
    audit_record_view(user=staff_user(request), target=meeting, shown=shown)


@keeps_meetings
def meeting_list(request: HttpRequest) -> HttpResponse:
    """Meetings latest first (no one is named: dates, areas, counts)."""
    meetings = list(meetings_for(request.user))
    audit_list_view(
        user=staff_user(request),
        object_type="marac.maracmeeting",
        shown=[m.pk for m in meetings],
        page="marac:meetings",
    )
    context = {"meetings": meetings, "areas": list(areas_kept_by(request.user))}
    return render_page(request, "marac/meeting_list.html", context)


@keeps_meetings
def area_add(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    organisation = keeper_organisation(user)
    form = AreaForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid() and organisation is not None:
        try:
            marac_area_create(organisation=organisation, actor=user, name=form.cleaned_data["name"])
        except ValidationError as refused:
            form.add_problems(refused)
        else:
            messages.success(request, "MARAC area added")
            return redirect("marac:meetings")
    audit_list_view(user=user, object_type="marac.maracarea", shown=[], page="marac:area_add")
    return render_page(
        request, "marac/plain_form.html", {"form": form, "title": "Add a MARAC area"}
    )


@keeps_meetings
def meeting_add(request: HttpRequest) -> HttpResponse:
    areas = list(areas_kept_by(request.user))
    if not areas:
        messages.info(request, "Add the MARAC area first")
        return redirect("marac:area_add")
    form = MeetingForm(
        request.POST if request.method == "POST" else None,
        areas=[(str(a.pk), a.name) for a in areas],
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        area = next(a for a in areas if str(a.pk) == data["area"])
        try:
            meeting = marac_meeting_record(
                area=area,
                actor=staff_user(request),
                held_on=data["held_on"],
                agencies_present=data["agencies_present"],
                idva_attended=data["idva_attended"] == "yes",
            )
        except ValidationError as refused:
            form.add_problems(refused)
        else:
            messages.success(request, "MARAC meeting recorded")
            return redirect("marac:meeting", meeting.pk)
    audit_list_view(
        user=staff_user(request),
        object_type="marac.maracmeeting",
        shown=[],
        page="marac:meeting_add",
    )
    return render_page(
        request, "marac/plain_form.html", {"form": form, "title": "Record a MARAC meeting"}
    )


@keeps_meetings
def meeting_detail(request: HttpRequest, meeting_id: Any) -> HttpResponse:
    meeting = meeting_for(request.user, meeting_id)
    heard = hearings_at(meeting, request.user)
    earlier = open_actions_before(meeting, request.user)
    shown = [h.referral.case_id for h in heard.shown] + [
        a.hearing.referral.case_id for a in earlier
    ]
    _audit_meeting(request, meeting, list(dict.fromkeys(shown)))
    context = {
        "earlier_actions": earlier,
        "meeting": meeting,
        "hearings": heard.shown,
        "hidden": heard.hidden,
        "can_add_case": referrals_to_hear(meeting, request.user).exists(),
    }
    return render_page(request, "marac/meeting_detail.html", context)


def _referral_choice(referral: Any) -> tuple[str, str]:
    repeat = ", repeat" if referral.is_repeat else ""
    return (
        str(referral.pk),
        f"{referral.case.person.reference_code}: referred {referral.referred_on:%-d %b %Y}{repeat}",
    )


@keeps_meetings
def hearing_add(request: HttpRequest, meeting_id: Any) -> HttpResponse:
    meeting = meeting_for(request.user, meeting_id)
    candidates = list(referrals_to_hear(meeting, request.user))
    form = HearingForm(
        request.POST if request.method == "POST" else None,
        referrals=[_referral_choice(r) for r in candidates],
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        referral = next(r for r in candidates if str(r.pk) == data["referral"])
        if form.saved_by(
            lambda: marac_hearing_record(
                meeting=meeting,
                referral=referral,
                actor=staff_user(request),
                outcome=data["outcome"],
                idva_represented=data["idva_represented"] == "yes",
            )
        ):
            messages.success(request, "Case heard recorded")
            return redirect("marac:meeting", meeting.pk)
    _audit_meeting(request, meeting, [r.case_id for r in candidates])
    context = {"form": form, "title": "Record a case heard", "meeting": meeting}
    return render_page(request, "marac/meeting_form.html", context)


@keeps_meetings
def action_add(request: HttpRequest, meeting_id: Any, hearing_id: Any) -> HttpResponse:
    meeting = meeting_for(request.user, meeting_id)
    hearing = hearing_at(meeting, request.user, hearing_id)
    form = ActionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: marac_action_record(
                hearing=hearing,
                actor=staff_user(request),
                owning_agency=data["owning_agency"],
                description=data["description"],
                due_on=data["due_on"],
            )
        ):
            messages.success(request, "Action recorded")
            return redirect("marac:meeting", meeting.pk)
    _audit_meeting(request, meeting, [hearing.referral.case_id])
    context = {
        "form": form,
        "title": f"Add an action for case {hearing.referral.case.person.reference_code}",
        "meeting": meeting,
    }
    return render_page(request, "marac/meeting_form.html", context)


@keeps_meetings
def action_status(request: HttpRequest, meeting_id: Any, action_id: Any) -> HttpResponse:
    meeting = meeting_for(request.user, meeting_id)
    action = action_at(meeting, request.user, action_id)
    form = ActionStatusForm(
        request.POST if request.method == "POST" else None, initial={"status": action.status}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: marac_action_status_set(
                action=action,
                actor=staff_user(request),
                status=data["status"],
                status_on=data["status_on"],
            )
        ):
            messages.success(request, "Action updated")
            return redirect("marac:meeting", meeting.pk)
    _audit_meeting(request, meeting, [action.hearing.referral.case_id])
    context = {"form": form, "title": "Update the action", "meeting": meeting, "action": action}
    return render_page(request, "marac/meeting_form.html", context)


@dataclass(frozen=True)
class DataChoice:
    form: MaracDataForm
    quarter: dataset.Quarter
    area: Any  # MaracArea | None: all the areas the user keeps
    figures: MaracFigures


def _data_choice(request: HttpRequest) -> DataChoice:
    """The quarter and area asked for in the query (this quarter and all areas by default; a
    choice not offered is an error on the field, and the default is shown)."""
    quarters = dataset.quarters_to(timezone.localdate())
    areas = list(areas_kept_by(request.user))
    form = MaracDataForm(
        request.GET or None,
        quarters=[(q.code, q.label) for q in quarters],
        areas=[(str(a.pk), a.name) for a in areas],
    )
    quarter, area = quarters[0], None
    if form.is_bound and form.is_valid():
        quarter = next(q for q in quarters if q.code == form.cleaned_data["quarter"])
        area = next((a for a in areas if str(a.pk) == form.cleaned_data["area"]), None)
    figures = marac_figures(request.user, first=quarter.first, last=quarter.last, area=area)
    return DataChoice(form, quarter, area, figures)


def _filters(choice: DataChoice) -> dict[str, str]:
    return {"quarter": choice.quarter.code, "area": str(choice.area.pk) if choice.area else ""}


@keeps_meetings
def marac_data(request: HttpRequest) -> HttpResponse:
    """A quarter's MARAC figures (reference.md s2, the SafeLives Marac data set; seed 001 Lot 3):
    counts only, so restricted cases count without being named."""
    choice = _data_choice(request)
    audit_list_view(
        user=staff_user(request),
        object_type="marac.maracarea",
        shown=[a.pk for a in choice.figures.areas],
        page="marac:data",
    )
    context = {
        "form": choice.form,
        "quarter": choice.quarter,
        "area": choice.area,
        "figures": choice.figures,
        "csv_query": urlencode(_filters(choice)),
    }
    return render_page(request, "marac/data.html", context)


def data_rows(choice: DataChoice) -> list[tuple[str, str, object]]:
    """The figures as rows of (figure, category, count), in the page's order."""
    figures = choice.figures
    percent = "" if figures.repeat_percent is None else f"{figures.repeat_percent:.1f}"
    rows: list[tuple[str, str, object]] = [
        ("Quarter", f"{choice.quarter.label} ({choice.quarter.code})", ""),
        ("MARAC areas", ", ".join(a.name for a in figures.areas) or "None", ""),
        ("Cases heard, repeats included", "", figures.cases_heard),
        ("Repeat cases heard", "", figures.repeats),
        ("Repeats as a percentage of cases heard", "", percent),
        ("Referrals made", "All agencies", figures.referrals),
    ]
    rows += [("Referrals made by referring agency", a, n) for a, n in figures.referrals_by_agency]
    for breakdown in figures.equality:
        rows += [(f"Cases heard by {breakdown.title.lower()}", c, n) for c, n in breakdown.rows]
    return rows


@keeps_meetings
def marac_data_csv(request: HttpRequest) -> HttpResponse:
    """The same figures as a CSV file, audited as an export."""
    choice = _data_choice(request)
    if choice.form.is_bound and not choice.form.is_valid():
        raise Http404("No such quarter or MARAC area")
    audit_list_export(
        user=staff_user(request),
        object_type="marac.maracarea",
        exported=[a.pk for a in choice.figures.areas],
        page="marac:data_csv",
        fmt="csv",
        filters=_filters(choice),
    )
    return export_response(
        name=f"marac-data-{choice.quarter.code}",
        fmt="csv",
        columns=["Figure", "Category", "Count"],
        rows=data_rows(choice),
    )
