"""Citations as staff read them: ``seed 002 s3.7`` → "Victim First service specification (2018),
section 3.7". Profiles cite their seed file by number (docs/profile-format.md); each profile's
``document`` names that specification. Pure: no Django."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

import yaml

from haven.contracts.profiles.validate import profile_paths

# "seed 002 s3.7", "seed 003 s5, s7", "seed 002 s3.7 and s3.9", "seed 004 s10 A2"
SEED_CITATION = re.compile(
    r"\bseed (?P<seed>\d{3})(?P<sections>(?:(?:,| and)? s\d[\d.]*[\d](?: [A-Z]{1,2}\d+)?|"
    r"(?:,| and)? s\d)*)"
)
SECTION = re.compile(r"s(\d[\d.]*)((?: [A-Z]{1,2}\d+)?)")
REFERENCE_CITATION = re.compile(r"\breference\.md s(?P<section>\d[\d.]*\d|\d)")
REFERENCE_TITLE = "Haven's domain reference (risk checklists, MARAC and outcome tools)"
UNKNOWN_DOCUMENT = "the service specification"


def seed_number(seed_file: str) -> str:
    """``"002_5f1fd7eba8161a3a.txt"`` → ``"002"``."""
    return seed_file.split("_", 1)[0].strip()


def document_name(profile: Mapping[str, Any] | None) -> str:
    """ "Victim First service specification (2018)" from a profile's ``document``; "" without."""
    document = (profile or {}).get("document") or {}
    if not document.get("title"):
        return ""
    return (
        f"{document['title']} ({document['year']})" if document.get("year") else document["title"]
    )


@cache
def shipped_documents() -> dict[str, str]:
    """Seed number → document name, from the shipped profiles (of two lots of one seed, Lot 1
    names it; a page about one contract passes that contract's profile instead)."""
    documents: dict[str, str] = {}
    profiles = [yaml.safe_load(path.read_text(encoding="utf-8")) or {} for path in profile_paths()]
    for profile in sorted(profiles, key=lambda p: str(p.get("lot") or "")):
        name = document_name(profile)
        if name and profile.get("seed"):
            documents.setdefault(seed_number(str(profile["seed"])), name)
    return documents


def _sections(text: str) -> str:
    found = [f"{number}{suffix}" for number, suffix in SECTION.findall(text)]
    if not found:
        return ""
    if len(found) == 1:
        return f", section {found[0]}"
    return ", sections " + ", ".join(found[:-1]) + " and " + found[-1]


def cite(text: object, profile: Mapping[str, Any] | None = None) -> str:
    """Every ``seed NNN sX`` in ``text`` as the document's title, year and section; the profile,
    when given, names its own seed (two contracts can be lots of one seed)."""
    documents = dict(shipped_documents())
    if profile and profile.get("seed") and document_name(profile):
        documents[seed_number(str(profile["seed"]))] = document_name(profile)

    def seed(match: re.Match[str]) -> str:
        name = documents.get(match["seed"], UNKNOWN_DOCUMENT)
        return name + _sections(match["sections"] or "")

    plain = SEED_CITATION.sub(seed, "" if text is None else str(text))
    return REFERENCE_CITATION.sub(lambda m: f"{REFERENCE_TITLE}, section {m['section']}", plain)
