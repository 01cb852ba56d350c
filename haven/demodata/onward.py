"""The demo journey's onward referrals (issue 11 item 4): referrals on for high needs during
support, Victim First's "passed directly" (seed 002 Lot 1 s7), and the agencies' replies, all
on the onward stream so the rest of the demo is unchanged. Mixed into `Journey`."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from haven.casework.models import Agency, OnwardReferral, OnwardReferralKind
from haven.demodata.daytime import daytime
from haven.demodata.directory import AREAS_SERVED, need_area_for
from haven.demodata.recorder import CaseRecorder

if TYPE_CHECKING:
    from haven.demodata.journey import Staff


class OnwardReferrals:
    r: CaseRecorder
    now: datetime
    staff: Staff
    baseline: dict[str, int]
    directory: dict[str, list[Agency]]
    onward_rng: random.Random

    def _area_keys(self) -> list[str]:
        spec = self.r.profile.needs_assessment
        return [area.key for area in spec.areas] if spec else []

    def referrals_for_needs(self, contacted_at: datetime, end: datetime) -> None:
        """During support, a referral on for a high need found at the assessment (or, where the
        profile scores no areas, for one of the additional needs seed 003 s13 counts), picked
        from the directory, and later the agency's reply."""
        rng = self.onward_rng
        if not self.directory or rng.random() > 0.45:
            return
        high = [area for area, level in self.baseline.items() if level == 3]
        types = [t for t, areas in AREAS_SERVED.items() if set(areas) & set(high)]
        if not self.baseline:
            types = ["mental_health", "substance_misuse", "parenting", "counselling"]
        types = [t for t in types if t in self.directory]
        if not types:
            return
        agency_type = rng.choice(types)
        at = daytime(contacted_at + timedelta(days=rng.uniform(3, 15)), rng)
        if at >= min(end, self.now):
            return
        referral = self.r.onward_referral(
            actor=self.staff.worker,
            at=at,
            agency="",
            agency_type=agency_type,
            directory_agency=rng.choice(self.directory[agency_type]),
            need_area=need_area_for(agency_type, self._area_keys()),
        )
        self.referral_outcome(referral, made_at=at, until=end)

    def pass_on(self, contacted_at: datetime, until: datetime) -> None:
        """Victim First: some victims who want no support from the service are passed directly
        to a more appropriate one (seed 002 Lot 1 s3.1, s7), on the onward stream."""
        rng = self.onward_rng
        listed = self.directory.get("other")
        if not listed or self.r.case.contract.slug != "victim-first-2018" or rng.random() > 0.5:
            return
        at = contacted_at + (until - contacted_at) / 2
        referral = self.r.onward_referral(
            actor=self.staff.worker,
            at=at,
            agency="",
            agency_type="other",
            directory_agency=listed[0],
            kind=OnwardReferralKind.PASSED_ON,
        )
        self.referral_outcome(referral, made_at=at, until=until)

    def referral_outcome(
        self, referral: OnwardReferral, *, made_at: datetime, until: datetime
    ) -> None:
        """Most agencies accept; some decline or never reply; a reply still to come stays
        awaited (nothing is recorded on a case after it closes)."""
        rng = self.onward_rng
        outcome = rng.choices(["accepted", "declined", "no_reply"], weights=[70, 12, 18])[0]
        days = rng.uniform(14, 28) if outcome == "no_reply" else rng.uniform(0.5, 14)
        at = made_at + timedelta(days=days)
        if at >= min(until, self.now):
            return
        self.r.onward_referral_outcome(referral, actor=self.staff.worker, at=at, outcome=outcome)
