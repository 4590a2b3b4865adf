"""The summary page: status and band counts per section, and the largest movements either way."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from itertools import pairwise

from scorecard_report.format.display import format_size, format_value
from scorecard_report.inputs.vocabulary import Judgement, RagStatus, Unit
from scorecard_report.model.report import BandCount, Mover, Row, SectionReport, StatusCounts
from scorecard_report.rules.bands import BELOW_BANDS_KEY

MOVERS_SHOWN = 5
MIN_MOVEMENTS = 3  # earlier period-to-period movements a row needs before its change is ranked
MOVERS_KEY = (
    "Ranked by the change divided by the indicator's typical movement from one period to the next "
    "(the average over its trend before this change), so counts, rates and percentages compare fairly; "
    f"indicators with fewer than {MIN_MOVEMENTS} earlier movements, or none, are not ranked."
)

BandOrder = tuple[tuple[str, str], ...]  # (key, label), best first


# ---------------------------------------------------------------- counts


def band_order(rows: Sequence[Row], below_bands: str) -> BandOrder:
    """Every band the rows use, best first, the below-bands label last; () when no row has bands.

    Each indicator's bands run worst to best; a key first met in a later indicator goes just above
    the band below it in that indicator, so the catalogue's own order is kept.
    """
    worst_first = [BELOW_BANDS_KEY]
    labels = {BELOW_BANDS_KEY: below_bands}
    for row in rows:
        below = BELOW_BANDS_KEY
        for key, label, _threshold in row.bands:
            if key not in worst_first:
                worst_first.insert(worst_first.index(below) + 1, key)
                labels[key] = label
            below = key
    if len(worst_first) == 1:
        return ()
    return tuple((key, labels[key]) for key in reversed(worst_first))


def status_counts(title: str, rows: Sequence[Row], bands: BandOrder = ()) -> StatusCounts:
    """RAG counts and judgements, and the count in each of ``bands`` (every band, zeros included)."""
    statuses = [row.status for row in rows]
    judgements = [row.judgement for row in rows]
    band_keys = [row.band_key for row in rows]
    return StatusCounts(
        title=title,
        green=statuses.count(RagStatus.GREEN),
        amber=statuses.count(RagStatus.AMBER),
        red=statuses.count(RagStatus.RED),
        no_status=statuses.count(RagStatus.NONE),
        improving=judgements.count(Judgement.IMPROVING),
        declining=judgements.count(Judgement.DECLINING),
        bands=tuple(BandCount(key, label, band_keys.count(key)) for key, label in bands),
        no_band=band_keys.count(None),
    )


# ---------------------------------------------------------------- movers


def typical_movement(row: Row) -> Decimal | None:
    """The mean absolute movement between consecutive trend periods that both have a value, leaving
    out the latest movement (into the current period): None with fewer than ``MIN_MOVEMENTS``.

    Values are compared as shown, like every judgement.
    """
    earlier = row.trend[:-1]
    movements = [
        abs(later.shown - before.shown)
        for before, later in pairwise(earlier)
        if before.shown is not None and later.shown is not None
    ]
    if len(movements) < MIN_MOVEMENTS:
        return None
    return sum(movements, Decimal(0)) / len(movements)


def _mover(row: Row, section: str) -> Mover | None:
    before, current = row.compared_with, row.current
    if before.shown is None or current.shown is None:
        return None
    typical = typical_movement(row)
    if typical is None or typical == 0:
        return None
    change = current.shown - before.shown
    score = abs(change) / typical
    average_decimals = row.decimals + 1  # an average is shown to one more place than its values
    return Mover(
        ref=row.ref,
        title=row.title,
        section=section,
        before=before.text,
        after=current.text,
        change_text=row.change_text,
        score=score,
        score_text=format_value(score, Unit.AVERAGE, 1, ""),
        typical_movement=typical,
        typical_movement_text=format_size(typical, row.unit, average_decimals),
        comparator_period=before.period,
        comparator_period_text=before.period_text,
        before_value=before.shown,
        change=change,
    )


def largest_movers(sections: Sequence[SectionReport], judgement: Judgement) -> tuple[Mover, ...]:
    """The indicators judged ``judgement`` whose change is the most of their typical movements.

    The change in typical movements puts counts, rates and percentages on one scale without favouring
    small numbers (5 → 4 is a 20% fall but, for a count that usually moves by 2, half a typical
    movement); ties keep catalogue order.
    """
    movers = [
        mover
        for section in sections
        for row in section.rows
        if row.judgement is judgement and (mover := _mover(row, section.title)) is not None
    ]
    ranked = sorted(movers, key=lambda mover: -mover.score)
    return tuple(ranked[:MOVERS_SHOWN])
