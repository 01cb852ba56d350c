"""The front door (issue 14; haven/portal), over the optional "quick_questions" facts.

Counting rules:
- A quick question is counted in the period it was asked (seed 002 s3.6: "a 'quick questions'
  online facility ... not a formal support mechanism"): Victim First's return shows them as
  their own type beside the s3.6 referral routes.
- Initial requests for service (seed 004 s10 A0) are Haven's reading: every referral received
  in the period (any route), every quick question asked in it, and every web chat booked in it
  without a referral. A chat booked with a self-referral is part of that referral, so it is
  not counted twice. Enquiries by phone that never become a referral are not recorded.
"""

from __future__ import annotations

from haven.reporting.measures.base import Figure, MeasureContext, computation, count


@computation("quick_questions_asked", needs=("quick_questions",))
def quick_questions_asked(ctx: MeasureContext) -> Figure:
    """Quick questions asked online in the period (seed 002 s3.6)."""
    return count(
        "quick_question",
        (q.id for q in ctx.facts.quick_questions if ctx.period.contains(q.asked_at)),
    )


@computation("initial_requests", needs=("quick_questions",))
def initial_requests(ctx: MeasureContext) -> Figure:
    """Referrals received, quick questions asked and web chats booked without a referral in the
    period (seed 004 s10 A0 "Number of initial requests for service")."""
    return count(
        "initial_request",
        (r.id for r in ctx.facts.initial_requests if ctx.period.contains(r.at)),
    )
