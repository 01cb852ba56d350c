"""How cases end: why people could not be contacted (seed 002 Lot 1 s7 "reasons why not able
to be contacted", from the contact rules of s3.7).

Counting rule: the cases opened in the period whose first-contact outcome is "not contactable"
(`contact.first_contact_outcome_of`), each read as it stands when the return is run; the
reason recorded when the case was closed as not contactable is the `not_contactable_reason`
breakdown ("Not known" where none was recorded).
"""

from __future__ import annotations

from haven.reporting.measures.base import Figure, MeasureContext, computation, count
from haven.reporting.measures.contact import (
    _cases_with,
    _final_letter_sent,
    first_contact_outcome_of,
)


@computation("exits_not_contactable")
def exits_not_contactable(ctx: MeasureContext) -> Figure:
    """Cases opened in the period that could not be contacted (break down by
    `not_contactable_reason` for the reasons)."""
    opened = [c for c in ctx.facts.cases if ctx.period.contains(c.opened_at)]
    assessed = _cases_with(ctx, ctx.facts.needs_assessments, "assessed_at")
    referred_on = _cases_with(ctx, ctx.facts.onward_referrals, "made_at")
    final_letter = _final_letter_sent(ctx)
    return count(
        "case",
        (
            c.id
            for c in opened
            if first_contact_outcome_of(c, assessed, referred_on, final_letter) == "not_contactable"
        ),
    )
