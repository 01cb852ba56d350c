"""Training, awareness sessions and community events the service delivered (issue 16 item 2),
over the optional "events" facts (haven/events).

Counting rules:
- An event counts in the period its `starts_at` falls in, once delivered; scheduled and
  cancelled events never count (seed 001 Lot 1 s8 "sessions delivered", "events held").
- `kinds` says which kinds of event a measure counts: training & awareness sessions (seed 001
  Lot 1 s8; Lot 4 s8 "training sessions delivered to local practitioners or public") are
  training, awareness, school_session and conference_talk; community events (Lot 1 s8, Lot 4
  s8) are community_event and stall_drop_in (Lot 1 s4 "drop in sessions in local communities").
- Awareness raised (seed 001 Lot 1 s8 "Increased awareness of domestic violence locally amongst
  practitioners and the public"): of the feedback forms returned at the period's delivered
  events for the `audiences` given, the share saying the `question` (awareness: awareness or
  knowledge increased; confidence: more confident to act) was answered yes.
"""

from __future__ import annotations

from collections.abc import Iterable

from haven.reporting.measures.base import Figure, MeasureContext, computation, count, percentage

EVENT_KINDS = frozenset(
    {
        "training",
        "awareness",
        "school_session",
        "community_event",
        "stall_drop_in",
        "conference_talk",
    }
)
AUDIENCES = frozenset({"practitioners", "public", "young_people", "parents", "service_staff"})
QUESTIONS = frozenset({"awareness", "confidence"})


def _checked(values: Iterable[str] | None, known: frozenset[str], name: str) -> frozenset[str]:
    if values is None:
        return known
    chosen = frozenset(values)
    if not chosen or chosen - known:
        raise ValueError(f"{name} must be some of {', '.join(sorted(known))}")
    return chosen


@computation("events_delivered", params=("kinds", "audiences"), needs=("events",))
def events_delivered(
    ctx: MeasureContext,
    kinds: Iterable[str] | None = None,
    audiences: Iterable[str] | None = None,
) -> Figure:
    """Events delivered in the period (by `starts_at`), of the `kinds` and `audiences` given."""
    wanted = _checked(kinds, EVENT_KINDS, "kinds")
    for_whom = _checked(audiences, AUDIENCES, "audiences")
    start, end = ctx.period.start, ctx.period.end
    return count(
        "event",
        (
            e.id
            for e in ctx.facts.events
            if start <= e.starts_at < end and e.kind in wanted and e.audience in for_whom
        ),
    )


@computation("event_feedback_share", params=("question", "audiences"), needs=("events",))
def event_feedback_share(
    ctx: MeasureContext, question: str = "awareness", audiences: Iterable[str] | None = None
) -> Figure:
    """Of the feedback forms returned at the period's delivered events (for `audiences`), the
    share answering yes to `question`."""
    if question not in QUESTIONS:
        raise ValueError(f"question must be one of {', '.join(sorted(QUESTIONS))}")
    for_whom = _checked(audiences, AUDIENCES, "audiences")
    start, end = ctx.period.start, ctx.period.end
    answers = [
        a
        for a in ctx.facts.event_feedback
        if a.question == question and a.audience in for_whom and start <= a.starts_at < end
    ]
    return percentage(
        "event_feedback", (a.id for a in answers if a.said_yes), (a.id for a in answers)
    )
