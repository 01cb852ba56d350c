"""Safe Home figures (seed 001 Lot 2 s8 outcomes and outputs, s14 data monitoring set), over
`HousingSituationFact`s and `SafeHomeOutcomeFact`s (haven/housing).

Counting rules (Haven's readings; each is also in the measure's note in
contracts/profiles/leicester-safehome-2012.yaml):
- Independent living is a home of one's own: tenure owner occupier, private rented or social
  rented (council or housing association). Family or friends, temporary or supported
  accommodation, refuge, homeless and other are not.
- Outputs (own homes secured, transfers, ...): Safe Home outcomes of the kind achieved in the
  period (by `achieved_on`); interventions are all of them, by kind.
- Tenure at entry: cases opened in the period, by their tenure at entry; tenure at exit: cases
  closed in the period, by their tenure at exit ("Not known" where none is recorded).
- Maintained independent living: of the cases closed in the period that were living
  independently at entry and have a tenure at exit, those still living independently at exit.
- Moved on to independent living: of the cases closed in the period that were not living
  independently at entry and have a tenure at exit, those living independently at exit.
- Timely move on (s8 "timely move on where there has been disruption to own home"; s3 "timely
  move on from any temporary accommodation to sustainable independent living"): of the cases
  closed in the period whose survivor had to leave their home (`left_home_on`) and have a
  tenure at exit, those living independently at exit who settled there (`settled_on`) within
  `weeks` (default 26) of leaving.
"""

from __future__ import annotations

from haven.reporting.facts import CaseFact, HousingSituationFact
from haven.reporting.measures.base import Figure, MeasureContext, computation, count, percentage

# housing.models: INDEPENDENT_TENURES, SafeHomeOutcomeKind (measures import no Django)
INDEPENDENT_TENURES = frozenset(
    {"owner_occupier", "private_rented", "social_rented_council", "social_rented_ha"}
)
OUTCOME_KINDS = frozenset(
    {
        "own_home_secured",
        "sanctuary",
        "perpetrator_alternative",
        "homelessness_application",
        "housing_transfer",
        "private_rental",
        "temporary_supported",
        "other",
    }
)
TIMELY_WEEKS = 26


def _closed(ctx: MeasureContext) -> list[CaseFact]:
    return [c for c in ctx.facts.cases if ctx.period.contains(c.closed_at)]


def _closed_with_exit(ctx: MeasureContext) -> list[tuple[CaseFact, HousingSituationFact]]:
    housing = ctx.facts.housing_by_case
    pairs = []
    for case in _closed(ctx):
        situation = housing.get(case.id)
        if situation is not None and situation.exit_tenure:
            pairs.append((case, situation))
    return pairs


def independent(tenure: str) -> bool:
    return tenure in INDEPENDENT_TENURES


@computation("safe_home_outcomes", params=("kind",), needs=("housing",))
def safe_home_outcomes(ctx: MeasureContext, kind: str | None = None) -> Figure:
    """Safe Home outcomes (of `kind`; all of them without) achieved in the period (seed 001 Lot
    2 s8 outputs; s14 "interventions")."""
    if kind is not None and kind not in OUTCOME_KINDS:
        raise ValueError(f"kind must be one of {', '.join(sorted(OUTCOME_KINDS))}")
    first, last = ctx.period.first, ctx.period.last
    return count(
        "safe_home_outcome",
        (
            o.id
            for o in ctx.facts.safe_home_outcomes
            if first <= o.achieved_on <= last and (kind is None or o.kind == kind)
        ),
    )


@computation("housing_tenure_at_entry", needs=("housing",))
def housing_tenure_at_entry(ctx: MeasureContext) -> Figure:
    """Cases opened in the period (break down by `tenure_at_entry`; seed 001 Lot 2 s14)."""
    return count("case", (c.id for c in ctx.facts.cases if ctx.period.contains(c.opened_at)))


@computation("housing_tenure_at_exit", needs=("housing",))
def housing_tenure_at_exit(ctx: MeasureContext) -> Figure:
    """Cases closed in the period (break down by `tenure_at_exit`; seed 001 Lot 2 s14)."""
    return count("case", (c.id for c in _closed(ctx)))


@computation("maintained_independent_living", needs=("housing",))
def maintained_independent_living(ctx: MeasureContext) -> Figure:
    """Of the cases closed in the period living independently at entry (with a tenure at exit),
    those living independently at exit too (seed 001 Lot 2 s8)."""
    pairs = [(c, h) for c, h in _closed_with_exit(ctx) if independent(h.entry_tenure)]
    return percentage(
        "case", (c.id for c, h in pairs if independent(h.exit_tenure)), (c.id for c, _ in pairs)
    )


@computation("moved_on_independent_living", needs=("housing",))
def moved_on_independent_living(ctx: MeasureContext) -> Figure:
    """Of the cases closed in the period not living independently at entry (with a tenure at
    exit), those living independently at exit (seed 001 Lot 2 s8)."""
    pairs = [(c, h) for c, h in _closed_with_exit(ctx) if not independent(h.entry_tenure)]
    return percentage(
        "case", (c.id for c, h in pairs if independent(h.exit_tenure)), (c.id for c, _ in pairs)
    )


@computation("timely_move_on", params=("weeks",), needs=("housing",))
def timely_move_on(ctx: MeasureContext, weeks: int = TIMELY_WEEKS) -> Figure:
    """Of the cases closed in the period whose survivor had to leave their home, those settled
    in independent living within `weeks` of leaving (seed 001 Lot 2 s3, s8)."""
    if not isinstance(weeks, int) or isinstance(weeks, bool) or weeks < 1:
        raise ValueError("weeks must be a whole number of weeks, 1 or more")
    pairs = [(c, h) for c, h in _closed_with_exit(ctx) if h.left_home_on is not None]
    timely = (
        c.id
        for c, h in pairs
        if independent(h.exit_tenure)
        and h.settled_on is not None
        and h.left_home_on is not None
        and (h.settled_on - h.left_home_on).days <= weeks * 7
    )
    return percentage("case", timely, (c.id for c, _ in pairs))
