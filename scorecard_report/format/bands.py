"""A band scale in words: compact for a table cell, one line per band for the appendix.

Thresholds are in the house notation of targets (``≥ 85%``, ``< 10%``). The full scale says which
values, as shown, each band takes, worked out as the rules judge them (at the indicator's display
decimals, the best band whose threshold a value meets), so a gap in the catalogue's bands shows where
it falls: with ``75-84 / 85-93 / 95-99`` and polarity high, 94 is Good, and the scale says
``Good: 85–94%``.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from scorecard_report.format.display import (
    MILLION_DECIMALS,
    NBSP,
    format_bound,
    format_range,
)
from scorecard_report.inputs.targets import Above, Band, Below, threshold
from scorecard_report.inputs.vocabulary import Polarity, Unit

SEPARATOR = " · "  # between bands in a cell: a line may break here, never inside a band
DEFAULT_BELOW_BANDS = "Inadequate"


def _strict(band: Band) -> bool:
    return isinstance(band.threshold, Above | Below) and not band.threshold.inclusive


def _relation(band: Band, polarity: Polarity) -> str:
    if polarity is Polarity.HIGH:
        return ">" if _strict(band) else "≥"
    return "<" if _strict(band) else "≤"


def _with_label(text: str, band: Band) -> str:
    return f"{text} {band.threshold.label}" if band.threshold.label else text


def _thresholds(bands: tuple[Band, ...], polarity: Polarity) -> list[tuple[Band, Decimal]]:
    # A band with no threshold on the polarity's side is refused by the loader; skip it if one comes.
    pairs = [(band, threshold(band.threshold, polarity)) for band in bands]
    return [(band, bound) for band, bound in pairs if bound is not None]


def band_scale_text(
    bands: tuple[Band, ...],
    polarity: Polarity,
    unit: Unit,
    decimals: int,  # noqa: ARG001 - the same arguments as band_scale_lines, which counts in them
    millions: int | None = MILLION_DECIMALS,
) -> str:
    """``Requires improvement ≥ 75% · Good ≥ 85% · Outstanding ≥ 95%``: each band's threshold, worst to
    best, for a table cell. The below-bands label is left out: it is everything below the first.
    Thresholds are written as the catalogue gives them (``decimals`` is the indicator's display decimals,
    which the full scale counts in; a cell beside the targets shows each number at its own precision)."""

    def number(bound: Decimal) -> str:
        return format_bound(bound, unit, 0, millions)

    return SEPARATOR.join(
        _with_label(f"{band.label}{NBSP}{_relation(band, polarity)}{NBSP}{number(bound)}", band)
        for band, bound in _thresholds(bands, polarity)
    )


def band_scale_lines(
    bands: tuple[Band, ...],
    polarity: Polarity,
    unit: Unit,
    decimals: int,
    below_bands: str = DEFAULT_BELOW_BANDS,
    millions: int | None = MILLION_DECIMALS,
) -> tuple[str, ...]:
    """The full scale, worst first, one line per band, the below-bands label first.

    Polarity high, ``75-84 / 85-93 / 95-99`` at 0 decimals: ``Inadequate: < 75%``,
    ``Requires improvement: 75–84%``, ``Good: 85–94%``, ``Outstanding: ≥ 95%``. Polarity low,
    ``16-20 / 10-15 / Below 10``: ``Inadequate: > 20%``, ``Requires improvement: 16–20%``,
    ``Good: 10–15%``, ``Outstanding: < 10%``. Each range runs between the smallest and the largest
    value shown at ``decimals`` that the band takes; a band no shown value can reach is left out.
    """
    pairs = _thresholds(bands, polarity)
    if not pairs:
        return ()
    high = polarity is Polarity.HIGH
    step = Decimal(1).scaleb(-decimals)
    # Money in millions would round a band's edges together (£1.0m–£1.0m): bands of money are in full.
    places = None if unit is Unit.CURRENCY else millions

    def number(value: Decimal) -> str:
        return format_bound(value, unit, decimals, places)

    first_band, first = pairs[0]
    below = ("<" if high else ">") if not _strict(first_band) else ("≤" if high else "≥")
    lines = [_with_label(f"{below_bands}: {below}{NBSP}{number(first)}", first_band)]
    for index, (band, bound) in enumerate(pairs):
        if index == len(pairs) - 1:
            lines.append(_with_label(f"{band.label}: {_relation(band, polarity)}{NBSP}{number(bound)}", band))
            continue
        following, edge = pairs[index + 1]
        if high:  # from this threshold up to just short of the next one
            low = _above(bound, step, strict=_strict(band))
            top = _below(edge, step, strict=not _strict(following))
        else:  # from just past the next (better, lower) threshold up to this one
            low = _above(edge, step, strict=not _strict(following))
            top = _below(bound, step, strict=_strict(band))
        if low > top:
            continue
        shown = number(low) if low == top else format_range(low, top, unit, decimals, places)
        lines.append(_with_label(f"{band.label}: {shown}", band))
    return tuple(lines)


def _above(bound: Decimal, step: Decimal, *, strict: bool) -> Decimal:
    """The smallest value at ``step`` that is at least (``strict``: more than) ``bound``."""
    if strict:
        return (bound / step).to_integral_value(ROUND_FLOOR) * step + step
    return (bound / step).to_integral_value(ROUND_CEILING) * step


def _below(bound: Decimal, step: Decimal, *, strict: bool) -> Decimal:
    """The largest value at ``step`` that is at most (``strict``: less than) ``bound``."""
    if strict:
        return (bound / step).to_integral_value(ROUND_CEILING) * step - step
    return (bound / step).to_integral_value(ROUND_FLOOR) * step
