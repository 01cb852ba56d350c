"""Record a contact attempt, with the safe-contact check before anything is saved."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from haven.accounts.signed_in import staff_user
from haven.casework.forms.attempts import ContactAttemptForm
from haven.casework.forms.waiting_list import waiting_values
from haven.casework.models import Channel
from haven.casework.rules import attempt_refusal
from haven.casework.safety import preferences_of
from haven.casework.selectors import VisibleCase
from haven.casework.services import (
    AttemptRefusedError,
    CaseClosedError,
    SafeContactBlockedError,
    contact_attempt_record,
    success_state_choices,
)
from haven.casework.views.case_access import case_url, with_case
from haven.casework.views.rendering import render_page
from haven.people.safe_contact import unsafe_channels

# safe-contact checks also name voicemail, which is an outcome of a phone call, not a channel
CHANNEL_NAMES = dict(Channel.choices) | {"voicemail": "Voicemail"}


@with_case(change=True)
def attempt_record(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    case = visible.case
    closed = attempt_refusal(case)
    if closed:  # casework.rules: a closed case takes only a follow-up contact
        messages.info(request, closed)
        return redirect(case_url(visible))
    form = ContactAttemptForm(
        request.POST if request.method == "POST" else None,
        initial={"attempted_at": timezone.now()},
        next_states=success_state_choices(case),
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
                recorded_by=staff_user(request),
                notes=data["notes"],
                override_reason=form.override_reason_value(),
                next_state=data.get("next_state") or "",
                waiting_reason=waiting_values(form).get("waiting_reason", ""),
                waiting_detail=waiting_values(form).get("waiting_detail", ""),
            )
        except CaseClosedError as refused:
            messages.info(request, str(refused))
            return redirect(case_url(visible))
        except AttemptRefusedError as refused:
            field = refused.field if refused.field in form.fields else None
            form.add_error(field, str(refused))
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
        # by the channel's name as the form shows it ("Text message (SMS)", not "Sms")
        "always_unsafe": {
            CHANNEL_NAMES.get(channel, channel.capitalize()): reasons
            for channel, reasons in unsafe_channels(preferences_of(case.person)).items()
        },
    }
    return render_page(request, "casework/attempt_form.html", context)
