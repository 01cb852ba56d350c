"""The `front_door:` section of a profile: what the public information page says about the
service, whether it takes self-referrals online, offers a booked secure web chat and answers
quick questions (issue 14; seed 002 s3.6, seed 001 s5, seed 003 s6.1, seed 004 s7.1).

Pure: no Django. Unknown keys are errors (Section).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from haven.contracts.profiles.rule_specs import Citation, Section, Text


class WebChatSpec(Section):
    """A secure web chat booked from the self-referral form (seed 002 s3.6: "at a specific
    date/time within 5 working days"), in slots inside the service's opening hours."""

    citation: Citation
    slot_minutes: Annotated[int, Field(strict=True, ge=10, le=120)] = 30
    within_working_days: Annotated[int, Field(strict=True, ge=1, le=20)] = 5
    capacity: Annotated[int, Field(strict=True, ge=1, le=20)] = 1  # chats at the same time
    note: str | None = None


class QuickQuestionsSpec(Section):
    """Short questions asked online and answered by staff; not formal support (seed 002 s3.6:
    "short questions (a word limit may be applied)")."""

    citation: Citation
    word_limit: Annotated[int, Field(strict=True, ge=10, le=500)] = 100
    note: str | None = None


class FrontDoorSpec(Section):
    """The public information page (/help/<slug>/) and the online ways in."""

    citation: Citation
    offers: Text
    who_for: Text
    how_to_refer: Text
    contact: Text
    self_referral: bool = False  # the online form; needs a self_referral route too
    web_chat: WebChatSpec | None = None
    quick_questions: QuickQuestionsSpec | None = None
    note: str | None = None
