"""One list of timeline kinds (`CaseEventKind`): every kind written anywhere in Haven (services,
bulk writers, the demo recorder, migrations) is on it, and every kind on it is written."""

import ast
from pathlib import Path

from haven.casework.event_kinds import CaseEventKind

HAVEN = Path(__file__).resolve().parents[2]
# Calls that write a timeline entry: the service, the bulk writers' helpers, the model itself.
WRITERS = {"case_event_record", "event", "_event", "_timeline", "CaseEvent"}


def _name(func):
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _writes_an_event(call):
    name = _name(call.func)
    if name in WRITERS:
        return True
    # CaseEvent.objects.create(kind=...) (as the migrations write it)
    receiver = call.func.value if isinstance(call.func, ast.Attribute) else None
    return (
        name in {"create", "get_or_create"}
        and isinstance(receiver, ast.Attribute)
        and _name(receiver.value) == "CaseEvent"
    )


def kinds_written():
    """(path, literal or CaseEventKind member name) for each `kind=` given to a writer."""
    found = []
    for path in sorted(HAVEN.rglob("*.py")):
        if "tests" in path.parts:
            continue
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _writes_an_event(node):
                found += [(path, kw.value) for kw in node.keywords if kw.arg == "kind"]
            if isinstance(node, ast.Attribute) and _name(node.value) == "CaseEventKind":
                found.append((path, node))
    return found


def test_every_kind_written_is_on_the_list():
    unknown, literal_outside_migrations = [], []
    for path, value in kinds_written():
        where = path.relative_to(HAVEN)
        if isinstance(value, ast.Constant):
            if value.value not in CaseEventKind.values:
                unknown.append(f"{where}: {value.value!r}")
            if "migrations" not in path.parts:
                literal_outside_migrations.append(f"{where}: {value.value!r}")
        elif isinstance(value, ast.Attribute) and not hasattr(CaseEventKind, value.attr):
            unknown.append(f"{where}: {ast.unparse(value)}")
    assert unknown == []
    # code names the member (a typo is then an AttributeError, not a new kind)
    assert literal_outside_migrations == []


def test_every_kind_on_the_list_is_written_somewhere():
    named = {
        value.attr
        for path, value in kinds_written()
        if isinstance(value, ast.Attribute) and "event_kinds.py" not in path.name
    }
    assert {member.name for member in CaseEventKind} - named == set()


def test_the_scan_sees_the_writers():
    # a guard on the guard: the scan finds kinds in services, bulk writers and migrations
    places = {path.relative_to(HAVEN).parts[0] for path, _ in kinds_written()}
    assert {"casework", "risk", "workbook", "demodata"} <= places
    migrations = [p for p, v in kinds_written() if "migrations" in p.parts]
    assert migrations
