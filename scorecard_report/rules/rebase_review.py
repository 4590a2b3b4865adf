"""Whether a rebase still rests on the figures it was decided on: its recorded data against the values now.

A rebase is a judgement made on the data of its day. When a month it was decided on is later revised or
withdrawn, the judgement needs a second look; a month recorded without a value that has one now is the
data catching up, not a revision, and needs none.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.spc import DecidedOn, RevisedFigure


def data_since(series: Mapping[Month, Decimal | None], since: Month) -> DecidedOn:
    """Every month from ``since`` to the last one with a value, each with its value (None without one);
    nothing when no month from ``since`` on has a value."""
    with_value = [month for month, value in series.items() if value is not None and month >= since]
    if not with_value:
        return ()
    last = max(with_value)
    months = (Month.from_index(index) for index in range(since.index, last.index + 1))
    return tuple((month, series.get(month)) for month in months)


def revised_figures(
    decided_on: DecidedOn, series: Mapping[Month, Decimal | None]
) -> tuple[RevisedFigure, ...]:
    """Each recorded value that the values now give differently (as numbers: 95.2 is 95.20) or not at all,
    oldest first."""
    revised = (
        RevisedFigure(month, was, series.get(month))
        for month, was in sorted(decided_on, key=lambda recorded: recorded[0])
        if was is not None
    )
    return tuple(figure for figure in revised if figure.now != figure.was)
