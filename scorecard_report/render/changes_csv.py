"""The changes CSV: one line per change since the edition compared with, in the changes page's order.

Written as the summary CSV is (``summary_csv.csv_bytes``: the same dialect, the same byte-order mark,
formula-safe cells).
With no earlier edition to compare with, the file is its header alone, so that whoever reads it each month
finds the same columns.
"""

from __future__ import annotations

from scorecard_report.format.display import JOIN
from scorecard_report.model.report import Report
from scorecard_report.render.summary_csv import cell_text, csv_bytes

CHANGES_COLUMNS = ("kind", "ref", "title", "section", "period", "was", "now")


def changes_lines(report: Report) -> list[list[str | None]]:
    """A line per change, in the order of ``CHANGES_COLUMNS``; the period None for every kind but a
    revision; was and now as the pages show them, without the invisible joiner that keeps a sign to its
    number."""
    changes = report.changes.changes if report.changes is not None else ()
    return [
        [
            change.kind.value,
            change.ref,
            change.title,
            change.section,
            change.period.iso() if change.period is not None else None,
            change.was.replace(JOIN, ""),
            change.now.replace(JOIN, ""),
        ]
        for change in changes
    ]


def render_changes_csv(report: Report) -> bytes:
    """A revision's period as ``YYYY-MM`` (the period's last month), empty for every other kind."""
    return csv_bytes(CHANGES_COLUMNS, ([cell_text(cell) for cell in line] for line in changes_lines(report)))
