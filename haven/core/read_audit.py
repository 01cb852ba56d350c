"""Read auditing for views: every response that shows a person's data writes a 'Viewed' event.

The record decorators (``with_case``, ``with_person``, ``with_note``, ``with_referral``) audit the
read after the view has answered with a page, whatever the method: a GET, and a POST whose form
comes back with errors (it shows the record again). A redirect shows nothing, and the write it
follows is audited by its service. Views that audit in their own body (lists, searches) are
marked with ``audits_reads``. ``core/tests/test_read_audit.py`` requires one or the other of
every Haven URL pattern, or a reason it shows no one's data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.http import HttpResponse

from haven.core.auditor import audit_event
from haven.core.models import AuditAction

AUDITS_READS = "audits_reads"


def audits_reads[V: Callable[..., Any]](view: V) -> V:
    """Mark a view that audits every page it shows (``functools.wraps`` carries the mark out
    through ``login_required`` and the other decorators)."""
    setattr(view, AUDITS_READS, True)
    return view


def shows_page(response: HttpResponse) -> bool:
    """The response is a page (not a redirect, a refusal or a file)."""
    return response.status_code == 200 and not response.streaming


def audit_list_view(*, user: Any, object_type: str, shown: Iterable[Any], page: str) -> None:
    """A page listing several records (a worklist, the referral queue, likely duplicates):
    one 'Viewed' event naming the page and the ids shown on it."""
    audit_event(
        actor=user,
        action=AuditAction.VIEW,
        object_type=object_type,
        changes={"page": page, "shown": [str(pk) for pk in shown]},
    )


def audit_record_view(*, user: Any, target: Any, shown: Iterable[Any] = ()) -> None:
    """One record's page was shown (with the ids of other people it names, if any)."""
    ids = [str(pk) for pk in shown]
    audit_event(
        actor=user, action=AuditAction.VIEW, target=target, changes={"shown": ids} if ids else {}
    )


def audit_list_export(
    *, user: Any, object_type: str, exported: Iterable[Any], page: str, fmt: str, filters: Any
) -> None:
    """A list was downloaded (CSV or XLSX): one 'Exported' event naming the list, the format,
    the filters and the id of every record in the file."""
    ids = [str(pk) for pk in exported]
    audit_event(
        actor=user,
        action=AuditAction.EXPORT,
        object_type=object_type,
        changes={
            "page": page,
            "format": fmt.upper(),
            "rows": len(ids),
            "filters": filters,
            "exported": ids,
        },
    )
