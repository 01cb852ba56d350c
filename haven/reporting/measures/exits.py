"""How cases end: why people could not be contacted (seed 002 Lot 1 s7 "reasons why not able
to be contacted", from the contact rules of s3.7).

Counting rule: the cases opened in the period whose first-contact outcome is "not contactable"
(`contact.first_contact_outcome_of`), each read as it stands when the return is run; the
reason recorded when the case was closed as not contactable is the `not_contactable_reason`
breakdown ("Not known" where none was recorded).
"""

from __future__ import annotations

from haven.reporting.measures.base import Figure, MeasureContext, computation
from haven.reporting.measures.contact import first_contact_outcome


@computation("exits_not_contactable")
def exits_not_contactable(ctx: MeasureContext) -> Figure:
    """Cases opened in the period that could not be contacted (break down by
    `not_contactable_reason` for the reasons)."""
    return first_contact_outcome(ctx, "not_contactable", as_count=True)
