"""Reads of support sessions, always through a case the viewer was already given."""

from __future__ import annotations

from django.db.models import QuerySet

from haven.casework.models import Case
from haven.support.models import SupportSession


def sessions_for(case: Case) -> QuerySet[SupportSession]:
    """The case's sessions, latest first, with who delivered them."""
    return SupportSession.objects.filter(case=case).select_related("delivered_by")
