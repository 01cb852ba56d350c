"""Read profile YAML with line numbers and report every problem as file:line, field and reason
(the shared loader, `haven.core.yamlload`, with the profile schema)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from haven.contracts.profiles.schema import Profile
from haven.core.yamlload import YamlError, YamlInvalid, parse_yaml, read_yaml

PROFILES_DIR = Path(__file__).resolve().parent
UNKNOWN_KEY = "not in docs/profile-format.md; check the spelling"

ProfileError = YamlError  # one problem in one profile file: where it is and what is wrong


class ProfileInvalid(YamlInvalid):
    """A profile failed validation; `errors` says where and why."""


class ProfileNotFoundError(LookupError):
    """No shipped profile has that slug."""


def profile_paths(directory: Path = PROFILES_DIR) -> list[Path]:
    """The shipped profiles, haven/contracts/profiles/*.yaml, in name order."""
    return sorted(directory.glob("*.yaml"))


def find_profile(slug: str, directory: Path = PROFILES_DIR) -> Path:
    """The shipped profile file for `slug`, or ProfileNotFoundError naming the ones there are."""
    for path in profile_paths(directory):
        if path.stem == slug:
            return path
    known = ", ".join(path.stem for path in profile_paths(directory)) or "none"
    raise ProfileNotFoundError(f"unknown contract {slug!r}; known contracts: {known}")


def parse_profile(text: str, path: Path) -> tuple[Profile | None, list[ProfileError]]:
    """Validate YAML text as the profile file `path` (whose stem must be its slug)."""
    return parse_yaml(
        text,
        path,
        Profile,
        what="a profile",
        unknown_key=UNKNOWN_KEY,
        context={"file_stem": path.stem, "check_computations": True},
    )


def read_profile(path: Path) -> tuple[Profile | None, list[ProfileError]]:
    """Validate one profile file; the profile is None whenever there are errors."""
    return read_yaml(
        path,
        Profile,
        what="a profile",
        unknown_key=UNKNOWN_KEY,
        context={"file_stem": path.stem, "check_computations": True},
    )


def validate_paths(paths: Iterable[Path]) -> list[ProfileError]:
    """Every problem in every given profile file (an empty list means all are valid)."""
    return [error for path in paths for error in read_profile(Path(path))[1]]


def load_profile(path: Path) -> Profile:
    """The validated profile in `path`, or ProfileInvalid carrying every error."""
    profile, errors = read_profile(Path(path))
    if profile is None:
        raise ProfileInvalid(errors)
    return profile
