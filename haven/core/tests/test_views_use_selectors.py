"""STYLE habit 2: views never query models directly (`Model.objects`, `get_object_or_404`)."""

import re
from pathlib import Path

HAVEN = Path(__file__).resolve().parents[2]
FORBIDDEN = re.compile(r"\b(?:[A-Z]\w*\.objects\b|get_object_or_404|get_list_or_404)")


def view_modules():
    yield from HAVEN.glob("*/views.py")
    yield from HAVEN.glob("*/views/*.py")


def test_there_are_view_modules_to_check():
    assert len(list(view_modules())) >= 3


def test_no_view_module_queries_a_model_directly():
    offenders = []
    for path in view_modules():
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if FORBIDDEN.search(line):
                offenders.append(f"{path.relative_to(HAVEN)}:{number}: {line.strip()}")
    assert offenders == [], "use a selector scoped to the user instead:\n" + "\n".join(offenders)


def test_the_lint_catches_a_direct_query():
    assert FORBIDDEN.search("cases = Case.objects.all()")
    assert FORBIDDEN.search("get_object_or_404(Case, pk=pk)")
    assert not FORBIDDEN.search("cases = case_list_for(request.user)")
