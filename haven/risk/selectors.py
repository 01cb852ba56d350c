"""Reads for risk: the checklist a contract uses, and a case's assessments, scoped to the user."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from haven.accounts.signed_in import Viewer
from haven.casework.models import Case
from haven.casework.selectors import VisibleCase, case_for_user
from haven.contracts.models import Contract
from haven.risk.engine import ChecklistDefinition, RiskThresholds, shipped_checklist
from haven.risk.models import RiskAssessment, RiskChecklist

DEFAULT_CHECKLIST = "dash-ric-24"


@dataclass(frozen=True)
class RiskSettings:
    """A contract's `risk:` profile section, with SafeLives defaults when it has none."""

    checklist_key: str
    thresholds: RiskThresholds
    marac_on_high_risk: bool
    citation: str


def risk_settings_for(contract: Contract) -> RiskSettings:
    risk: dict[str, Any] = (contract.profile or {}).get("risk") or {}
    return RiskSettings(
        checklist_key=str(risk.get("checklist") or DEFAULT_CHECKLIST),
        thresholds=RiskThresholds.from_profile(risk),
        marac_on_high_risk=bool(risk.get("marac_on_high_risk", False)),
        citation=str(risk.get("citation") or "reference.md s1.4"),
    )


def checklist_for(contract: Contract) -> ChecklistDefinition:
    """The contract's checklist: a wording the service loaded, else the shipped paraphrase."""
    key = risk_settings_for(contract).checklist_key
    loaded = RiskChecklist.objects.filter(key=key).first()
    if loaded is not None:
        return ChecklistDefinition.model_validate(loaded.definition)
    return shipped_checklist(key)


def _require_risk_role(user: Viewer) -> None:
    if not user.has_perm("risk.view_risk"):
        raise PermissionDenied


def case_for_risk(user: Viewer, case_id: Any) -> VisibleCase:
    """The case if the user may see it (casework's rules: 404 outside scope, restricted needs a
    reason); commissioners and others without a case role are refused."""
    _require_risk_role(user)
    return case_for_user(user, case_id)


def risk_history_for_case(user: Viewer, case: Case) -> QuerySet[RiskAssessment]:
    """The case's assessments, oldest first, if the user may see the case (else 404)."""
    visible = case_for_risk(user, case.pk)
    return (
        RiskAssessment.objects.filter(case=visible.case)
        .select_related("completed_by")
        .order_by("completed_at", "created_at")
    )


def risk_assessment_for_case(case: Case, assessment_id: Any) -> RiskAssessment:
    """One assessment of a case the caller has already resolved for the user (else 404)."""
    assessment = (
        RiskAssessment.objects.select_related("completed_by")
        .filter(case=case, pk=assessment_id)
        .first()
    )
    if assessment is None:
        raise Http404("No such risk assessment")
    return assessment


def latest_assessment(case: Case) -> RiskAssessment | None:
    return case.risk_assessments.order_by("-completed_at", "-created_at").first()
