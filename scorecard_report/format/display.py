"""How every number, amount of money, target and label is written: one spelling for all outputs."""

from __future__ import annotations

from decimal import Decimal

from scorecard_report.inputs.targets import Above, Below, Range, SingleValue, Target
from scorecard_report.inputs.vocabulary import Polarity, Unit
from scorecard_report.rules.numbers import round_half_away, written_decimals

MILLION = Decimal(1_000_000)


# ---------------------------------------------------------------- typography

MINUS = "\u2212"  # a real minus sign, not the hyphen: "−3%"
PLUS = "+"
JOIN = (
    "\u2060"  # WORD JOINER: no line break between a sign and its number; invisible, not copied by pdftotext
)
NBSP = "\u00a0"  # between a relation and its number: "≥ 85%" never breaks after the "≥"
RANGE_DASH = "\u2013"  # en dash, low to high: "85–90%"
POINTS = "pp"  # percentage points: a change of a percentage, never read as a relative change
MILLION_DECIMALS = 1  # £1.2m: currency of £1,000,000 or more is shown in millions to one decimal


def signed(sign: str, text: str) -> str:
    """``sign`` joined to ``text`` so that no line break falls between them: ``−⁠£1,250``."""
    return f"{sign}{JOIN}{text}" if sign else text


# ---------------------------------------------------------------- numbers and money


def _grouped(value: Decimal, decimals: int) -> str:
    """The size of ``value`` at ``decimals`` places with thousands separators, and a joined minus."""
    rounded = round_half_away(value, decimals)
    # -0.4 shown at 0 decimals is 0, not "-0".
    return signed(MINUS if rounded < 0 else "", f"{abs(rounded):,.{decimals}f}")


def format_count(count: int) -> str:
    """``1,238``: a count of indicators, rows or items, with thousands separators."""
    return f"{count:,}"


def format_figure(figure: Decimal | int) -> str:
    """A figure as written in a sentence: ``1,238``; one with a fraction (``12.5`` staff) keeps one
    decimal."""
    value = Decimal(figure)
    return _grouped(value, 0 if value == value.to_integral_value() else 1)


def format_value(
    value: Decimal | None,
    unit: Unit,
    decimals: int,
    missing_label: str,
    millions: int | None = MILLION_DECIMALS,
) -> str:
    """``1,238``, ``93%``, ``121.5``, ``2.1``, ``£1,250`` or ``£1.2m``; missing shows the label.

    ``millions`` is how many decimals currency of a million or more has in millions (``£1.38m`` at 2);
    ``None`` writes it in full (``£1,382,400``). A negative value has a real minus joined to it.
    """
    if value is None:
        return missing_label
    if unit is Unit.PERCENT:
        return f"{_grouped(value, decimals)}%"
    if unit is Unit.CURRENCY:
        return _currency(value, decimals, millions)
    return _grouped(value, decimals)


def _currency(value: Decimal, decimals: int, millions: int | None = MILLION_DECIMALS) -> str:
    size = abs(value)
    in_millions = millions is not None and size >= MILLION
    places = millions if millions is not None and in_millions else decimals
    shown = round_half_away(size / MILLION if in_millions else size, places)
    text = f"£{shown:,.{places}f}{'m' if in_millions else ''}"
    return signed(MINUS if value < 0 and shown != 0 else "", text)


def format_change(
    change: Decimal | None, unit: Unit, decimals: int, millions: int | None = MILLION_DECIMALS
) -> str:
    """A signed difference, ``+⁠1.3pp`` or ``−⁠43``: percent differences are percentage points (pp)."""
    if change is None:
        return ""
    rounded = round_half_away(change, decimals)
    sign = PLUS if rounded > 0 else MINUS if rounded < 0 else ""
    if unit is Unit.PERCENT:
        return signed(sign, f"{_grouped(abs(rounded), decimals)}{POINTS}")
    return signed(sign, format_value(abs(rounded), unit, decimals, "", millions))


def format_size(change: Decimal, unit: Unit, decimals: int) -> str:
    """How big a difference is, in a table: ``127``, ``0.6pp``, ``£1,250`` (unsigned)."""
    size = abs(round_half_away(change, decimals))
    if unit is Unit.PERCENT:
        return f"{_grouped(size, decimals)}{POINTS}"
    return format_value(size, unit, decimals, "")


def format_size_of_change(change: Decimal, unit: Unit, decimals: int) -> str:
    """How big a difference is, for a sentence: ``127``, ``3 percentage points``, ``£1,250``."""
    size = abs(round_half_away(change, decimals))
    if unit is Unit.PERCENT:
        return f"{_grouped(size, decimals)} percentage point{'' if size == 1 else 's'}"
    return format_value(size, unit, decimals, "")


def plain(value: Decimal) -> str:
    """The number without exponent, grouping or trailing zeros: how the summary CSV writes data values."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


# ---------------------------------------------------------------- targets


def format_bound(
    bound: Decimal, unit: Unit, decimals: int = 0, millions: int | None = MILLION_DECIMALS
) -> str:
    """A target's or threshold's number: at least ``decimals`` places, never fewer than it was written
    with (``85.5%`` stays 85.5 beside values shown at 0 decimals); money in millions as values are."""
    return format_value(bound, unit, max(decimals, written_decimals(bound)), "", millions)


def _relation(symbol: str, text: str) -> str:
    return f"{symbol}{NBSP}{text}" if symbol else text


def format_relation(target: Target, polarity: Polarity) -> str:
    """The relation a value must have to the target's bound: ``≥``, ``>``, ``≤``, ``<``; ``""`` for a
    range, and for a single value with no better direction."""
    match target:
        case Above(inclusive=inclusive):
            return "≥" if inclusive else ">"
        case Below(inclusive=inclusive):
            return "≤" if inclusive else "<"
        case SingleValue():
            return {Polarity.HIGH: "≥", Polarity.LOW: "≤", Polarity.NEUTRAL: ""}[polarity]
        case Range():
            return ""


def format_range(
    low: Decimal, high: Decimal, unit: Unit, decimals: int = 0, millions: int | None = MILLION_DECIMALS
) -> str:
    """Low to high with an en dash: ``85–90%``, ``550–700``, ``£1,000–£2,500``; ``−5% to 5%`` when the
    range starts below zero, where a dash beside a minus would be hard to read."""
    first = format_bound(low, unit, decimals, millions)
    last = format_bound(high, unit, decimals, millions)
    if low < 0:
        return f"{first} to {last}"
    if unit is Unit.PERCENT:
        first = first.removesuffix("%")
    return f"{first}{RANGE_DASH}{JOIN}{last}"


def format_target(
    target: Target | None,
    unit: Unit,
    polarity: Polarity,
    decimals: int = 0,
    millions: int | None = MILLION_DECIMALS,
) -> str:
    """The target in the house notation, whatever was typed: ``≥ 80%`` (``>=80%``, or ``80%`` with
    polarity high), ``> 65%``, ``≤ 25%``, ``< 15%``, ``85–90%``; a label the catalogue wrote after the
    number is kept (``≤ 5 working days``). Numbers are at least ``decimals`` places (see ``format_bound``).
    """
    if target is None:
        return ""
    if isinstance(target, Range):
        text = format_range(target.low, target.high, unit, decimals, millions)
    else:
        bound = target.bound if isinstance(target, Above | Below) else target.value
        text = _relation(format_relation(target, polarity), format_bound(bound, unit, decimals, millions))
    return f"{text} {target.label}" if target.label else text


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
