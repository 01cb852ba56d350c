"""MARAC figures over `MaracReferralFact`s and `MaracHearingFact`s (haven.marac): referrals made
(seed 001 Lot 3 s8 "Number of MARAC referrals made"; seed 004 s10 A7 "Number of referrals to
MARAC"), attendance (seed 004 s10 SA4 "Attendance at MARAC", s6.7 "attend all the local MARACs to
represent the victim"), and a quarterly set shaped like the SafeLives Marac data set (cases
heard, repeats as a share of them, referrals by referring agency) for any profile to use.

Counting rules:
- A referral belongs to the period in which it was referred (`referred_on`); `repeat` narrows
  to repeats (reference.md s1.4) or first referrals, `agencies` to the referring agencies given.
- A case heard belongs to the period of its meeting (`held_on`); a case heard at two meetings in
  the period counts twice, as MARACs count cases heard, including repeats (reference.md s2).
- Attendance counts the cases heard in the period at which the service represented the victim.
- New incidents (marac.Incident, recorded on a case after its referral: a further incident of
  abuse) belong to the period they occurred in (`occurred_on`); each counts.
"""

from __future__ import annotations

from haven.reporting.facts import MaracHearingFact
from haven.reporting.measures.base import Figure, MeasureContext, computation, count, percentage

NEEDS = ("marac",)


@computation("marac_referrals", params=("repeat", "agencies"), needs=NEEDS)
def marac_referrals(
    ctx: MeasureContext, repeat: bool | None = None, agencies: list[str] | None = None
) -> Figure:
    """MARAC referrals made in the period (optionally only repeats or only first referrals,
    or from the referring agencies given)."""
    return count(
        "marac_referral",
        (
            r.id
            for r in ctx.facts.marac_referrals
            if ctx.period.first <= r.referred_on <= ctx.period.last
            and (repeat is None or r.is_repeat == repeat)
            and (agencies is None or r.referring_agency in agencies)
        ),
    )


def _heard(ctx: MeasureContext) -> list[MaracHearingFact]:
    first, last = ctx.period.first, ctx.period.last
    return [h for h in ctx.facts.marac_hearings if first <= h.held_on <= last]


@computation("marac_cases_heard", params=("agencies",), needs=NEEDS)
def marac_cases_heard(ctx: MeasureContext, agencies: list[str] | None = None) -> Figure:
    """Cases heard at a MARAC in the period, repeats included (SafeLives Marac data set: cases
    discussed); `agencies` narrows to those the given agencies referred."""
    return count(
        "marac_hearing",
        (h.id for h in _heard(ctx) if agencies is None or h.referring_agency in agencies),
    )


@computation("marac_repeat_share", needs=NEEDS)
def marac_repeat_share(ctx: MeasureContext) -> Figure:
    """Repeat cases as a share of the cases heard in the period (SafeLives Marac data set:
    repeat rate; reference.md s1.4 repeat = within 12 months of the last referral)."""
    heard = _heard(ctx)
    return percentage("marac_hearing", (h.id for h in heard if h.is_repeat), (h.id for h in heard))


@computation("marac_attendance", needs=NEEDS)
def marac_attendance(ctx: MeasureContext) -> Figure:
    """seed 004 s10 SA4, s6.7: the contract's cases heard at a MARAC in the period at which the
    service represented the victim."""
    return count("marac_hearing", (h.id for h in _heard(ctx) if h.idva_represented))


@computation("incidents_recorded", params=("repeat_marac",), needs=NEEDS)
def incidents_recorded(ctx: MeasureContext, repeat_marac: bool | None = None) -> Figure:
    """New incidents recorded on the contract's cases that occurred in the period (seed 001 Lot
    4 s8 "Number of repeat incidents of DV"); `repeat_marac` narrows to those within 12 months
    of the person's last MARAC referral (reference.md s1.4) or the others."""
    return count(
        "incident",
        (
            i.id
            for i in ctx.facts.marac_incidents
            if ctx.period.first <= i.occurred_on <= ctx.period.last
            and (repeat_marac is None or i.repeat_marac is repeat_marac)
        ),
    )
