"""The referral list as CSV or XLSX (issue 10 s5): team leaders and service managers, audited.

The same rows as the list (its decision filter, every page), and no more than it shows: the
person's reference code, or "Restricted record" where the list hides even that.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse

from haven.contracts.citations import cite
from haven.core.exports import export_format, export_response
from haven.core.formatting import when
from haven.core.read_audit import audit_list_export, audits_reads
from haven.referrals.models import Referral
from haven.referrals.views.referral_list import listed_referrals

COLUMNS = ("Received", "Person", "Repeat referral", "Contract", "Decision", "Decision reason")


def _rows(referrals: list[Referral]) -> Iterator[Sequence[object]]:
    for referral in referrals:
        restricted = getattr(referral, "person_restricted", False)
        yield (
            when(referral.received_at),
            "Restricted record" if restricted else referral.person.reference_code,
            "Yes" if referral.is_repeat else "No",
            referral.contract.name,
            referral.get_decision_display(),
            cite(referral.decision_reason, referral.contract.profile)
            if referral.decision == "declined"
            else "",
        )


@login_required
@permission_required("referrals.export_referrals", raise_exception=True)
@audits_reads
def referral_export(request: HttpRequest) -> HttpResponse:
    fmt = export_format(request.GET.get("format"))
    referrals, decision = listed_referrals(request)
    rows = list(referrals.select_related("person", "contract"))
    audit_list_export(
        user=request.user,
        object_type="referrals.referral",
        exported=[referral.pk for referral in rows],
        page=f"referrals:{decision}",
        fmt=fmt,
        filters={"decision": decision},
    )
    return export_response(name=f"referrals-{decision}", fmt=fmt, columns=COLUMNS, rows=_rows(rows))
