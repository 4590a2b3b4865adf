"""What changed since an earlier edition: this report set beside the snapshot of one recorded before.

The rules are in docs/scorecard-rules.md ("What changed since the last edition"). Both sides are compared
as they were shown: the status, band, variation and assurance words, and each period's value.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from scorecard_report.format.display import format_value
from scorecard_report.format.periods import month_short
from scorecard_report.inputs.snapshot import ShownValue, Snapshot, SnapshotRow
from scorecard_report.inputs.vocabulary import Unit
from scorecard_report.model.changes import Change, ChangeKind, Changes, EarlierEdition, Revision
from scorecard_report.model.report import Report, Row
from scorecard_report.model.snapshot import report_snapshot, shown_figures
from scorecard_report.rules.numbers import round_half_away, written_decimals

NO_BAND = "No band"  # the summary page's word for a row without a band
# The words whose change is listed, with what an empty side is shown as; None: listed only where both
# editions showed a word, since SPC starting or stopping (too few points, a month without a value) is not
# a change of the process.
_WORDS: tuple[tuple[ChangeKind, str, str | None], ...] = (
    (ChangeKind.STATUS, "status", None),
    (ChangeKind.BAND, "band", NO_BAND),
    (ChangeKind.VARIATION, "variation", None),
    (ChangeKind.ASSURANCE, "assurance", None),
)


def compare(earlier: Snapshot, report: Report, file_name: str) -> Report:
    """``report`` with its changes since ``earlier`` (read from ``file_name``) and each row's revisions."""
    now = report_snapshot(report, earlier.name, "")
    before = {row.ref: row for row in earlier.rows}
    both = [(before[now_row.ref], now_row) for now_row in now.rows if now_row.ref in before]
    rows = {row.ref: row for row in report.rows}
    revisions = {
        now_row.ref: row_revisions(was, now_row, rows[now_row.ref], report.missing_label)
        for was, now_row in both
    }
    sections = tuple(
        replace(
            section, rows=tuple(replace(row, revisions=revisions.get(row.ref, ())) for row in section.rows)
        )
        for section in report.sections
    )
    changes = (
        *_word_changes(both),
        *_newly_needing_attention(both, report),
        *_new_and_dropped(earlier, now),
        *_revision_changes(both, revisions),
    )
    return replace(report, sections=sections, changes=Changes(_earlier_edition(earlier, file_name), changes))


def _earlier_edition(earlier: Snapshot, file_name: str) -> EarlierEdition:
    return EarlierEdition(
        earlier.name, earlier.period, month_short(earlier.period), earlier.recorded, file_name
    )


def _word_changes(both: list[tuple[SnapshotRow, SnapshotRow]]) -> Iterator[Change]:
    """Status changes in catalogue order, then band, variation and assurance changes."""
    for kind, field, empty in _WORDS:
        yield from (change for was, now in both if (change := word_change(kind, field, empty, was, now)))


def word_change(
    kind: ChangeKind, field: str, empty: str | None, was: SnapshotRow, now: SnapshotRow
) -> Change | None:
    """The change of one word (status, band, variation, assurance) between the editions, if it changed."""
    before, after = getattr(was, field), getattr(now, field)
    if before == after or (empty is None and not (before and after)):
        return None
    return Change(kind, now.ref, now.title, now.section, before or empty or "", after or empty or "")


def _newly_needing_attention(both: list[tuple[SnapshotRow, SnapshotRow]], report: Report) -> Iterator[Change]:
    """Rows under "Needs attention" now that were not in the earlier edition; ``now`` is the reading that
    puts them there (a new indicator is listed as new only)."""
    readings = {item.ref: item.reading for item in report.attention}
    for was, now in both:
        if now.in_attention and not was.in_attention:
            yield Change(ChangeKind.ATTENTION, now.ref, now.title, now.section, "", readings.get(now.ref, ""))


def _new_and_dropped(earlier: Snapshot, now: Snapshot) -> Iterator[Change]:
    """Indicators new to this edition's catalogue, in its order, then those dropped, in the earlier's."""
    before, kept = {row.ref for row in earlier.rows}, {row.ref for row in now.rows}
    for row in now.rows:
        if row.ref not in before:
            yield Change(ChangeKind.NEW, row.ref, row.title, row.section, "", _current_text(row))
    for row in earlier.rows:
        if row.ref not in kept:
            yield Change(ChangeKind.DROPPED, row.ref, row.title, row.section, _current_text(row), "")


def _current_text(row: SnapshotRow) -> str:
    """The row's current figure as shown: a new indicator's now, a dropped one's was."""
    current = row.current
    return current.text if current is not None else ""


def _revision_changes(
    both: list[tuple[SnapshotRow, SnapshotRow]], revisions: dict[str, tuple[Revision, ...]]
) -> Iterator[Change]:
    """Each revised value, in catalogue order, each row's oldest first."""
    for _was, now in both:
        for revision in revisions[now.ref]:
            yield Change(
                ChangeKind.REVISION,
                now.ref,
                now.title,
                now.section,
                revision.was_text,
                revision.now_text,
                revision.period,
                revision.period_text,
            )


def row_revisions(was: SnapshotRow, now: SnapshotRow, row: Row, missing_label: str) -> tuple[Revision, ...]:
    """Each period both editions showed whose value is now different, oldest first. A value arriving for a
    period that had none is the data catching up, not a revision; a value withdrawn is one."""
    figures = shown_figures(row)
    revised = []
    for period in sorted(was.values.keys() & now.values.keys()):
        before, after = was.values[period], now.values[period]
        if before.value is None or before.value == after.value:
            continue
        was_text, now_text = texts_that_differ(before, after, row.unit, row.decimals, missing_label)
        revised.append(
            Revision(period, figures[period].period_text, before.value, after.value, was_text, now_text)
        )
    return tuple(revised)


def texts_that_differ(
    was: ShownValue, now: ShownValue, unit: Unit, decimals: int, missing_label: str
) -> tuple[str, str]:
    """The two values as each edition showed them; where those read alike (93.0 revised to 93.2, both
    ``93%``), both written with the fewest more decimals that tell them apart (``93.0%``, ``93.2%``), and
    money in full pounds rather than millions."""
    if was.text != now.text or was.value is None or now.value is None:
        return was.text, now.text
    enough = max(decimals, written_decimals(was.value), written_decimals(now.value))
    differ = (places for places in range(decimals, enough) if _rounded_apart(was.value, now.value, places))
    places = next(differ, enough)  # at the decimals they were written with, two different values differ
    return (
        format_value(was.value, unit, places, missing_label, millions=None),
        format_value(now.value, unit, places, missing_label, millions=None),
    )


def _rounded_apart(was: Decimal, now: Decimal, places: int) -> bool:
    return round_half_away(was, places) != round_half_away(now, places)
