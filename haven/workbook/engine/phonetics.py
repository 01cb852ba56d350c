"""American Soundex for blocking surnames that sound alike (Smith, Smyth, Smithe -> S530)."""

from __future__ import annotations

_CODES = {
    **dict.fromkeys("bfpv", "1"),
    **dict.fromkeys("cgjkqsxz", "2"),
    **dict.fromkeys("dt", "3"),
    "l": "4",
    **dict.fromkeys("mn", "5"),
    "r": "6",
}


def soundex(name: str) -> str:
    """Four-character Soundex code; '' for a name with no letters."""
    letters = [c for c in name.lower() if c.isascii() and c.isalpha()]
    if not letters:
        return ""
    code = letters[0].upper()
    previous = _CODES.get(letters[0], "")
    for letter in letters[1:]:
        digit = _CODES.get(letter, "")
        if digit and digit != previous:
            code += digit
            if len(code) == 4:
                break
        if letter not in "hw":
            previous = digit
    return code.ljust(4, "0")
