"""Demo training, awareness sessions and community events over the demo's two years (issue 16
item 2), from their own random stream: most under the Leicester contracts (seed 001 Lot 1 s4,
Lot 4 s4), a few for the others. The service's own records, about no one: the casework build
and its same-seed snapshot are untouched. Synthetic titles and venues only.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from typing import Any

from django.utils import timezone

from haven.accounts.models import Membership
from haven.contracts.models import Contract
from haven.events.models import AgencyAttendance, Event, EventStatus, PractitionerAgency
from haven.events.rules import RECORD_ROLES

STREAM = 34  # this part's own random stream: seed + STREAM
QUARTERS = 8  # the demo's two years of history
# (kind, title, location type, venue, audience, length in minutes)
TRAINING = (
    (
        "training",
        "Domestic abuse awareness for practitioners",
        "workplace",
        "Synthetic Council Offices",
        "practitioners",
        180,
    ),
    (
        "training",
        "Risk identification (DASH) for frontline staff",
        "gp_practice",
        "Synthetic Health Centre",
        "practitioners",
        120,
    ),
    (
        "training",
        "Honour based violence and forced marriage",
        "community_centre",
        "Synthetic Neighbourhood Centre",
        "practitioners",
        150,
    ),
    (
        "school_session",
        "Healthy relationships, year 9",
        "school",
        "Synthetic Academy",
        "young_people",
        60,
    ),
    (
        "school_session",
        "Healthy relationships, year 11",
        "school",
        "Synthetic High School",
        "young_people",
        60,
    ),
    (
        "school_session",
        "Consent and coercive control",
        "college",
        "Synthetic Sixth Form College",
        "young_people",
        90,
    ),
    (
        "awareness",
        "Recognising domestic abuse: a session for parents",
        "school",
        "Synthetic Primary School",
        "parents",
        90,
    ),
    (
        "awareness",
        "Domestic abuse: where to get help",
        "faith_venue",
        "Synthetic Community Hall",
        "public",
        90,
    ),
    ("awareness", "Online awareness session", "online", "Video call", "public", 60),
    (
        "conference_talk",
        "What works with perpetrators: local findings",
        "other",
        "Synthetic Conference Centre",
        "practitioners",
        45,
    ),
)
COMMUNITY = (
    (
        "community_event",
        "Community fun day stall",
        "community_centre",
        "Synthetic Neighbourhood Centre",
        "public",
        300,
    ),
    ("stall_drop_in", "Drop-in at the library", "other", "Synthetic Library", "public", 180),
    (
        "stall_drop_in",
        "Information stall at the market",
        "other",
        "Synthetic Market",
        "public",
        240,
    ),
    (
        "community_event",
        "White Ribbon Day event",
        "faith_venue",
        "Synthetic Community Hall",
        "public",
        180,
    ),
)
THEMES = (
    "Wanted more on coercive control and online abuse",
    "Found the case studies useful; asked for the referral route in writing",
    "Asked for a follow-up session for new staff",
    "Clearer on where to refer; wanted more time for questions",
    "",
)
CANCELLED = ("Venue unavailable", "Too few bookings", "Facilitator off sick", "School closure")
# per quarter: (training and awareness, community) for each contract
PER_QUARTER = {
    "leicester-family-2012": (6, 2),
    "leicester-perpetrator-2012": (3, 1),
}
OTHERS = (1, 0)


def demo_events_reset(organisation: Any) -> None:
    """Delete the provider's events."""
    events = Event.objects.filter(provider=organisation)
    AgencyAttendance.objects.filter(event__in=events).delete()
    Event.contracts.through.objects.filter(event__in=events).delete()
    Event.facilitators.through.objects.filter(event__in=events).delete()
    events.delete()


