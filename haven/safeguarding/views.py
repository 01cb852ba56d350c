"""A case's safeguarding: the overview page, each child's record, referrals and meetings,
safeguarding adults alerts and the Think Family questions (each write through its service)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from haven.accounts.signed_in import staff_user
from haven.casework.selectors import VisibleCase
from haven.casework.views.case_access import with_case
from haven.casework.views.rendering import render_page
from haven.consent.models import ShareBasis
from haven.safeguarding.adults import alert_raise, alert_update, think_family_record
from haven.safeguarding.forms import (
    FAMILY,
    NOT_A_MEETING,
    NOT_A_REFERRAL,
    NOT_KNOWN,
    AlertOutcomeForm,
    ChildRecordForm,
    EventChangeForm,
    NewAlertForm,
    SafeguardingEventForm,
    ThinkFamilyForm,
)
from haven.safeguarding.presenters import overview_context
from haven.safeguarding.selectors import (
    alert_on,
    child_record_on,
    event_on,
    household_child,
    household_children,
)
from haven.safeguarding.services import (
    child_record_save,
    safeguarding_event_change,
    safeguarding_event_record,
    safeguarding_refusal,
)

CHILD_FIELDS = (
    "school",
    "cp_plan_started_on",
    "cp_plan_ended_on",
    "cin_started_on",
    "cin_ended_on",
    "looked_after_started_on",
    "looked_after_ended_on",
    "voice",
    "voice_on",
)


def _back(request: HttpRequest, visible: VisibleCase) -> HttpResponse | None:
    """Back to the overview when nothing may be recorded on the case (closed)."""
    refusal = safeguarding_refusal(visible.case)
    if refusal:
        messages.info(request, refusal)
        return redirect("safeguarding:overview", visible.case.pk)
    return None


def _form_page(
    request: HttpRequest, visible: VisibleCase, form: Any, title: str, **extra: Any
) -> HttpResponse:
    context = {"form": form, "case": visible.case, "title": title, **extra}
    return render_page(request, "safeguarding/form.html", context)


def _yes(value: str) -> bool:
    return value == "yes"


def _attended(value: str) -> bool | None:
    return None if value == NOT_A_MEETING else _yes(value)


def _attended_choice(attended: bool | None) -> str:
    return NOT_A_MEETING if attended is None else ("yes" if attended else "no")


@with_case()
def overview(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    may_record = visible.can_change and safeguarding_refusal(visible.case) is None
    return render_page(
        request, "safeguarding/overview.html", overview_context(visible.case, may_record)
    )


@with_case(change=True)
def child_edit(request: HttpRequest, visible: VisibleCase, child_id: Any) -> HttpResponse:
    """GET: the child's record (empty the first time). POST: the service."""
    case = visible.case
    child = household_child(case, child_id)
    if (back := _back(request, visible)) is not None:
        return back
    record = child_record_on(case, child)
    initial = {name: getattr(record, name) for name in CHILD_FIELDS} if record else {}
    form = ChildRecordForm(request.POST if request.method == "POST" else None, initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved_by(
            lambda: child_record_save(
                case=case,
                child=child,
                recorded_by=staff_user(request),
                **{name: form.cleaned_data[name] for name in CHILD_FIELDS},
            )
        )
    ):
        messages.success(request, "Child's safeguarding record saved")
        return redirect("safeguarding:overview", case.pk)
    return _form_page(
        request, visible, form, "Child's safeguarding record", child=child, intro="child"
    )


