"""Follow-ups and surveys from the case page (through `with_case`), and the DV 360 survey team's
hand-off list for team leaders and service managers (seed 000 s5, s6)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from haven.accounts.signed_in import staff_user
from haven.casework.models import Task
from haven.casework.safety import preferences_of
from haven.casework.selectors import VisibleCase
from haven.casework.services import (
    AttemptRefusedError,
    CaseClosedError,
    SafeContactBlockedError,
)
from haven.casework.views.attempts import CHANNEL_NAMES
from haven.casework.views.case_access import case_url, with_case
from haven.casework.views.rendering import render_page
from haven.core.exports import export_format, export_response
from haven.core.formatting import when
from haven.core.read_audit import audit_list_export, audit_list_view, audits_reads
from haven.followups.forms import FollowUpContactForm, SurveyForm
from haven.followups.models import FollowUpContact, SurveyOccasion
from haven.followups.questions import catalogue
from haven.followups.selectors import (
    follow_up_contact,
    follow_up_task,
    hand_off_task,
    hand_off_tasks,
    passed,
)
from haven.followups.services import (
    follow_up_contact_record,
    follow_up_refusal,
    survey_record,
    survey_refusal,
    survey_team_hand_off_record,
)
from haven.people.safe_contact import unsafe_channels


@with_case(change=True)
def follow_up_record(request: HttpRequest, visible: VisibleCase, task_id: Any) -> HttpResponse:
    """The contact attempt for one follow-up; reached: on to its survey."""
    case = visible.case
    task = follow_up_task(case, task_id)
    refusal = follow_up_refusal(task)
    if refusal:
        messages.info(request, refusal)
        return redirect(case_url(visible))
    form = FollowUpContactForm(
        request.POST if request.method == "POST" else None,
        initial={"attempted_at": timezone.now()},
    )
    blocked: list[str] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            contact = follow_up_contact_record(
                task=task,
                channel=data["channel"],
                direction=data["direction"],
                outcome=data["outcome"],
                attempted_at=data["attempted_at"],
                recorded_by=staff_user(request),
                notes=data["notes"],
                override_reason=form.override_reason_value(),
            )
        except CaseClosedError as refused:
            messages.info(request, str(refused))
            return redirect(case_url(visible))
        except AttemptRefusedError as refused:
            form.add_error(refused.field if refused.field in form.fields else None, str(refused))
        except ValidationError as problems:
            form.add_problems(problems)
        except SafeContactBlockedError as blocked_error:
            blocked = blocked_error.reasons
            form.add_error("override", "This channel is not safe now: " + "; ".join(blocked))
        else:
            return _after_contact(request, visible, contact)
    context = {
        "form": form,
        "case": case,
        "task": task,
        "blocked": blocked,
        "title": f"Record the follow-up: {task.label}",
        "always_unsafe": {
            CHANNEL_NAMES.get(channel, channel.capitalize()): reasons
            for channel, reasons in unsafe_channels(preferences_of(case.person)).items()
        },
    }
    return render_page(request, "followups/follow_up_form.html", context)


def _after_contact(
    request: HttpRequest, visible: VisibleCase, contact: FollowUpContact
) -> HttpResponse:
    if contact.reached and survey_refusal(visible.case, SurveyOccasion.FOLLOW_UP, contact) is None:
        messages.success(request, "Follow-up contact recorded: now record the survey")
        return redirect("followups:follow_up_survey", visible.case.pk, contact.pk)
    messages.success(request, "Follow-up contact recorded")
    return redirect(case_url(visible))


def _survey_page(
    request: HttpRequest,
    visible: VisibleCase,
    occasion: str,
    contact: FollowUpContact | None,
    title: str,
) -> HttpResponse:
    case = visible.case
    refusal = survey_refusal(case, occasion, contact)
    if refusal:
        messages.info(request, refusal)
        return redirect(case_url(visible))
    questions = catalogue().questions_for(case.contract.slug, occasion)
    form = SurveyForm(
        request.POST if request.method == "POST" else None,
        opened_at=case.opened_at,
        questions=questions,
        initial={"asked_at": contact.attempt.attempted_at if contact else timezone.now()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            survey_record(
                case=case,
                occasion=occasion,
                asked_at=form.cleaned_data["asked_at"],
                recorded_by=staff_user(request),
                answers=form.answers(),
                declined=form.declined,
                follow_up=contact,
            )
        except ValidationError as problems:
            form.add_problems(problems)
        else:
            messages.success(request, "Survey recorded")
            return redirect(case_url(visible))
    context = {"form": form, "case": case, "title": title, "button_text": "Save the survey"}
    return render_page(request, "followups/survey_form.html", context)


@with_case(change=True)
def follow_up_survey(request: HttpRequest, visible: VisibleCase, contact_id: Any) -> HttpResponse:
    contact = follow_up_contact(visible.case, contact_id)
    title = f"Survey: {contact.task.label}"
    return _survey_page(request, visible, SurveyOccasion.FOLLOW_UP, contact, title)


@with_case(change=True)
def survey_new(request: HttpRequest, visible: VisibleCase, occasion: str) -> HttpResponse:
    """A survey on another occasion: end of visit, exit, the police survey team's results."""
    if occasion not in SurveyOccasion.values or occasion == SurveyOccasion.FOLLOW_UP:
        raise Http404("No such survey")
    title = f"Survey: {SurveyOccasion(occasion).label.lower()}"
    return _survey_page(request, visible, occasion, None, title)


