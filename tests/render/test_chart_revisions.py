"""A value revised since the edition compared with is ringed on every trend chart (a shape, not a colour),
the legend says "Revised", and the alt text ends with a sentence listing each revision.

Rows are the small fixture's for January 2023 (FD8: 62% Jan 2022, 83% Dec 2022, 93.4% Jan 2023, the 13
months Jan 2022 .. Jan 2023 at x = 0 .. 12) and ``test_xmr_chart``'s XR1 for October 2026 (Jul 2025 ..
Oct 2026 at x = 0 .. 15; 96 in Jul 2026 at x = 12, 72 in Aug 2026 at x = 13). Revisions are made by hand.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from scorecard_report.inputs.periods import Month
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.changes import Revision
from scorecard_report.model.report import Row
from scorecard_report.present.alt_text import alt_text, revisions_text
from scorecard_report.render import chart_legend, charts
from scorecard_report.render.chart_cache import chart_key
from scorecard_report.render.chart_scale import revised_points
from scorecard_report.render.chart_style import AXIS_COLOUR, chart_style
from scorecard_report.render.charts import ChartSize

from .test_xmr_chart import _rows as xmr_rows

FIXTURES = Path(__file__).parents[1] / "fixtures"
# FD8's December value was 85% in the earlier edition and is 83% now; November had 80% and has none now.
FD8_REVISIONS = (
    Revision(Month(2022, 11), "Nov 2022", Decimal(80), None, "80%", "Not yet available"),
    Revision(Month(2022, 12), "Dec 2022", Decimal(85), Decimal(83), "85%", "83%"),
)
FD8_SENTENCE = (
    "2 values revised since the last edition: Nov 2022, was 80%, now Not yet available;"
    " Dec 2022, was 85%, now 83%."
)


@pytest.fixture(scope="module")
def fd8() -> Row:
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    report = build_report(catalogue, load_values(FIXTURES / "small.csv", catalogue), Month(2023, 1))
    return next(row for row in report.rows if row.ref == "FD8")


@pytest.fixture(scope="module")
def xr1(tmp_path_factory: pytest.TempPathFactory) -> Row:
    row = xmr_rows(str(tmp_path_factory.mktemp("xmr-revised")))["XR1"]
    revisions = (
        Revision(Month(2026, 7), "Jul 2026", Decimal(93), Decimal(96), "93%", "96%"),
        Revision(Month(2026, 8), "Aug 2026", Decimal(70), Decimal(72), "70%", "72%"),
    )
    return replace(row, revisions=revisions)


def _figure(row: Row, size: ChartSize) -> Figure:
    with chart_style(size):
        return charts.trend_figure(row, size)


def _rings(figure: Figure) -> list[Line2D]:
    return [line for line in figure.axes[0].lines if line.get_gid() == "revised"]


def _legend(figure: Figure) -> list[str]:
    return [str(artist.get_gid()) for artist in figure.artists if str(artist.get_gid()).startswith("legend")]


def _points(line: Line2D) -> list[tuple[float, float]]:
    xs = np.asarray(line.get_xdata(), dtype=float)
    ys = np.asarray(line.get_ydata(), dtype=float)
    return [(float(x), float(y)) for x, y in zip(xs, ys, strict=True)]


def test_the_alt_text_ends_with_each_revision(fd8: Row) -> None:
    revised = replace(fd8, revisions=FD8_REVISIONS)
    assert revisions_text(revised) == FD8_SENTENCE
    assert alt_text(revised) == f"{alt_text(fd8)} {FD8_SENTENCE}"
    one = replace(fd8, revisions=FD8_REVISIONS[1:])
    assert revisions_text(one) == "1 value revised since the last edition: Dec 2022, was 85%, now 83%."
    assert revisions_text(fd8) == ""


def test_the_xmr_alt_text_ends_with_them_too(xr1: Row) -> None:
    text = alt_text(xr1, xmr=True)
    assert text.endswith(
        ". 2 values revised since the last edition: Jul 2026, was 93%, now 96%; Aug 2026, was 70%, now 72%."
    )
    assert text.startswith(alt_text(replace(xr1, revisions=()), xmr=True))


@pytest.mark.parametrize("size", [ChartSize.SMALL, ChartSize.LARGE])
def test_a_revised_value_is_ringed_where_it_is_drawn(fd8: Row, size: ChartSize) -> None:
    # Dec 2022 (x = 11) is ringed at its value now, 83; November has no value now, so no point to ring.
    revised = replace(fd8, revisions=FD8_REVISIONS)
    assert revised_points(revised) == ([11.0], [83.0])
    (ring,) = _rings(_figure(revised, size))
    assert _points(ring) == [(11.0, 83.0)]
    # Open, in the axis colour, wider than the series' own marker: its shape says it, not its colour.
    assert ring.get_marker() == "o"
    assert ring.get_markerfacecolor() == "none"
    assert to_hex(ring.get_markeredgecolor()).upper() == AXIS_COLOUR.upper()
    assert ring.get_markersize() == pytest.approx(size.value.marker_pt * 2.4)
    assert ring.get_linestyle() == "None"
    assert ring.get_zorder() > max(line.get_zorder() for line in _figure(fd8, size).axes[0].lines)


def test_the_legend_says_revised_only_when_a_value_is_ringed(fd8: Row) -> None:
    assert "Revised" not in [entry.label for entry in chart_legend.legend_entries(fd8)]
    assert "legend-revised" not in _legend(_figure(fd8, ChartSize.SMALL))
    revised = replace(fd8, revisions=FD8_REVISIONS)
    assert [entry.label for entry in chart_legend.legend_entries(revised)][:2] == ["Value", "Revised"]
    assert _legend(_figure(revised, ChartSize.SMALL)).count("legend-revised") == 1
    # A revision to no value rings nothing, so the legend does not name it.
    gone = replace(fd8, revisions=FD8_REVISIONS[:1])
    assert revised_points(gone) == ([], [])
    assert "legend-revised" not in _legend(_figure(gone, ChartSize.SMALL))
    assert _rings(_figure(gone, ChartSize.SMALL)) == []


def test_a_row_with_only_its_values_gains_a_legend_for_the_ring() -> None:
    # FD1 (neutral, no target, no benchmark) has no legend; with a revision it has Value and Revised.
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    report = build_report(catalogue, load_values(FIXTURES / "small.csv", catalogue), Month(2023, 1))
    fd1 = next(row for row in report.rows if row.ref == "FD1")
    assert chart_legend.legend_entries(fd1) == []
    revision = Revision(Month(2022, 12), "Dec 2022", Decimal(1190), Decimal(1196), "1,190", "1,196")
    entries = chart_legend.legend_entries(replace(fd1, revisions=(revision,)))
    assert [(entry.label, entry.kind) for entry in entries] == [("Value", "series"), ("Revised", "revised")]


def test_the_xmr_chart_rings_them_above_its_points(xr1: Row) -> None:
    figure = _figure(xr1, ChartSize.LARGE)
    (ring,) = _rings(figure)
    assert _points(ring) == [(12.0, 96.0), (13.0, 72.0)]
    points = [line for line in figure.axes[0].lines if str(line.get_gid()).startswith("spc-")]
    assert ring.get_zorder() > max(line.get_zorder() for line in points)
    assert ring.get_markersize() > max(line.get_markersize() for line in points)
    # After everything the XmR chart draws of the values themselves, before the target.
    labels = [entry.label for entry in chart_legend.legend_entries(xr1, xmr=True)]
    assert labels == [
        "Value",
        "Common cause",
        "Improvement",
        "Concern",
        "Average",
        "Process limits",
        "Rebase",
        "Revised",
        "Target",
    ]


def test_revisions_change_the_chart_cache_key(fd8: Row) -> None:
    # The key covers every field of the row but its commentary: a revision is drawn, so it is in the key.
    key = chart_key(fd8, ChartSize.LARGE)
    revised = replace(fd8, revisions=FD8_REVISIONS)
    assert chart_key(revised, ChartSize.LARGE) != key
    assert chart_key(replace(revised, revisions=FD8_REVISIONS[1:]), ChartSize.LARGE) not in (
        key,
        chart_key(revised, ChartSize.LARGE),
    )
