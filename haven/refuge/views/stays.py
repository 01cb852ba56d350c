"""Moving in, extending a stay past its limit and moving out, from the case page (issue 13
items 2-3; seed 004 s4.2, s7.3, s7.5)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from haven.accounts.signed_in import staff_user
from haven.casework.selectors import VisibleCase
from haven.casework.views.case_access import with_case
from haven.casework.views.rendering import render_page
from haven.refuge.forms import ExtensionForm, MoveInForm, MoveOutForm, yes
from haven.refuge.selectors import household_of, room_for_case, rooms_for_case, stay_of
from haven.refuge.services import (
    extension_refusal,
    move_out_refusal,
    stay_extend,
    stay_move_in,
    stay_move_out,
)


@with_case(change=True)
def move_in(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    """The household moves into a room: the duties from moving in become tasks."""
    case = visible.case
    rooms = list(rooms_for_case(case))
    members = list(household_of(case))
    form = MoveInForm(
        request.POST if request.method == "POST" else None, rooms=rooms, members=members
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        room = room_for_case(case, data["room"])
        chosen = [m for m in members if str(m.pk) in data.get("household_members", [])]
        if room is None:
            form.add_error("room", "Select the room")
        elif form.saved_by(
            lambda: stay_move_in(
                case=case,
                room=room,
                moved_in_by=staff_user(request),
                moved_in_at=data["moved_in_at"],
                agreement=data["agreement"],
                agreement_signed_on=data["agreement_signed_on"],
                household_members=chosen,
            )
        ):
            messages.success(request, "Move-in recorded: the duties from moving in are set")
            return redirect("casework:detail", case.pk)
    return render_page(
        request, "refuge/move_in.html", {"form": form, "case": case, "has_rooms": bool(rooms)}
    )


@with_case(change=True)
def extend(request: HttpRequest, visible: VisibleCase, stay_id: Any) -> HttpResponse:
    """The stay goes past its limit (seed 004 s7.3)."""
    case = visible.case
    stay = stay_of(case, stay_id)
    form = ExtensionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: stay_extend(
                stay=stay,
                extended_by=staff_user(request),
                reason=data["reason"],
                exit_plan=data["exit_plan"],
                review_timetable=data["review_timetable"],
                commissioner_notified_on=data["commissioner_notified_on"],
            )
        ):
            messages.success(request, "Extension recorded")
            return redirect("casework:detail", case.pk)
    return render_page(
        request,
        "refuge/stay_form.html",
        {
            "form": form,
            "case": case,
            "stay": stay,
            "refusal": extension_refusal(stay),
            "title": "Record a stay past its limit",
            "intro": "A stay past the limit needs an exit plan and a review timetable, and the "
            "commissioner must be told.",
        },
    )


@with_case(change=True)
def move_out(request: HttpRequest, visible: VisibleCase, stay_id: Any) -> HttpResponse:
    case = visible.case
    stay = stay_of(case, stay_id)
    form = MoveOutForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: stay_move_out(
                stay=stay,
                moved_out_by=staff_user(request),
                moved_out_at=data["moved_out_at"],
                destination=data["destination"],
                planned_exit=yes(data["planned_exit"]),
            )
        ):
            messages.success(request, "Move-out recorded")
            return redirect("casework:detail", case.pk)
    return render_page(
        request,
        "refuge/stay_form.html",
        {
            "form": form,
            "case": case,
            "stay": stay,
            "refusal": move_out_refusal(stay),
            "title": "Record moving out",
            "intro": "Resettlement support goes on after leaving, normally for 3 to 6 months; "
            "children's move-on support for at least 2 months.",
        },
    )
