"""A contract's stored profile as the validated pydantic model (the one `profile_of`)."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import TYPE_CHECKING

from haven.contracts.profiles.schema import Profile

if TYPE_CHECKING:
    from haven.contracts.models import Contract


@lru_cache(maxsize=64)
def _profile(slug: str, sha: str, profile_json: str) -> Profile:
    return Profile.model_validate_json(profile_json)


def profile_of(contract: Contract) -> Profile:
    """The contract's profile, validated again (so drift is caught) once per profile version."""
    return _profile(
        contract.slug, contract.profile_sha256, json.dumps(contract.profile, sort_keys=True)
    )
