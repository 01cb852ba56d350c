"""The workforce plan's pages (seed 004 s10: vacancy, plan vs actual): an organisation's posts
with who fills them and since when they are vacant, and the forms that add, change and end a
post. For the organisation's team leaders and service managers, as the staff records are."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from haven.accounts.signed_in import staff_user
from haven.casework.views.rendering import render_page
from haven.core.read_audit import audit_list_view, audits_reads, shows_page
from haven.workforce.forms import PostCloseForm, PostForm
from haven.workforce.plan import (
    establishment_post_close,
    establishment_post_create,
    establishment_post_update,
)
from haven.workforce.selectors import organisation_for_records, plan_lines, post_to_keep


@audits_reads
@login_required
def posts(request: HttpRequest, organisation_id: Any) -> HttpResponse:
    """The organisation's workforce plan: posts, planned FTE, who fills them, vacant since."""
    organisation = organisation_for_records(request.user, organisation_id)
    lines = plan_lines(organisation.pk, timezone.localdate())
    response = render_page(
        request, "workforce/posts.html", {"organisation": organisation, "lines": lines}
    )
    if shows_page(response):  # the holders are named
        audit_list_view(
            user=request.user,
            object_type="workforce.staffmember",
            shown=[holder.pk for line in lines for holder in line.holders],
            page="workforce:posts",
        )
    return response


@login_required
def post_add(request: HttpRequest, organisation_id: Any) -> HttpResponse:
    """Add a post to the plan."""
    organisation = organisation_for_records(request.user, organisation_id)
    form = PostForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: establishment_post_create(
                organisation=organisation,
                title=data["title"],
                contract_type=data["contract_type"],
                fte=data["fte"],
                valid_from=data["valid_from"],
                valid_to=data["valid_to"],
                created_by=staff_user(request),
            )
        ):
            messages.success(request, "Post added to the plan")
            return redirect("workforce:posts", organisation.pk)
    return _post_page(request, form, organisation=organisation, title="Add a post")


@login_required
def post_edit(request: HttpRequest, record_id: Any) -> HttpResponse:
    """Change a post of the plan (title, contract type, planned FTE, dates)."""
    post = post_to_keep(request.user, record_id)
    initial = {
        "title": post.title,
        "contract_type": post.contract_type,
        "fte": str(post.fte),
        "valid_from": post.valid_from,
        "valid_to": post.valid_to,
    }
    form = PostForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: establishment_post_update(
                post=post,
                title=data["title"],
                contract_type=data["contract_type"],
                fte=data["fte"],
                valid_from=data["valid_from"],
                valid_to=data["valid_to"],
                updated_by=staff_user(request),
            )
        ):
            messages.success(request, "Post changed")
            return redirect("workforce:posts", post.organisation_id)
    return _post_page(request, form, organisation=post.organisation, title="Change a post")


@login_required
def post_close(request: HttpRequest, record_id: Any) -> HttpResponse:
    """End a post: it leaves the plan after its last day."""
    post = post_to_keep(request.user, record_id)
    form = PostCloseForm(
        request.POST if request.method == "POST" else None,
        initial={"closed_on": post.valid_to or timezone.localdate()},
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved_by(
            lambda: establishment_post_close(
                post=post, closed_on=form.cleaned_data["closed_on"], closed_by=staff_user(request)
            )
        )
    ):
        messages.success(request, "Post ended")
        return redirect("workforce:posts", post.organisation_id)
    return _post_page(
        request, form, organisation=post.organisation, title=f"End the post: {post.title}"
    )


def _post_page(request: HttpRequest, form: Any, *, organisation: Any, title: str) -> HttpResponse:
    return render_page(
        request,
        "workforce/post_form.html",
        {"form": form, "organisation": organisation, "title": title},
    )
