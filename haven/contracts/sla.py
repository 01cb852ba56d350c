"""`haven sla explain CONTRACT ...`: every deadline a contract sets for a situation, and why.

Pure (no Django): the management command hands its words to `explain_command`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import NoReturn, Protocol
from zoneinfo import ZoneInfo

from haven.contracts.profiles.schema import Profile
from haven.contracts.profiles.validate import (
    ProfileInvalid,
    ProfileNotFoundError,
    find_profile,
    load_profile,
)
from haven.deadlines import (
    LONDON,
    ComputedDeadline,
    ContactMethod,
    DeadlineRule,
    Evaluation,
    NotComputed,
    Priority,
    RiskLevel,
    Situation,
    StartEvent,
    evaluate,
)

USAGE = (
    "haven sla explain CONTRACT [--method M] [--risk R] [--priority P] [--received T] "
    "[--incident T] [--accepted T] [--entered T] [--first-contact T] [--closed T] [--serious-incident T]"
)
EVENT_FLAGS = {event: f"--{event.value.replace('_', '-')}" for event in StartEvent}
EVENT_HELP = {
    StartEvent.RECEIVED: "when the referral reached the service (default: now)",
    StartEvent.INCIDENT: "the police incident time",
    StartEvent.ACCEPTED: "when the case was accepted onto the caseload",
    StartEvent.ENTERED: "when the person moved into the refuge",
    StartEvent.FIRST_CONTACT: "the first spoken or web-chat contact",
    StartEvent.CLOSED: "when support ended",
    StartEvent.SERIOUS_INCIDENT: "when a serious incident happened",
}
DIMENSION_FLAGS = {"method": "--method", "risk": "--risk", "priority": "--priority"}


class TextSink(Protocol):
    """Where output goes: sys.stdout, Django's OutputWrapper or io.StringIO."""

    def write(self, text: str, /) -> object: ...


class SlaError(ValueError):
    """A problem with the command line or the contract, said in one line."""


@dataclass(frozen=True)
class ExplainRequest:
    """The contract asked about and the situation to apply its rules to."""

    contract: str
    situation: Situation
    received_is_now: bool = False


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise SlaError(f"{message} (usage: {USAGE})")


def parse_time(text: str, *, now: datetime, zone: ZoneInfo = LONDON) -> datetime:
    """ISO 8601 (or 'now'); a time without an offset is Europe/London wall-clock time."""
    if text.strip().lower() == "now":
        return now.astimezone(zone)
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise SlaError(
            f"{text!r} is not a time; use ISO 8601, e.g. 2026-12-01T10:00 (London time) "
            "or 2026-12-01T10:00+00:00"
        ) from None
    if not 1900 <= value.year <= 2199:  # the deadline engine's years (and no overflow below)
        raise SlaError(f"{text} is not between 1900 and 2199")
    if value.tzinfo is not None:
        return value.astimezone(zone)
    local = value.replace(tzinfo=zone)
    if local.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != value:
        raise SlaError(f"{text} does not exist in {zone} (the clocks go forward); give an offset")
    if local.replace(fold=1).utcoffset() != local.utcoffset():
        raise SlaError(
            f"{text} happens twice in {zone} (the clocks go back); "
            "give an offset: +01:00 for the first, +00:00 for the second"
        )
    return local


def _choice[E: StrEnum](kind: type[E], what: str) -> Callable[[str], E]:
    def parse(text: str) -> E:
        try:
            return kind(text.strip().lower())
        except ValueError:
            known = ", ".join(member.value for member in kind)
            raise argparse.ArgumentTypeError(
                f"unknown {what} {text!r}; choose from {known}"
            ) from None

    return parse


def _parser() -> _Parser:
    parser = _Parser(
        prog="haven sla explain",
        usage=USAGE,
        add_help=False,
        description="Every deadline a contract sets for a situation, its rule and why. "
        "Times are ISO 8601; without an offset they are Europe/London time.",
    )
    parser.add_argument("contract", metavar="CONTRACT", help="contract slug or profile file")
    for name, kind in (("method", ContactMethod), ("risk", RiskLevel), ("priority", Priority)):
        choices = ", ".join(member.value for member in kind)
        parser.add_argument(
            f"--{name}", type=_choice(kind, name), metavar=name[0].upper(), help=choices
        )
    for event, flag in EVENT_FLAGS.items():
        parser.add_argument(flag, dest=event.value, metavar="T", help=EVENT_HELP[event])
    return parser


