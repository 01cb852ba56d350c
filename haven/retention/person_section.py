"""The person page's section: legal holds and erasure requests (for the data protection officer)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse

from haven.people.sections import PersonSection, render_person_section
from haven.retention import selectors

if TYPE_CHECKING:
    from django.http import HttpRequest

    from haven.people.selectors import ReadablePerson

ORDER = 80


def build(request: HttpRequest, readable: ReadablePerson) -> PersonSection | None:
    if not request.user.has_perm("retention.manage"):
        return None
    person = readable.person
    context = {
        "holds": list(selectors.holds_on(person)),
        "requests": list(selectors.erasure_requests_of(person)),
        "anonymisation": selectors.anonymisation_of(person),
    }
    html = render_person_section(request, "retention/_person_section.html", context)
    return PersonSection(
        order=ORDER,
        html=html,
        links=(
            ("Place a legal hold", reverse("retention:hold_new", args=[person.pk])),
            ("Log an erasure request", reverse("retention:request_new", args=[person.pk])),
        ),
    )
