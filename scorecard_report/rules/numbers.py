"""Reading numbers as analysts write them, and rounding as Excel does."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

_NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+]?\.\d+")
_NUMBER_WITH_PERCENT = re.compile(rf"({_NUMBER.pattern})\s*%")


class NumberError(ValueError):
    """Text that is not a number."""


def parse_number(text: str) -> tuple[Decimal, bool]:
    """``" 1,238 "`` → 1238; ``"93%"`` → 93 with ``had_percent`` True. Thousands groups must be whole."""
    cleaned = text.strip().replace("\u2212", "-")
    had_percent = False
    if match := _NUMBER_WITH_PERCENT.fullmatch(cleaned):
        cleaned, had_percent = match[1], True
    if not _NUMBER.fullmatch(cleaned):
        raise NumberError(f"'{text.strip()}' is not a number")
    try:
        return Decimal(cleaned.replace(",", "")), had_percent
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        raise NumberError(f"'{text.strip()}' is not a number") from None


def round_half_away(value: Decimal, decimals: int) -> Decimal:
    """Round as Excel does: 70.5 → 71 and -70.5 → -71, never banker's rounding."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def written_decimals(value: Decimal) -> int:
    """How many decimal places the number was written with (``93.40`` → 2)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def plain(value: Decimal) -> str:
    """The number without exponent or trailing zeros: how the summary CSV writes data values."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text
