"""The demo's case counts by contract and state, as a plain-text table."""

from __future__ import annotations

from typing import Any

from django.db.models import Count

from haven.casework.models import Case, CaseState


def cases_table(organisation: Any) -> str:
    counts: dict[str, dict[str, int]] = {}
    rows = (
        Case.objects.filter(contract__provider=organisation)
        .values_list("contract__slug", "state")
        .annotate(n=Count("id"))
    )
    for slug, state, n in rows:
        counts.setdefault(slug, {})[state] = n
    states = list(CaseState.values)
    header = f"{'contract':<32}" + "".join(f"{s[:12]:>13}" for s in states) + f"{'total':>8}"
    lines = ["Cases by contract and state:", header]
    for slug in sorted(counts):
        by_state = counts[slug]
        cells = "".join(f"{by_state.get(s, 0):>13}" for s in states)
        lines.append(f"{slug:<32}{cells}{sum(by_state.values()):>8}")
    totals = "".join(f"{sum(c.get(s, 0) for c in counts.values()):>13}" for s in states)
    grand = sum(sum(c.values()) for c in counts.values())
    lines.append(f"{'all contracts':<32}{totals}{grand:>8}")
    return "\n".join(lines)
