"""Reference codes for people: short, random (not sequential), with a check character.

# seed 001 lot 1 s5: "Adoption of unique reference code to each child or young person, to follow
# through all contact" (and lot 3 s5: "Allocation of unique reference code to progress through all
# contacts").

A code is eight random Crockford base32 characters and one check character, shown as
``XXXX-XXXXC``. The check character is chosen so that, reading each character as an element of
GF(32), the sum of ``a**(9 - i) * c[i]`` (``a`` a primitive element, the check weighted 1) is zero.
The nine weights are distinct and non-zero, so every single wrong character and every swap of two
different characters is caught. Typing is forgiving: lower case, spaces, hyphens and the
look-alike letters I, L (read as 1) and O (read as 0) are accepted. Pure Python, no Django.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U
BODY_LENGTH = 8
CODE_LENGTH = BODY_LENGTH + 1
FORMATTED_LENGTH = CODE_LENGTH + 1  # with the hyphen
_VALUES = {symbol: value for value, symbol in enumerate(ALPHABET)}
_CONFUSABLE = str.maketrans({"I": "1", "L": "1", "O": "0"})
_FIELD_POLYNOMIAL = 0b100101  # x^5 + x^2 + 1, primitive: x generates all 31 non-zero elements
_GENERATOR = 0b00010  # x


class InvalidReferenceCodeError(ValueError):
    """Not a reference code: wrong length, a character outside the alphabet, or a bad check."""


def _multiply(left: int, right: int) -> int:
    """Multiplication in GF(32)."""
    product = 0
    while right:
        if right & 1:
            product ^= left
        right >>= 1
        left <<= 1
        if left & 0b100000:
            left ^= _FIELD_POLYNOMIAL
    return product


def _weight(position: int) -> int:
    """``a ** (BODY_LENGTH - position)``: distinct for positions 0..8 (the check's weight is 1)."""
    weight = 1
    for _ in range(BODY_LENGTH - position):
        weight = _multiply(weight, _GENERATOR)
    return weight


_WEIGHTS = tuple(_weight(position) for position in range(CODE_LENGTH))


def _syndrome(symbols: str) -> int:
    total = 0
    for position, symbol in enumerate(symbols):
        total ^= _multiply(_WEIGHTS[position], _VALUES[symbol])
    return total


def check_character(body: str) -> str:
    """The check character for eight body characters (already normalised)."""
    if len(body) != BODY_LENGTH or any(symbol not in _VALUES for symbol in body):
        raise InvalidReferenceCodeError("a reference code body is 8 Crockford base32 characters")
    # The check has weight 1, so it must equal the body's weighted sum (addition is XOR).
    return ALPHABET[_syndrome(body)]


def format_code(symbols: str) -> str:
    """``HK7M3QX9C`` → ``HK7M-3QX9C``."""
    return f"{symbols[:4]}-{symbols[4:]}"


def generate(choice: Callable[[str], str] = secrets.choice) -> str:
    """A new random reference code, formatted ``XXXX-XXXXC`` (demo data passes a seeded choice)."""
    body = "".join(choice(ALPHABET) for _ in range(BODY_LENGTH))
    return format_code(body + check_character(body))


def _symbols(text: str) -> str:
    """Upper case, without spaces or hyphens, look-alike letters read as digits."""
    compact = "".join(text.split()).replace("-", "").upper()
    return compact.translate(_CONFUSABLE)


def looks_like_code(text: str) -> bool:
    """Whether someone probably meant to type a reference code (nine code characters)."""
    symbols = _symbols(text)
    return len(symbols) == CODE_LENGTH and all(symbol in _VALUES for symbol in symbols)


def normalise(text: str) -> str:
    """The canonical ``XXXX-XXXXC`` form of a typed code; raises ``InvalidReferenceCodeError``."""
    symbols = _symbols(text)
    if len(symbols) != CODE_LENGTH:
        raise InvalidReferenceCodeError("a reference code has 9 characters")
    if any(symbol not in _VALUES for symbol in symbols):
        raise InvalidReferenceCodeError("a reference code uses only the letters and numbers it can")
    if _syndrome(symbols) != 0:
        raise InvalidReferenceCodeError("the check character does not match")
    return format_code(symbols)


def validate(text: str) -> bool:
    """Whether the text is a reference code with a matching check character."""
    try:
        normalise(text)
    except InvalidReferenceCodeError:
        return False
    return True
