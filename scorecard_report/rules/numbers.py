"""Reading numbers as analysts write them, and rounding as Excel does.

Every number the loaders accept is finite and within two limits, so the rules can use it:

- **Size below 10^15** (``MAX_MAGNITUDE``): at most 15 digits before the decimal point. Excel holds 15
  significant digits, so a spreadsheet cannot carry a larger whole number exactly, and no council
  figure comes near it. The limit also keeps rounding safe: a value below 10^15 rounded to the 6
  display decimals allowed has at most 21 digits, within the 28 that ``Decimal``'s context carries
  (``quantize`` raises ``InvalidOperation`` beyond them).
- **At most 28 significant digits** (``MAX_SIGNIFICANT_DIGITS``), trailing zeros aside: the digits
  ``Decimal``'s arithmetic carries; more would be rounded away without a word. A CSV written by Python
  (``0.30000000000000004``, 17 digits) is within it.

Exponent notation (``1E+5``) is refused as text: it is how Excel shows a large number in a narrow
column, with the digits it drops already lost. A number cell of a workbook is a binary float and is
read at Excel's 15 significant digits (``number_from_float``), as Excel shows it: ``0.1 + 0.2`` is 0.3.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MAX_MAGNITUDE = Decimal(10) ** 15
MAX_SIGNIFICANT_DIGITS = 28
EXCEL_DIGITS = 15

_NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+]?\.\d+")
_NUMBER_WITH_PERCENT = re.compile(rf"({_NUMBER.pattern})\s*%")
_EXPONENT = re.compile(rf"(?:{_NUMBER.pattern})[eE][-+]?\d+%?")


class NumberError(ValueError):
    """Text that is not a number, or a number beyond the limits; ``hint`` says what to do, if anything."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


def parse_number(text: str) -> tuple[Decimal, bool]:
    """``" 1,238 "`` → 1238; ``"93%"`` → 93 with ``had_percent`` True. Thousands groups must be whole."""
    written = text.strip()
    cleaned = written.replace("\u2212", "-")
    had_percent = False
    if match := _NUMBER_WITH_PERCENT.fullmatch(cleaned):
        cleaned, had_percent = match[1], True
    if not _NUMBER.fullmatch(cleaned):
        if _EXPONENT.fullmatch(cleaned.replace(" ", "")):
            raise NumberError(
                f"'{written}' is in exponent notation",
                "write the number out in full: Excel shows large numbers this way in a narrow column, "
                "and the digits it leaves out are lost",
            )
        raise NumberError(f"'{written}' is not a number")
    try:
        number = Decimal(cleaned.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        raise NumberError(f"'{written}' is not a number") from None
    return checked_number(number, written), had_percent


def checked_number(number: Decimal, written: str) -> Decimal:
    """``number`` if it is within the limits above; ``NumberError`` naming ``written`` otherwise."""
    if not number.is_finite():
        raise NumberError(f"'{written}' is not a finite number", "write a number, or leave the cell empty")
    if abs(number) >= MAX_MAGNITUDE:
        raise NumberError(
            f"'{written}' is too large: numbers must be smaller than 10^15 (1,000,000,000,000,000)",
            "check the cell: a spreadsheet cannot hold a number this large exactly",
        )
    # Counted from the digits as written: normalize() would first round them to the context's 28.
    digits = len("".join(map(str, number.as_tuple().digits)).strip("0"))
    if digits > MAX_SIGNIFICANT_DIGITS:
        raise NumberError(
            f"'{written}' has {digits} significant digits; at most {MAX_SIGNIFICANT_DIGITS} are kept",
            f"round it to {EXCEL_DIGITS} significant digits, as Excel does",
        )
    return number


def number_from_float(value: float) -> tuple[Decimal, str]:
    """A spreadsheet's float as Excel shows it (15 significant digits), and that text: 0.1 + 0.2 → 0.3."""
    text = format(value, f".{EXCEL_DIGITS}g") if math.isfinite(value) else str(value)
    return Decimal(text), text


def round_half_away(value: Decimal, decimals: int) -> Decimal:
    """Round as Excel does: 70.5 → 71 and -70.5 → -71, never banker's rounding."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def written_decimals(value: Decimal) -> int:
    """How many decimal places the number was written with (``93.40`` → 2)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0