def parse_request(argv: Sequence[str], *, now: datetime) -> ExplainRequest:
    """Read `explain CONTRACT [options]`; --received defaults to now."""
    words = list(argv)
    if words[:1] == ["explain"]:
        words = words[1:]
    options = _parser().parse_args(words)
    events = {}
    for event in StartEvent:
        text = getattr(options, event.value)
        if text is not None:
            events[event] = parse_time(text, now=now)
    received_is_now = StartEvent.RECEIVED not in events
    if received_is_now:
        events[StartEvent.RECEIVED] = now.astimezone(LONDON)
    situation = Situation(
        events=events, method=options.method, risk=options.risk, priority=options.priority
    )
    return ExplainRequest(options.contract, situation, received_is_now)


def resolve_profile(contract: str) -> Profile:
    """A shipped profile by slug, or a profile file by path (to try a draft)."""
    try:
        if contract.endswith((".yaml", ".yml")):
            if not Path(contract).is_file():
                raise SlaError(f"no profile file at {contract}")
            return load_profile(Path(contract))
        return load_profile(find_profile(contract))
    except ProfileNotFoundError as exc:
        raise SlaError(str(exc)) from None
    except ProfileInvalid as exc:
        first = str(exc.errors[0]) if exc.errors else "no detail"
        raise SlaError(
            f"the {contract} profile is invalid ({len(exc.errors)} error(s); first: {first}); "
            "run `haven profiles validate`"
        ) from None


def _rule_text(rule: DeadlineRule) -> str:
    return f"{rule.key}: {rule.label} [{rule.citation}]"


def _computed_line(item: ComputedDeadline, replaced: list[DeadlineRule], now_note: str) -> str:
    why = f"{item.clock_start.reason}{now_note}; {item.working}"
    if replaced:
        why += f"; replaces {', '.join(rule.key for rule in replaced)}"
    return f"{item.due.isoformat(timespec='seconds')}  {_rule_text(item.rule)}; {why}"


def _not_computed_line(item: NotComputed) -> str:
    return f"not computed: needs {EVENT_FLAGS[item.missing]}  {_rule_text(item.rule)}"


def _missing_dimensions(rule: DeadlineRule, situation: Situation) -> list[str]:
    """The flags a rule still needs when every dimension that was given matches it."""
    missing = []
    for name, allowed in rule.when.dimensions().items():
        value = getattr(situation, name)
        if value is None:
            missing.append(DIMENSION_FLAGS[name])
        elif value not in allowed:
            return []
    return missing


def _not_applied_line(evaluation: Evaluation, situation: Situation) -> str | None:
    """Name the rules left out only because a triage dimension was not given."""
    waiting = {rule.key: _missing_dimensions(rule, situation) for rule in evaluation.not_applicable}
    waiting = {key: flags for key, flags in waiting.items() if flags}
    if not waiting:
        return None
    flags = sorted({flag for needed in waiting.values() for flag in needed})
    return f"not applied: {', '.join(waiting)} (these depend on {', '.join(flags)})"


def explain(profile: Profile, request: ExplainRequest) -> list[str]:
    """One line per deadline that applies: due time, rule, citation and why the clock started."""
    situation = request.situation
    evaluation = evaluate(profile.rules(), situation, profile.service_clock())
    lines = []
    for item in evaluation.computed:
        replaced = [dropped for dropped, by in evaluation.superseded if by.key == item.rule.key]
        uses_now = request.received_is_now and item.rule.start is StartEvent.RECEIVED
        lines.append(_computed_line(item, replaced, " (--received not given: now)" * uses_now))
    lines += [_not_computed_line(item) for item in evaluation.not_computed]
    if not lines:
        lines.append(f"no deadline in {profile.slug} applies to this situation")
    not_applied = _not_applied_line(evaluation, situation)
    return [*lines, not_applied] if not_applied else lines


def explain_command(
    argv: Sequence[str], stdout: TextSink, stderr: TextSink, *, now: datetime | None = None
) -> int:
    """Run `sla explain`; 0 when it explained, 2 with one error line on stderr otherwise."""
    if any(word in {"-h", "--help"} for word in argv):
        stdout.write(_parser().format_help())
        return 0
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    try:
        request = parse_request(argv, now=moment)
        lines = explain(resolve_profile(request.contract), request)
    except (SlaError, ValueError) as exc:
        message = " ".join(str(exc).split())
        stderr.write(f"haven sla explain: error: {message}\n")
        return 2
    for line in lines:
        stdout.write(f"{line}\n")
    return 0