@with_case(change=True)
def event_add(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    """GET: the form. POST: the service; refusals on their fields."""
    case = visible.case
    if (back := _back(request, visible)) is not None:
        return back
    children = household_children(case)
    form = SafeguardingEventForm(
        request.POST if request.method == "POST" else None,
        children=children,
        initial={"share_basis": ShareBasis.SAFEGUARDING}
        | ({"child": FAMILY} if not children else {}),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        by_id = {str(c.pk): c for c in children}
        if form.saved_by(
            lambda: safeguarding_event_record(
                case=case,
                recorded_by=staff_user(request),
                kind=data["kind"],
                occurred_on=data["occurred_on"],
                child=by_id.get(data["child"]),
                attended=_attended(data["attended"]),
                notes=data["notes"],
                share_consent=None
                if data["share_consent"] == NOT_A_REFERRAL
                else _yes(data["share_consent"]),
                share_basis=data["share_basis"] or ShareBasis.SAFEGUARDING,
                share_reason=data["share_reason"],
            )
        ):
            messages.success(request, "Safeguarding referral or meeting recorded")
            return redirect("safeguarding:overview", case.pk)
    return _form_page(
        request, visible, form, "Record a safeguarding referral or meeting", intro="event"
    )


@with_case(change=True)
def event_change(request: HttpRequest, visible: VisibleCase, event_id: Any) -> HttpResponse:
    """Correct a referral's or meeting's date, attendance and notes."""
    case = visible.case
    event = event_on(case, event_id)
    if (back := _back(request, visible)) is not None:
        return back
    initial = {
        "occurred_on": event.occurred_on,
        "attended": _attended_choice(event.attended),
        "notes": event.notes,
    }
    form = EventChangeForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: safeguarding_event_change(
                event=event,
                recorded_by=staff_user(request),
                occurred_on=data["occurred_on"],
                attended=_attended(data["attended"]),
                notes=data["notes"],
            )
        ):
            messages.success(request, "Safeguarding referral or meeting changed")
            return redirect("safeguarding:overview", case.pk)
    return _form_page(
        request,
        visible,
        form,
        "Change a safeguarding referral or meeting",
        event=event,
        intro="event_change",
    )


@with_case(change=True)
def alert_add(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    case = visible.case
    if (back := _back(request, visible)) is not None:
        return back
    form = NewAlertForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        relationship = data["harm_relationship"]
        if form.saved_by(
            lambda: alert_raise(
                case=case,
                recorded_by=staff_user(request),
                raised_on=data["raised_on"],
                concern=data["concern"],
                substantiation=data["substantiation"],
                referred_on=data["referred_on"],
                harm_relationship="" if relationship == NOT_KNOWN else relationship,
            )
        ):
            messages.success(request, "Safeguarding adults alert recorded")
            return redirect("safeguarding:overview", case.pk)
    return _form_page(request, visible, form, "Raise a safeguarding adults alert", intro="alert")


@with_case(change=True)
def alert_edit(request: HttpRequest, visible: VisibleCase, alert_id: Any) -> HttpResponse:
    """The alert's outcome, referral and who is causing the harm, as they become known."""
    case = visible.case
    alert = alert_on(case, alert_id)
    if (back := _back(request, visible)) is not None:
        return back
    initial = {
        "substantiation": alert.substantiation,
        "referred_on": alert.referred_on,
        "harm_relationship": alert.harm_relationship or NOT_KNOWN,
    }
    form = AlertOutcomeForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        relationship = data["harm_relationship"]
        if form.saved_by(
            lambda: alert_update(
                alert=alert,
                recorded_by=staff_user(request),
                substantiation=data["substantiation"],
                referred_on=data["referred_on"],
                harm_relationship="" if relationship == NOT_KNOWN else relationship,
            )
        ):
            messages.success(request, "Safeguarding adults alert updated")
            return redirect("safeguarding:overview", case.pk)
    return _form_page(
        request,
        visible,
        form,
        "Update a safeguarding adults alert",
        alert=alert,
        intro="alert_edit",
    )


@with_case(change=True)
def think_family(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    """The Think Family questions (seed 004 s6.5), asked today unless another date is given."""
    case = visible.case
    if (back := _back(request, visible)) is not None:
        return back
    form = ThinkFamilyForm(
        request.POST if request.method == "POST" else None,
        initial={"asked_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: think_family_record(
                case=case,
                recorded_by=staff_user(request),
                asked_on=data["asked_on"],
                children_in_family=_yes(data["children_in_family"]),
                parenting_support_needed=_yes(data["parenting_support_needed"]),
                young_carer=_yes(data["young_carer"]),
                vulnerable_adult=_yes(data["vulnerable_adult"]),
                adult_carer=_yes(data["adult_carer"]),
                family_offered_support=_yes(data["family_offered_support"]),
                young_carer_referral=data["young_carer_referral"],
                adult_carer_referral=data["adult_carer_referral"],
                contact_with_children=data["contact_with_children"],
                impact_on_family=data["impact_on_family"],
                care_provided=data["care_provided"],
                whole_family_help=data["whole_family_help"],
            )
        ):
            messages.success(request, "Think Family answers recorded")
            return redirect("safeguarding:overview", case.pk)
    return _form_page(request, visible, form, "Think Family questions", intro="think_family")
