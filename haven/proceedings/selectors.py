"""Reads of legal proceedings, always through a case the viewer was already given."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from haven.casework.models import Case
from haven.proceedings.models import Proceeding


def proceedings_for(case: Case) -> QuerySet[Proceeding]:
    """The case's proceedings, latest started first."""
    return Proceeding.objects.filter(case=case)


def proceeding_on(case: Case, proceeding_id: Any) -> Proceeding:
    """One proceeding of the case (404 for any other, so ids of other cases find nothing)."""
    try:
        return Proceeding.objects.select_related("case").get(case=case, pk=proceeding_id)
    except Proceeding.DoesNotExist as missing:
        raise Http404 from missing
