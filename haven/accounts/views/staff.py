"""Manage staff: administrators invite staff, give roles per team, move, deactivate and reset MFA.

Views only read (selectors) and call services; the services check the rules and audit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from haven.accounts.forms import (
    ReasonForm,
    RoleAddForm,
    StaffDetailsForm,
    StaffInviteForm,
    StaffProfileForm,
    TeamImportRuleForm,
    TeamMoveForm,
)
from haven.accounts.models import User
from haven.accounts.roles import Role
from haven.accounts.selectors import (
    membership_for,
    organisations_administered_by,
    staff_list_for,
    staff_member_for,
    team_administered_by,
    teams_administered_by,
)
from haven.accounts.services import (
    StaffChangeRefusedError,
    staff_deactivate,
    staff_details_update,
    staff_invite,
    staff_mfa_reset,
    staff_reactivate,
    staff_role_grant,
    staff_role_remove,
    staff_setup_link_send,
    staff_team_move,
)
from haven.accounts.staff_profiles import (
    staff_profile_of,
    staff_profile_update,
    team_import_allocation_set,
)
from haven.core.mail import mail_configured

View = Callable[..., HttpResponse]


def for_administrators(view: View) -> View:
    guarded = login_required(
        permission_required("accounts.manage_staff", raise_exception=True)(view)
    )
    return require_http_methods(["GET", "POST"])(guarded)


def _actor(request: HttpRequest) -> User:
    """The signed-in administrator (``login_required`` has already run)."""
    user = request.user
    assert isinstance(user, User)
    return user


def _refused(form: Any, refused: StaffChangeRefusedError) -> None:
    for field, problem in refused.problems.items():
        form.add_error(field if field in form.fields else None, problem)


def _site_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


@for_administrators
def staff_list(request: HttpRequest) -> HttpResponse:
    context = {
        "rows": staff_list_for(_actor(request)),
        "teams": list(teams_administered_by(_actor(request))),
    }
    return render(request, "staff/staff_list.html", context)


@for_administrators
def invite(request: HttpRequest) -> HttpResponse:
    form = StaffInviteForm(
        request.POST if request.method == "POST" else None,
        teams=list(teams_administered_by(_actor(request))),
        organisations=organisations_administered_by(_actor(request)),
    )
    if request.method == "POST" and form.is_valid():
        organisation, team = form.chosen_place()
        try:
            invitation = staff_invite(
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
                role=Role(form.cleaned_data["role"]),
                organisation=organisation,
                team=team,
                invited_by=request.user,
                site_url=_site_url(request),
            )
        except StaffChangeRefusedError as refused:
            _refused(form, refused)
        else:
            return render(
                request,
                "staff/setup_link.html",
                {
                    "member": invitation.user,
                    "link": invitation.link,
                    "mail_configured": mail_configured(),
                    "heading": "Account created",
                },
            )
    return render(request, "staff/invite.html", {"form": form})


@for_administrators
def detail(request: HttpRequest, pk: UUID) -> HttpResponse:
    row = staff_member_for(_actor(request), pk)
    context = {"row": row, "member": row.user, "profile": staff_profile_of(row.user)}
    return render(request, "staff/staff_detail.html", context)


@for_administrators
def details_edit(request: HttpRequest, pk: UUID) -> HttpResponse:
    member = staff_member_for(_actor(request), pk).user
    form = StaffDetailsForm(
        request.POST if request.method == "POST" else None,
        initial={"full_name": member.full_name, "email": member.email},
    )
    if request.method == "POST" and form.is_valid():
        try:
            staff_details_update(
                user=member,
                full_name=form.cleaned_data["full_name"],
                email=form.cleaned_data["email"],
                changed_by=request.user,
            )
        except StaffChangeRefusedError as refused:
            _refused(form, refused)
        else:
            messages.success(request, "Details saved")
            return redirect("staff:detail", member.pk)
    return render(
        request,
        "staff/reason_form.html",
        {
            "form": form,
            "member": member,
            "title": "Change name or email address",
            "button_text": "Save",
            "fields": ["full_name", "email"],
            "intro": "The new address is their sign-in address at once.",
        },
    )


@for_administrators
def role_add(request: HttpRequest, pk: UUID) -> HttpResponse:
    member = staff_member_for(_actor(request), pk).user
    form = RoleAddForm(
        request.POST if request.method == "POST" else None,
        teams=list(teams_administered_by(_actor(request))),
        organisations=organisations_administered_by(_actor(request)),
    )
    if request.method == "POST" and form.is_valid():
        organisation, team = form.chosen_place()
        try:
            staff_role_grant(
                user=member,
                role=Role(form.cleaned_data["role"]),
                organisation=organisation,
                team=team,
                granted_by=request.user,
            )
        except StaffChangeRefusedError as refused:
            _refused(form, refused)
        else:
            messages.success(request, "Role added")
            return redirect("staff:detail", member.pk)
    return render(request, "staff/role_add.html", {"form": form, "member": member})


@for_administrators
def role_remove(request: HttpRequest, pk: UUID, membership_pk: UUID) -> HttpResponse:
    member = staff_member_for(_actor(request), pk).user
    membership = membership_for(_actor(request), member, membership_pk)
    form = ReasonForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            staff_role_remove(
                membership=membership, removed_by=request.user, reason=form.cleaned_data["reason"]
            )
        except StaffChangeRefusedError as refused:
            _refused(form, refused)
        else:
            messages.success(request, "Role removed")
            return redirect("staff:detail", member.pk)
    return render(
        request,
        "staff/reason_form.html",
        {
            "form": form,
            "member": member,
            "title": f"Remove the role {membership}",
            "button_text": "Remove role",
            "warning": True,
        },
    )


@for_administrators
def team_move(request: HttpRequest, pk: UUID, membership_pk: UUID) -> HttpResponse:
    member = staff_member_for(_actor(request), pk).user
    membership = membership_for(_actor(request), member, membership_pk)
    teams = [
        team
        for team in teams_administered_by(_actor(request))
        if team.organisation_id == membership.organisation_id and team.pk != membership.team_id
    ]
    form = TeamMoveForm(request.POST if request.method == "POST" else None, teams=teams)
    if request.method == "POST" and form.is_valid():
        try:
            staff_team_move(
                membership=membership,
                team=form.chosen_team(),
                moved_by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except StaffChangeRefusedError as refused:
            _refused(form, refused)
        else:
            messages.success(request, "Moved to the new team")
            return redirect("staff:detail", member.pk)
    return render(
        request,
        "staff/reason_form.html",
        {
            "form": form,
            "member": member,
            "title": f"Move {membership.get_role_display().lower()} to another team",
            "button_text": "Move",
            "fields": ["team", "reason"],
        },
    )


def _account_action(
    request: HttpRequest,
    pk: UUID,
    *,
    service: Callable[..., None],
    actor_keyword: str,
    title: str,
    button_text: str,
    done: str,
    warning: bool = False,
    intro: str = "",
) -> HttpResponse:
    member = staff_member_for(_actor(request), pk).user
    form = ReasonForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            service(
                user=member, reason=form.cleaned_data["reason"], **{actor_keyword: request.user}
            )
        except StaffChangeRefusedError as refused:
            _refused(form, refused)
        else:
            messages.success(request, done)
            return redirect("staff:detail", member.pk)
    return render(
        request,
        "staff/reason_form.html",
        {
            "form": form,
            "member": member,
            "title": title,
            "button_text": button_text,
            "warning": warning,
            "intro": intro,
        },
    )


@for_administrators
def deactivate(request: HttpRequest, pk: UUID) -> HttpResponse:
    return _account_action(
        request,
        pk,
        service=staff_deactivate,
        actor_keyword="deactivated_by",
        title="Deactivate this account",
        button_text="Deactivate",
        done="Account deactivated. They have been signed out.",
        warning=True,
        intro="They are signed out at once and cannot sign in. Their records and audit trail stay.",
    )


@for_administrators
def reactivate(request: HttpRequest, pk: UUID) -> HttpResponse:
    return _account_action(
        request,
        pk,
        service=staff_reactivate,
        actor_keyword="reactivated_by",
        title="Reactivate this account",
        button_text="Reactivate",
        done="Account reactivated",
    )


@for_administrators
def mfa_reset(request: HttpRequest, pk: UUID) -> HttpResponse:
    return _account_action(
        request,
        pk,
        service=staff_mfa_reset,
        actor_keyword="reset_by",
        title="Reset two-factor authentication",
        button_text="Reset two-factor authentication",
        done="Two-factor authentication reset. They set it up again when they next sign in.",
        warning=True,
        intro=(
            "Do this when someone has lost their phone. Their authenticator app and recovery "
            "codes stop working, and they are signed out."
        ),
    )


@for_administrators
def setup_link(request: HttpRequest, pk: UUID) -> HttpResponse:
    member = staff_member_for(_actor(request), pk).user
    if request.method != "POST":
        return redirect("staff:detail", member.pk)
    try:
        link = staff_setup_link_send(user=member, sent_by=request.user, site_url=_site_url(request))
    except StaffChangeRefusedError as refused:
        messages.error(request, " ".join(refused.problems.values()))
        return redirect("staff:detail", member.pk)
    return render(
        request,
        "staff/setup_link.html",
        {
            "member": member,
            "link": link,
            "mail_configured": mail_configured(),
            "heading": "New set-up link",
        },
    )


@for_administrators
def profile_edit(request: HttpRequest, pk: UUID) -> HttpResponse:
    """A worker's specialisms, languages, gender, patch and capacity (seed 002 Lot 1 s3.7)."""
    member = staff_member_for(_actor(request), pk).user
    current = staff_profile_of(member)
    form = StaffProfileForm(
        request.POST if request.method == "POST" else None,
        initial={
            "specialisms": sorted(current.specialisms),
            "languages": "\n".join(current.languages),
            "gender": current.gender,
            "areas": "\n".join(current.areas),
            "max_open_cases": current.max_open_cases,
            "high_risk_per_year": current.high_risk_per_year,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            staff_profile_update(
                user=member,
                changed_by=request.user,
                specialisms=form.cleaned_data["specialisms"],
                languages=form.cleaned_data["languages"],
                gender=form.cleaned_data["gender"],
                areas=form.cleaned_data["areas"],
                max_open_cases=form.cleaned_data["max_open_cases"],
                high_risk_per_year=form.cleaned_data["high_risk_per_year"],
            )
        except StaffChangeRefusedError as refused:
            _refused(form, refused)
        else:
            messages.success(request, "Profile saved")
            return redirect("staff:detail", member.pk)
    return render(
        request,
        "staff/reason_form.html",
        {
            "form": form,
            "member": member,
            "title": "Change allocation profile",
            "button_text": "Save",
            "fields": list(form.fields),
            "intro": "Team leaders see this when they allocate cases: suggestions weigh "
            "specialisms, languages, gender, areas and caseload.",
        },
    )


@for_administrators
def team_rule(request: HttpRequest, team_pk: UUID) -> HttpResponse:
    """How a team's cases from the police workbook import are allocated (issue 13 item 13)."""
    team = team_administered_by(_actor(request), team_pk)
    form = TeamImportRuleForm(
        request.POST if request.method == "POST" else None,
        initial={"rule": team.import_allocation},
    )
    if request.method == "POST" and form.is_valid():
        try:
            team_import_allocation_set(
                team=team, rule=form.cleaned_data["rule"], changed_by=request.user
            )
        except StaffChangeRefusedError as refused:
            _refused(form, refused)
        else:
            messages.success(request, f"Import rule saved for {team.name}")
            return redirect("staff:list")
    return render(request, "staff/team_rule.html", {"form": form, "team": team})
