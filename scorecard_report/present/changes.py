"""The page "What changed since the last edition": one table per kind of change, and what was compared."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from scorecard_report.format.periods import day_short
from scorecard_report.model.changes import Change, ChangeKind, EarlierEdition
from scorecard_report.model.report import Report
from scorecard_report.present.anchors import anchor

CHANGES_TITLE = "What changed since the last edition"
KIND_HEADINGS = {
    ChangeKind.STATUS: "Status changes",
    ChangeKind.BAND: "Band changes",
    ChangeKind.VARIATION: "Variation changes",
    ChangeKind.ASSURANCE: "Assurance changes",
    ChangeKind.ATTENTION: "Newly needing attention",
    ChangeKind.NEW: "New indicators",
    ChangeKind.DROPPED: "Dropped indicators",
    ChangeKind.REVISION: "Revised values",
}
# Every column a changes table may have, the ref first; a column no line of a kind fills is left out.
CHANGE_COLUMNS = ("Ref", "Indicator", "Section", "Period", "Was", "Now")


@dataclass(frozen=True)
class ChangeLine:
    ref: str  # the row's header
    link: str  # the anchor of the indicator's appendix page; "" where this edition has none
    cells: tuple[str, ...]  # after the ref, one per column after "Ref"


@dataclass(frozen=True)
class ChangesTable:
    id: str  # "changes-status": the table's caption id, the same in every build
    heading: str  # "Status changes": the table's caption and heading
    columns: tuple[str, ...]
    lines: tuple[ChangeLine, ...]


@dataclass(frozen=True)
class ChangesView:
    anchor: str
    title: str
    intro: str  # "Compared with the Sep 2026 edition, recorded 8 Oct 2026 (scorecard-2026-09-snapshot.json)."
    tables: tuple[ChangesTable, ...]  # in ChangeKind order, only the kinds that have changes
    empty: str  # "Nothing changed since the Sep 2026 edition.", said instead of tables; "" when any


def changes_view(report: Report) -> ChangesView | None:
    """The page for ``report.changes``; None when there is no earlier edition to compare with."""
    changes = report.changes
    if changes is None:
        return None
    linked = {row.ref for row in report.rows if row.in_appendix}
    tables = tuple(
        _table(kind, changes.of_kind(kind), linked) for kind in ChangeKind if changes.of_kind(kind)
    )
    return ChangesView(
        anchor="changes",
        title=CHANGES_TITLE,
        intro=intro_sentence(changes.earlier),
        tables=tables,
        empty=f"Nothing changed since the {changes.earlier.period_text} edition." if changes.none else "",
    )


def intro_sentence(earlier: EarlierEdition) -> str:
    """ "Compared with the Sep 2026 edition, recorded 8 Oct 2026 (scorecard-2026-09-snapshot.json)." """
    recorded = recorded_day(earlier.recorded)
    when = f", recorded {recorded}" if recorded else ""
    source = f" ({earlier.file_name})" if earlier.file_name else ""
    return f"Compared with the {earlier.period_text} edition{when}{source}."


def recorded_day(recorded: str) -> str:
    """``2026-10-08T06:00:00Z`` → ``8 Oct 2026``: the day (UTC, as the snapshot records it) an edition was
    recorded; a stamp that is not ISO 8601 is shown as written, and none says nothing."""
    if not recorded:
        return ""
    try:
        moment = dt.datetime.fromisoformat(recorded.replace("Z", "+00:00"))
    except ValueError:
        return recorded
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return day_short(moment.date())


def _table(kind: ChangeKind, changes: tuple[Change, ...], linked: Collection[str]) -> ChangesTable:
    full = [(change.title, change.section, change.period_text, change.was, change.now) for change in changes]
    kept = [index for index in range(len(CHANGE_COLUMNS) - 1) if any(line[index] for line in full)]
    lines = tuple(
        ChangeLine(
            ref=change.ref,
            link=anchor("indicator", change.ref) if change.ref in linked else "",
            cells=tuple(line[index] for index in kept),
        )
        for change, line in zip(changes, full, strict=True)
    )
    columns = (CHANGE_COLUMNS[0], *(CHANGE_COLUMNS[index + 1] for index in kept))
    return ChangesTable(f"changes-{kind.value}", KIND_HEADINGS[kind], columns, lines)