# The survey team's hand-off list (seed 000 s5, s6): team leaders and service managers.

HAND_OFF_COLUMNS = ("Reference", "Contract", "Follow-up", "Due", "Case closed", "Passed")


def _hand_off_rows(tasks: list[Task]) -> Iterator[Sequence[object]]:
    for task in tasks:
        hand_off = passed(task)
        yield (
            task.case.person.reference_code,
            task.case.contract.name,
            task.label,
            when(task.due_at),
            when(task.case.closed_at) if task.case.closed_at else "",
            when(hand_off.passed_at) if hand_off else "Not yet",
        )


@login_required
@permission_required("casework.export_lists", raise_exception=True)
@audits_reads
def hand_off_list(request: HttpRequest) -> HttpResponse:
    show_passed = request.GET.get("show") == "all"
    tasks = hand_off_tasks(request.user, include_passed=show_passed)
    audit_list_view(
        user=request.user,
        object_type="casework.task",
        shown=[task.pk for task in tasks],
        page="survey-team-hand-offs",
    )
    rows = [(task, passed(task)) for task in tasks]
    return render_page(
        request, "followups/hand_off_list.html", {"rows": rows, "show_passed": show_passed}
    )


@login_required
@permission_required("casework.export_lists", raise_exception=True)
@require_POST
def hand_off_pass(request: HttpRequest, task_id: Any) -> HttpResponse:
    task = hand_off_task(request.user, task_id)
    try:
        survey_team_hand_off_record(task=task, passed_by=staff_user(request))
    except ValidationError as refused:
        messages.info(request, " ".join(refused.messages))
    else:
        messages.success(
            request, f"Case {task.case.person.reference_code} passed to the survey team"
        )
    return redirect(reverse("followups:hand_offs"))


@login_required
@permission_required("casework.export_lists", raise_exception=True)
@audits_reads
def hand_off_export(request: HttpRequest) -> HttpResponse:
    fmt = export_format(request.GET.get("format"))
    show_passed = request.GET.get("show") == "all"
    tasks = hand_off_tasks(request.user, include_passed=show_passed)
    audit_list_export(
        user=request.user,
        object_type="casework.task",
        exported=[task.pk for task in tasks],
        page="survey-team-hand-offs",
        fmt=fmt,
        filters={"show": "all" if show_passed else "due"},
    )
    return export_response(
        name="survey-team-hand-offs", fmt=fmt, columns=HAND_OFF_COLUMNS, rows=_hand_off_rows(tasks)
    )
