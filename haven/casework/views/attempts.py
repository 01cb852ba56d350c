"""Record a contact attempt, with the safe-contact check before anything is saved."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from haven.casework.forms.attempts import ContactAttemptForm
from haven.casework.safety import preferences_of
from haven.casework.selectors import VisibleCase
from haven.casework.services import SafeContactBlockedError, contact_attempt_record
from haven.casework.views.case_access import case_url, with_case
from haven.casework.views.rendering import render_page
from haven.people.safe_contact import unsafe_channels


@with_case(change=True)
def attempt_record(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    case = visible.case
    form = ContactAttemptForm(
        request.POST if request.method == "POST" else None, initial={"attempted_at": timezone.now()}
    )
    blocked: list[str] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            contact_attempt_record(
                case=case,
                channel=data["channel"],
                direction=data["direction"],
                outcome=data["outcome"],
                attempted_at=data["attempted_at"],
                recorded_by=request.user,
                notes=data["notes"],
                override_reason=form.override_reason_value(),
            )
        except ValidationError as problems:  # an implausible time or text, by field
            form.add_problems(problems)
        except SafeContactBlockedError as blocked_error:
            blocked = blocked_error.reasons
            form.add_error("override", "This channel is not safe now: " + "; ".join(blocked))
        else:
            messages.success(request, "Contact attempt recorded")
            return redirect(case_url(visible))
    context = {
        "form": form,
        "case": case,
        "blocked": blocked,
        "always_unsafe": unsafe_channels(preferences_of(case.person)),
    }
    return render_page(request, "casework/attempt_form.html", context)
