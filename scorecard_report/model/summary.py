"""The summary page: status counts per section and the largest movements either way."""

from __future__ import annotations

from collections.abc import Sequence

from scorecard_report.format.display import format_relative_change
from scorecard_report.inputs.vocabulary import Judgement, RagStatus
from scorecard_report.model.report import Mover, Row, SectionReport, StatusCounts

MOVERS_SHOWN = 5


def status_counts(title: str, rows: Sequence[Row]) -> StatusCounts:
    statuses = [row.status for row in rows]
    judgements = [row.judgement for row in rows]
    return StatusCounts(
        title=title,
        green=statuses.count(RagStatus.GREEN),
        amber=statuses.count(RagStatus.AMBER),
        red=statuses.count(RagStatus.RED),
        no_status=statuses.count(RagStatus.NONE),
        improving=judgements.count(Judgement.IMPROVING),
        declining=judgements.count(Judgement.DECLINING),
    )


def _mover(row: Row, section: str) -> Mover | None:
    before = row.compared_with
    if before.shown is None or row.current.shown is None or before.shown == 0:
        return None
    relative = abs(row.current.shown - before.shown) / abs(before.shown)
    return Mover(row.ref, row.title, section, before.text, row.current.text, row.change_text, relative)


def largest_movers(sections: Sequence[SectionReport], judgement: Judgement) -> tuple[Mover, ...]:
    """The indicators with the largest relative change that were judged ``judgement``.

    Relative change (|change| / |comparator|) puts counts, rates and percentages on one scale;
    ties keep catalogue order.
    """
    movers = [
        mover
        for section in sections
        for row in section.rows
        if row.judgement is judgement and (mover := _mover(row, section.title)) is not None
    ]
    ranked = sorted(movers, key=lambda mover: -mover.relative_change)
    return tuple(ranked[:MOVERS_SHOWN])


def relative_change_text(mover: Mover) -> str:
    """``13%`` for a change of 12.5% of the comparator: rounded half away from zero, as everywhere."""
    return format_relative_change(mover.relative_change)
