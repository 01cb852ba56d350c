"""A person's page: reference code, details, safe contact, flags, household. Reads are audited."""

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from haven.people.choices import CHANNEL_LABELS
from haven.people.safe_contact import unsafe_channels
from haven.people.sections import person_sections
from haven.people.selectors import (
    ReadablePerson,
    cases_of_person,
    current_and_past_flags,
    household_of,
    referrals_of_person,
)
from haven.people.views.person_access import with_person


@login_required
@permission_required("people.view_person", raise_exception=True)
@with_person()
def person_detail(request: HttpRequest, readable: ReadablePerson) -> HttpResponse:
    person = readable.person
    safe_contact = person.safe_contact_or_default()
    current_flags, past_flags = current_and_past_flags(person)
    context = {
        "person": person,
        "age": person.age(timezone.localdate()),
        "safe_contact": safe_contact,
        "blocked_channels": [
            (CHANNEL_LABELS[channel], reasons)
            for channel, reasons in unsafe_channels(safe_contact.preferences()).items()
        ],
        "safe_windows": [window.describe() for window in safe_contact.windows()],
        "current_flags": current_flags,
        "past_flags": past_flags,
        "household": household_of(person, request.user),
        "can_change": request.user.has_perm("people.change_person"),
        "cases": cases_of_person(request.user, person),
        "referrals": referrals_of_person(request.user, person),
        "can_refer": request.user.has_perm("referrals.create_referral"),
        # the sections of the apps above people (people/sections.py)
        "sections": person_sections(request, readable),
    }
    return render(request, "people/person_detail.html", context)