def build_demo_events(*, organisation: Any, seed: int, now: datetime) -> int:
    """Events each quarter of each contract (delivered, a few cancelled, the coming weeks'
    scheduled); returns how many were made."""
    staff = list(
        Membership.objects.filter(organisation=organisation, role__in=RECORD_ROLES)
        .select_related("user")
        .order_by("user__email")
    )
    if not staff:
        return 0
    users = list(dict.fromkeys(m.user for m in staff))
    rng = random.Random(seed + STREAM)
    today = timezone.localdate(now)
    events: list[Event] = []
    contracts_of: list[tuple[Event, list[Contract]]] = []
    attendance: list[AgencyAttendance] = []
    facilitators: list[tuple[Event, list[Any]]] = []
    contracts = list(Contract.objects.filter(provider=organisation).order_by("slug"))
    perpetrator = next((c for c in contracts if c.slug == "leicester-perpetrator-2012"), None)
    for contract in contracts:
        training, community = PER_QUARTER.get(contract.slug, OTHERS)
        # the quarter to come too: events planned but not yet delivered
        for quarter in range(-1, QUARTERS):
            first = today - timedelta(days=91 * (quarter + 1))
            plan = [rng.choice(TRAINING) for _ in range(rng.randint(training - 1, training + 1))]
            plan += [
                rng.choice(COMMUNITY) for _ in range(rng.randint(max(community - 1, 0), community))
            ]
            for kind, title, location, venue, audience, minutes in plan:
                day = first + timedelta(days=rng.randint(0, 90))
                starts = timezone.make_aware(
                    datetime.combine(day, time(rng.choice((9, 10, 13, 18))))
                )
                event = Event(
                    provider=organisation,
                    kind=kind,
                    title=title,
                    starts_at=starts,
                    duration_minutes=minutes,
                    venue=venue,
                    location_type=location,
                    audience=audience,
                    created_by=rng.choice(users),
                    materials="Synthetic slides and leaflets",
                )
                if starts >= now:
                    pass  # scheduled
                elif rng.random() < 0.06:
                    event.status = EventStatus.CANCELLED
                    event.cancelled_reason = rng.choice(CANCELLED)
                else:
                    _deliver(event, rng, now, users)
                    if audience == "practitioners":
                        attendance += _by_agency(event, rng)
                events.append(event)
                served = [contract]
                # a Lot 1 practitioner session often also serves Lot 4's awareness raising
                if (
                    contract.slug == "leicester-family-2012"
                    and perpetrator is not None
                    and audience == "practitioners"
                    and rng.random() < 0.3
                ):
                    served.append(perpetrator)
                contracts_of.append((event, served))
                facilitators.append(
                    (event, rng.sample(users, k=min(len(users), rng.randint(1, 2))))
                )
    Event.objects.bulk_create(events, batch_size=500)
    Event.contracts.through.objects.bulk_create(
        [
            Event.contracts.through(event_id=event.pk, contract_id=c.pk)
            for event, served in contracts_of
            for c in served
        ],
        batch_size=500,
    )
    Event.facilitators.through.objects.bulk_create(
        [
            Event.facilitators.through(event_id=event.pk, user_id=u.pk)
            for event, people in facilitators
            for u in people
        ],
        batch_size=500,
    )
    AgencyAttendance.objects.bulk_create(attendance, batch_size=500)
    return len(events)


def _deliver(event: Event, rng: random.Random, now: datetime, users: list[Any]) -> None:
    event.status = EventStatus.DELIVERED
    event.attended = rng.randint(6, 30) if event.audience != "public" else rng.randint(10, 80)
    forms = (
        rng.randint(0, event.attended)
        if event.kind in {"community_event", "stall_drop_in"}
        else rng.randint(event.attended // 2, event.attended)
    )
    event.feedback_forms = forms
    event.awareness_increased = round(forms * rng.uniform(0.55, 0.95))
    event.more_confident = round(forms * rng.uniform(0.4, 0.85))
    event.feedback_themes = rng.choice(THEMES) if forms else ""
    event.delivery_recorded_by = rng.choice(users)
    event.delivery_recorded_at = min(event.ends_at + timedelta(days=rng.randint(0, 5)), now)


def _by_agency(event: Event, rng: random.Random) -> list[AgencyAttendance]:
    left = event.attended or 0
    rows = []
    for agency in rng.sample(list(PractitionerAgency.values), k=3):
        count = rng.randint(0, left)
        if count:
            rows.append(AgencyAttendance(event=event, agency=agency, attended=count))
            left -= count
    return rows
