"""What a report shows, as a snapshot: every row's words and every value it shows, the one record that the
snapshot file is written from (render/snapshot.py) and the next edition is compared against
(model/compare.py)."""

from __future__ import annotations

from collections.abc import Iterator

from scorecard_report import __version__
from scorecard_report.format.words import STATUS_WORDS
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.snapshot import SNAPSHOT_FORMAT, ShownValue, Snapshot, SnapshotRow
from scorecard_report.inputs.spc import Assurance
from scorecard_report.model.report import Figure, Report, Row


def report_snapshot(report: Report, name: str, recorded: str) -> Snapshot:
    """``report`` as the edition ``name`` showed it, recorded at ``recorded`` (ISO 8601 UTC)."""
    attention = {item.ref for item in report.attention}
    rows = tuple(
        row_snapshot(row, section.title, row.ref in attention)
        for section in report.sections
        for row in section.rows
    )
    return Snapshot(SNAPSHOT_FORMAT, __version__, name, report.period, recorded, rows)


def row_snapshot(row: Row, section: str, in_attention: bool) -> SnapshotRow:
    """The row's words as shown ("" for a band, variation or assurance it does not show) and its values."""
    return SnapshotRow(
        ref=row.ref,
        title=row.title,
        section=section,
        frequency=row.frequency,
        unit=row.unit,
        decimals=row.decimals,
        status=STATUS_WORDS[row.status],
        band=row.band or "",
        variation=row.spc.variation_text if row.spc.shown else "",
        assurance=row.spc.assurance_text if row.spc.assurance is not Assurance.NONE else "",
        in_attention=in_attention,
        current_period=row.current.period,
        values={
            period: ShownValue(figure.value, figure.text)
            for period, figure in sorted(shown_figures(row).items())
        },
    )


def shown_figures(row: Row) -> dict[Month, Figure]:
    """Every figure the row shows, by period: its trend (which the chart draws from), current, previous
    period and year, the quarters of the year so far and the annual figure. Each is the row's value at its
    period, so one period has one figure wherever it is shown."""
    figures: dict[Month, Figure] = {}
    for figure in _every_figure(row):
        figures.setdefault(figure.period, figure)
    return figures


def _every_figure(row: Row) -> Iterator[Figure]:
    yield from row.trend
    yield from row.chart_trend
    yield row.current
    yield row.previous_period
    yield row.previous_year
    yield from (quarter.figure for quarter in row.quarters if quarter.figure is not None)
    if row.annual is not None:
        yield row.annual
