"""The Word document's page "What changed since the last edition": its heading, what was compared, and a
table per kind of change, each under its own heading, with a header row that repeats."""

from __future__ import annotations

from scorecard_report.present.changes import ChangesTable, ChangesView
from scorecard_report.render.docx_tables import TABLE_WIDTH_MM
from scorecard_report.render.docx_text import Writing

# Column widths in millimetres by heading; the indicator's title takes what the others leave.
COLUMN_MM = {"Ref": 18.0, "Section": 50.0, "Period": 28.0, "Was": 45.0, "Now": 45.0}


def write_changes(w: Writing, changes: ChangesView) -> None:
    """The page, bookmarked for the contents, then a page break."""
    w.heading(changes.title, "Heading 1", changes.anchor)
    w.paragraph(changes.intro)
    if changes.empty:
        w.paragraph(changes.empty)
    for table in changes.tables:
        w.paragraph(table.heading, "Heading 2")
        _table(w, table)
    w.page_break()


def column_widths(columns: tuple[str, ...]) -> tuple[float, ...]:
    """Each column's width: its own, the indicator's title the rest of the page's width."""
    fixed = sum(COLUMN_MM.get(column, 0.0) for column in columns)
    rest = TABLE_WIDTH_MM - fixed
    return tuple(COLUMN_MM.get(column, rest) for column in columns)


def _table(w: Writing, table: ChangesTable) -> None:
    """The ref in bold as the row's header, linked to its appendix page where it has one."""
    tables = w.tables
    grid = tables.table(
        table.columns, column_widths(table.columns), rows=len(table.lines), caption=table.heading
    )
    for table_row, line in zip(grid.rows[1:], table.lines, strict=True):
        ref, *rest = table_row.cells
        tables.text(ref, line.ref, bold=True, link=line.link)
        for cell, text in zip(rest, line.cells, strict=True):
            tables.text(cell, text)
