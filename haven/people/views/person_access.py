"""The one way a person's pages get their person: scoped, and restricted-aware like case pages."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse

from haven.access.errors import ReasonRequiredError
from haven.access.http import reason_redirect
from haven.accounts.signed_in import staff_user
from haven.core.read_audit import audits_reads, shows_page
from haven.people.selectors import person_for_reading
from haven.people.services import person_view_record

PersonView = Callable[..., HttpResponse]


def with_person() -> Callable[[PersonView], PersonView]:
    """Resolve `person_id` to a ReadablePerson; a person restricted for this user sends them to
    the reason form of their restricted case first (back here after). Every page shown is
    audited as a read of the person (a form shown again with errors too), under a reason with
    that reason."""

    def decorate(view: PersonView) -> PersonView:
        @audits_reads
        @wraps(view)
        def wrapper(
            request: HttpRequest, person_id: Any, *args: Any, **kwargs: Any
        ) -> HttpResponse:
            try:
                readable = person_for_reading(request.user, person_id)
            except ReasonRequiredError as restricted:
                # as the case page: ask why before showing anything about the person
                return reason_redirect(request, restricted.case_id)
            response = view(request, readable, *args, **kwargs)
            if shows_page(response):
                person_view_record(
                    person=readable.person, viewed_by=staff_user(request), grant=readable.grant
                )
            return response

        return wrapper

    return decorate
