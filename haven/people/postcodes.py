"""UK postcodes: tidy what was typed, and show only part of one. Pure Python."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-Z]{2}$")


def normalise_postcode(text: str) -> str:
    """``" le51fy "`` → ``"LE5 1FY"``; text that is not a postcode comes back upper-cased."""
    compact = "".join(text.split()).upper()
    if not POSTCODE.match(compact):
        return compact
    return f"{compact[:-3]} {compact[-3:]}"


def is_postcode(text: str) -> bool:
    return bool(POSTCODE.match("".join(text.split()).upper()))


def partial_postcode(text: str) -> str:
    """The outward code and the sector only: ``"LE5 1FY"`` → ``"LE5 1**"``."""
    postcode = normalise_postcode(text)
    if not is_postcode(postcode):
        return ""
    outward, inward = postcode.split(" ")
    return f"{outward} {inward[0]}**"


# Postcode districts by local authority, with its source and date (data/postcode_districts.csv).
DISTRICTS_FILE = Path(__file__).with_name("data") / "postcode_districts.csv"


@dataclass(frozen=True)
class AreaFinding:
    """Which local authorities an address may be in, and from what (postcode district or town).

    ``authorities`` is empty when the table does not know the district or town."""

    authorities: tuple[str, ...]
    found_from: str  # e.g. "postcode district RG40" or "town Wokingham"; "" when nothing to go on


@cache
def _districts() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """({district: authorities}, {post town: authorities}) read once from the data file."""
    by_district: dict[str, tuple[str, ...]] = {}
    by_town: dict[str, list[str]] = {}
    with DISTRICTS_FILE.open(encoding="utf-8") as lines:
        rows = csv.DictReader(line for line in lines if not line.startswith("#"))
        for row in rows:
            authorities = tuple(a.strip() for a in row["authorities"].split(";") if a.strip())
            by_district[row["district"].strip().upper()] = authorities
            town = by_town.setdefault(row["post_town"].strip().casefold(), [])
            town += [a for a in authorities if a not in town]
    return by_district, {town: tuple(names) for town, names in by_town.items()}


def outward_code(text: str) -> str:
    """``"rg40 1aa"`` → ``"RG40"``; ``""`` for text that is not a full postcode."""
    postcode = normalise_postcode(text)
    return postcode.split(" ")[0] if is_postcode(postcode) else ""


def area_of(*, postcode: str = "", town: str = "") -> AreaFinding:
    """The local authorities a postcode's district (else a post town) lies in, from the table."""
    by_district, by_town = _districts()
    district = outward_code(postcode)
    if district:
        return AreaFinding(by_district.get(district, ()), f"postcode district {district}")
    name = " ".join(town.split())
    if name:
        return AreaFinding(by_town.get(name.casefold(), ()), f"town {name}")
    return AreaFinding((), "")
