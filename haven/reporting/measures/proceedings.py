"""Legal proceedings: successful prosecutions (seed 000 s6) and criminal and civil justice system
involvement (seed 001 Lot 4 s14), over `ProceedingFact`s (proceedings.Proceeding).

Counting rules:
- A successful prosecution is a criminal prosecution whose outcome is a conviction, by guilty
  plea or found guilty at trial (as the CPS counts a prosecution successful when it ends in a
  conviction); it is placed in the period by the date of that outcome (`outcome_on`). Acquittals,
  discontinuance and no further action are not successful; "charged" is not an outcome yet.
- Justice system involvement: the cases with a proceeding going on at some time in the period
  (started on or before its last day, and with no final outcome before its first day), each
  counted once; `system` narrows it to criminal (prosecutions, restraining orders) or civil
  (civil orders, DVPN/DVPO, family court) proceedings.
"""

from __future__ import annotations

from haven.reporting.facts import ProceedingFact
from haven.reporting.measures.base import Figure, MeasureContext, computation, count

# proceedings.models: CONVICTIONS, JUSTICE_SYSTEM (measures import no Django)
PROSECUTION = "criminal_prosecution"
# seed 000 s6 "the number of successful prosecutions": a conviction
CONVICTIONS = frozenset({"guilty_plea", "found_guilty"})
CRIMINAL_KINDS = frozenset({"criminal_prosecution", "restraining_order"})
SYSTEMS = ("criminal", "civil")
INTERIM_OUTCOMES = frozenset({"charged"})


def system_of(proceeding: ProceedingFact) -> str:
    return "criminal" if proceeding.kind in CRIMINAL_KINDS else "civil"


def going_on_in(proceeding: ProceedingFact, ctx: MeasureContext) -> bool:
    """Started by the period's last day and not finished before its first."""
    period = ctx.period
    if proceeding.started_on > period.last:
        return False
    finished = proceeding.outcome_on if proceeding.status == "concluded" else None
    return finished is None or finished >= period.first


@computation("proceedings_successful_prosecutions", needs=("proceedings",))
def successful_prosecutions(ctx: MeasureContext) -> Figure:
    """Prosecutions ending in a conviction (guilty plea or found guilty) in the period."""
    first, last = ctx.period.first, ctx.period.last
    return count(
        "proceeding",
        (
            p.id
            for p in ctx.facts.proceedings
            if p.kind == PROSECUTION
            and p.outcome in CONVICTIONS
            and p.outcome_on is not None
            and first <= p.outcome_on <= last
        ),
    )


@computation("proceedings_justice_involvement", params=("system",), needs=("proceedings",))
def justice_involvement(ctx: MeasureContext, system: str | None = None) -> Figure:
    """Cases with a proceeding (of `system`: criminal or civil, both without) going on in the
    period, each counted once."""
    if system is not None and system not in SYSTEMS:
        raise ValueError(f"system must be one of {', '.join(SYSTEMS)}")
    return count(
        "case",
        (
            p.case_id
            for p in ctx.facts.proceedings
            if going_on_in(p, ctx) and (system is None or system_of(p) == system)
        ),
    )
