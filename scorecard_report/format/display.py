"""How every number, amount of money, target and label is written: one spelling for all outputs."""

from __future__ import annotations

import re
from decimal import Decimal

from scorecard_report.inputs.targets import Target
from scorecard_report.inputs.vocabulary import Unit
from scorecard_report.rules.numbers import round_half_away

MILLION = Decimal(1_000_000)
_TARGET_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


# ---------------------------------------------------------------- numbers and money


def _grouped(value: Decimal, decimals: int) -> str:
    rounded = round_half_away(value, decimals)
    # -0.4 shown at 0 decimals is 0, not "-0".
    return f"{abs(rounded) if rounded == 0 else rounded:,.{decimals}f}"


def format_count(count: int) -> str:
    """``1,238``: a count of indicators, rows or items, with thousands separators."""
    return f"{count:,}"


def format_value(value: Decimal | None, unit: Unit, decimals: int, missing_label: str) -> str:
    """``1,238``, ``93%``, ``121.5``, ``2.1``, ``£1,250`` or ``£1.2m``; missing shows the label."""
    if value is None:
        return missing_label
    if unit is Unit.PERCENT:
        return f"{_grouped(value, decimals)}%"
    if unit is Unit.CURRENCY:
        return _currency(value, decimals)
    return _grouped(value, decimals)


def _currency(value: Decimal, decimals: int) -> str:
    size = abs(value)
    in_millions = size >= MILLION
    shown = round_half_away(size / MILLION if in_millions else size, 1 if in_millions else decimals)
    sign = "-" if value < 0 and shown != 0 else ""
    text = f"{shown:,.{1 if in_millions else decimals}f}"
    return f"{sign}£{text}m" if in_millions else f"{sign}£{text}"


def format_change(change: Decimal | None, unit: Unit, decimals: int) -> str:
    """A signed difference, ``+1.3%`` or ``-43``: percent differences are percentage points."""
    if change is None:
        return ""
    rounded = round_half_away(change, decimals)
    sign = "+" if rounded > 0 else "-" if rounded < 0 else ""
    return sign + format_value(abs(rounded), unit, decimals, "")


def format_size_of_change(change: Decimal, unit: Unit, decimals: int) -> str:
    """How big a difference is, for a sentence: ``127``, ``3 percentage points``, ``£1,250``."""
    size = abs(round_half_away(change, decimals))
    if unit is Unit.PERCENT:
        return f"{_grouped(size, decimals)} percentage point{'' if size == 1 else 's'}"
    return format_value(size, unit, decimals, "")


def format_relative_change(share: Decimal) -> str:
    """A share of the comparator's size as a whole percentage: 0.125 → ``13%`` (half away from zero)."""
    return f"{_grouped(share * 100, 0)}%"


def plain(value: Decimal) -> str:
    """The number without exponent, grouping or trailing zeros: how the summary CSV writes data values."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


# ---------------------------------------------------------------- targets


def format_target(target: Target | None, unit: Unit) -> str:
    """The target as the author wrote it; a structured one spelt out, with % for percent."""
    if target is None:
        return ""
    text = target.written
    if unit is Unit.PERCENT and "%" not in text:
        text += "%"
    if unit is Unit.CURRENCY and "£" not in text:
        # Money targets are written as plain numbers in YAML; show them as money, keeping the words.
        text = _TARGET_NUMBER.sub(lambda match: _currency(Decimal(match[0].replace(",", "")), 0), text)
    return text


# ---------------------------------------------------------------- labels


def label_with_year(label: str, year: str | None) -> str:
    """``Regional Average (2022/23)``: a benchmark's label with the year of its figures, where known."""
    return f"{label} ({year})" if year else label


DEFAULT_BAND_LABELS = {
    "inadequate": "Inadequate",
    "requires_improvement": "Requires improvement",
    "good": "Good",
    "outstanding": "Outstanding",
}


def band_label(key: str, labels: dict[str, str]) -> str:
    """The label for a band key: the catalogue's, a known default, or the key made readable."""
    if key in labels:
        return labels[key]
    return DEFAULT_BAND_LABELS.get(key, key.replace("_", " ").capitalize())
