"""The "Subject access requests" section of the person's page (haven.people.sections): staff who
may see the person learn only that a request exists (how many, open or closed, when received);
the data protection officer gets links to them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse

from haven.people.sections import PersonSection, render_person_section
from haven.subjectaccess.selectors import sars_of_person

if TYPE_CHECKING:
    from django.http import HttpRequest

    from haven.people.selectors import ReadablePerson

ORDER = 80


def build(request: HttpRequest, readable: ReadablePerson) -> PersonSection | None:
    sars = list(sars_of_person(readable.person))
    if not sars:
        return None
    open_sars = [sar for sar in sars if sar.is_open]
    html = render_person_section(
        request,
        "subjectaccess/_person_section.html",
        {
            "open_count": len(open_sars),
            "closed_count": len(sars) - len(open_sars),
            "latest": open_sars[0] if open_sars else None,
        },
    )
    links: tuple[tuple[str, str], ...] = ()
    if request.user.has_perm("subjectaccess.run_sar"):
        links = tuple(
            (
                f"Subject access request received {sar.received_on:%-d %B %Y}",
                reverse("subjectaccess:detail", args=[sar.pk]),
            )
            for sar in sars
        )
    return PersonSection(order=ORDER, html=html, links=links)
