"""The page "What changed since the last edition": what it says it compared with, a table per kind of
change in ChangeKind order with only the columns that kind fills, refs linked to their appendix pages,
a sentence when nothing changed, and its place in the contents right after the summary.

The changes are made by hand (model/compare.py works them out in a build) and put on the October 2026
report of ``support.py``, compared with a September 2026 edition recorded on 8 October 2026.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from scorecard_report.inputs.periods import Month
from scorecard_report.model.changes import Change, ChangeKind, Changes, EarlierEdition
from scorecard_report.model.report import Report
from scorecard_report.present.changes import changes_view, intro_sentence, recorded_day
from scorecard_report.present.document import document_view

SEPTEMBER = EarlierEdition(
    name="scorecard",
    period=Month(2026, 9),
    period_text="Sep 2026",
    recorded="2026-10-08T06:00:00Z",
    file_name="scorecard-2026-09-snapshot.json",
)
CIN = "Children in Need"
# Out of kind order on purpose: whatever order they come in, the page lists them in ChangeKind order.
CHANGES = (
    Change(ChangeKind.REVISION, "CIN22", "Repeat plans", CIN, "21%", "20%", Month(2026, 8), "Aug 2026"),
    Change(ChangeKind.STATUS, "CA1", "Assessments in time", CIN, "Amber", "Red"),
    Change(ChangeKind.BAND, "CIN26", "Return interviews", CIN, "Requires improvement", "Inadequate"),
    Change(ChangeKind.NEW, "WF1", "Highest caseload", "Workforce", "", "27"),
    Change(ChangeKind.DROPPED, "CIN99", "Old measure", CIN, "12%", ""),
)


def with_changes(report: Report, *changes: Change) -> Report:
    return replace(report, changes=Changes(SEPTEMBER, changes))


def test_the_intro_names_the_edition_when_it_was_recorded_and_its_snapshot() -> None:
    assert intro_sentence(SEPTEMBER) == (
        "Compared with the Sep 2026 edition, recorded 8 Oct 2026 (scorecard-2026-09-snapshot.json)."
    )


@pytest.mark.parametrize(
    ("recorded", "day"),
    [
        pytest.param("2026-10-08T06:00:00Z", "8 Oct 2026", id="the snapshot's own UTC stamp"),
        # 23:30 UTC on the 7th is 00:30 BST on the 8th: the day is the stamp's own, UTC, as recorded.
        pytest.param("2026-10-07T23:30:00Z", "7 Oct 2026", id="late in the evening: still the 7th"),
        pytest.param("2026-10-08T00:30:00+01:00", "7 Oct 2026", id="an offset is read back to UTC"),
        pytest.param("2026-01-31T09:00:00Z", "31 Jan 2026", id="no leading zero, the month short"),
        pytest.param("last Thursday", "last Thursday", id="not a stamp: shown as written"),
        pytest.param("", "", id="none"),
    ],
)
def test_the_day_an_edition_was_recorded(recorded: str, day: str) -> None:
    assert recorded_day(recorded) == day


def test_a_table_per_kind_in_kind_order_with_only_the_columns_it_fills(report: Report) -> None:
    view = changes_view(with_changes(report, *CHANGES))
    assert view is not None
    assert view.title == "What changed since the last edition"
    assert view.empty == ""
    assert [(table.heading, table.columns) for table in view.tables] == [
        ("Status changes", ("Ref", "Indicator", "Section", "Was", "Now")),
        ("Band changes", ("Ref", "Indicator", "Section", "Was", "Now")),
        # A new indicator was nothing before, a dropped one is nothing now: the column goes.
        ("New indicators", ("Ref", "Indicator", "Section", "Now")),
        ("Dropped indicators", ("Ref", "Indicator", "Section", "Was")),
        # Only a revision has a period.
        ("Revised values", ("Ref", "Indicator", "Section", "Period", "Was", "Now")),
    ]
    assert [table.id for table in view.tables] == [
        "changes-status",
        "changes-band",
        "changes-new",
        "changes-dropped",
        "changes-revision",
    ]
    lines = {table.heading: [(line.ref, line.cells) for line in table.lines] for table in view.tables}
    assert lines["Status changes"] == [("CA1", ("Assessments in time", CIN, "Amber", "Red"))]
    assert lines["New indicators"] == [("WF1", ("Highest caseload", "Workforce", "27"))]
    assert lines["Dropped indicators"] == [("CIN99", ("Old measure", CIN, "12%"))]
    assert lines["Revised values"] == [("CIN22", ("Repeat plans", CIN, "Aug 2026", "21%", "20%"))]


def test_refs_link_to_their_appendix_pages_only_where_this_edition_has_one(report: Report) -> None:
    # WF1 is left out of the appendix; CIN99 was dropped, so this edition has no page for either.
    rows = tuple(
        replace(row, in_appendix=False) if row.ref == "WF1" else row for row in report.sections[1].rows
    )
    sections = (report.sections[0], replace(report.sections[1], rows=rows))
    view = changes_view(with_changes(replace(report, sections=sections), *CHANGES))
    assert view is not None
    links = {line.ref: line.link for table in view.tables for line in table.lines}
    assert links == {
        "CA1": "indicator-CA1",
        "CIN26": "indicator-CIN26",
        "WF1": "",
        "CIN99": "",
        "CIN22": "indicator-CIN22",
    }


def test_nothing_changed_is_said_and_there_are_no_tables(report: Report) -> None:
    view = changes_view(with_changes(report))
    assert view is not None
    assert view.tables == ()
    assert view.empty == "Nothing changed since the Sep 2026 edition."
    assert view.intro == (
        "Compared with the Sep 2026 edition, recorded 8 Oct 2026 (scorecard-2026-09-snapshot.json)."
    )


def test_the_contents_list_the_page_right_after_the_summary(report: Report) -> None:
    doc = document_view(with_changes(report, *CHANGES), {}, {}, final=False, produced="2026-10-08T06:00:00Z")
    titles = [(entry.anchor, entry.title) for entry in doc.contents.entries]
    summary = titles.index(("summary", "Summary"))
    assert titles[summary + 1] == ("changes", "What changed since the last edition")
    assert doc.changes is not None and len(doc.changes.tables) == 5


def test_without_an_earlier_edition_there_is_no_page(report: Report) -> None:
    assert report.changes is None
    assert changes_view(report) is None
    doc = document_view(report, {}, {}, final=False, produced="2026-10-08T06:00:00Z")
    assert doc.changes is None
    assert "changes" not in [entry.anchor for entry in doc.contents.entries]
