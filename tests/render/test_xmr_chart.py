"""The appendix's XmR chart: each segment's average and limits, points by kind, the rebase, legend, alt text.

A catalogue of 16-month trends (``trend_periods: 16``) with limits from 8 points (``min_points: 8``),
nhse rules otherwise, reported for Oct 2026, so the chart runs Jul 2025 .. Oct 2026 (x = 0 .. 15). XR1
is a percentage, polarity high, target 75%; XR2 has the same values, polarity neutral. Both are rebased
from Mar 2026 (x = 8), so:

- segment 0, Jul 2025 .. Feb 2026: 52 52 52 50 24 50 48 48. Mean 376 / 8 = 47; moving ranges
  0 0 2 26 26 2 0 = 56, MR-bar 56 / 7 = 8, 2.66 x 8 = 21.28: limits 25.72 and 68.28. 24 (Nov 2025,
  x = 4) is below 25.72: outside the limits, low. No run of 6 on one side of 47 (4 above, 24, 3 above),
  no 6 rising or falling, and only 24 beyond the low two-sigma line (47 - 14.19 = 32.81).
- segment 1, Mar .. Oct 2026: 70 72 72 70 96 72 70 70. Mean 592 / 8 = 74; moving ranges
  2 0 2 26 24 2 0 = 56, MR-bar 8: limits 52.72 and 95.28. 96 (Jul 2026, x = 12) is above 95.28.
  The runs are 4 below, 96, 3 below; only 96 beyond the high two-sigma line (88.19).

For XR1 the low point is concern and the high one improvement; for XR2, unusually low and high. Every
other point is common cause, the latest (70, Oct 2026) too. Assurance for XR1: 75 lies between 52.72
and 95.28, hit or miss; 70 misses 75 by more than 5% of it (amber down to 71.25): red.

XR4 has the same values and no rebase: one segment of 16. Mean 968 / 16 = 60.5; moving ranges 56 + 22
(48 to 70) + 56 = 134, MR-bar 134 / 15 = 8.933, 2.66 x MR-bar = 23.763: limits 36.737 and 84.263. 24
and 96 are outside them; the other 7 of the first 8 months are a run below 60.5 (concern), the other 7
of the last 8 a run above (improvement), ending in Oct 2026: 8 months above the average.

XR5 has six months more before them (Jan .. Jun 2025, 40 each) and a rebase from Jul 2025, the chart's
first month: the chart is wholly XR4's segment, and the rebase that began it is named, not drawn.
"""

from __future__ import annotations

import dataclasses
import struct
from pathlib import Path

import numpy as np
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.spc import Assurance, PointKind, Rebase, Rebases, Rule, Variation
from scorecard_report.inputs.vocabulary import RagStatus
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.report import Row
from scorecard_report.present.alt_text import alt_text, charted_spc, spc_segments
from scorecard_report.render import chart_legend, charts
from scorecard_report.render.chart_cache import chart_key
from scorecard_report.render.chart_labels import ELLIPSIS, fitted, width
from scorecard_report.render.chart_style import (
    CONCERN_EDGE,
    CONCERN_ORANGE,
    IMPROVEMENT_BLUE,
    NEITHER_PURPLE,
    SERIES_BLUE,
    XMR_COLOURS,
    XMR_GREY,
    chart_style,
    tint,
)
from scorecard_report.render.chart_xmr import draws_xmr
from scorecard_report.render.charts import ChartSize, trend_chart
from scorecard_report.rules.contrast import contrast_ratio

FIXTURES = Path(__file__).parents[1] / "fixtures"
CATALOGUE = """\
title: XmR
organisation: Test Council
year_start_month: 4
default_tolerance: 5%
trend_periods: 16
spc: {min_points: 8}
sections:
  - id: main
    title: Main
    indicators:
      - {ref: XR1, title: Visits in time, unit: percent, polarity: high, target: "75%"}
      - {ref: XR2, title: Visits made, unit: percent, polarity: neutral}
      - {ref: XR3, title: Visits rebased late, unit: percent, polarity: high}
      - {ref: XR4, title: Visits never rebased, unit: percent, polarity: high, target: "75%"}
      - {ref: XR5, title: Visits rebased earlier, unit: percent, polarity: high, target: "75%"}
"""
BEFORE = [52, 52, 52, 50, 24, 50, 48, 48]
AFTER = [70, 72, 72, 70, 96, 72, 70, 70]
FIRST = Month(2025, 7)
REASON = (
    "Visits counted from the new case management system, which records a visit on the day it is written up"
)
# XR3 is rebased from Aug 2026 instead: its last segment (Aug .. Oct 2026, 3 points) is too short for limits.
REBASES = Rebases(
    (
        Rebase("XR1", Month(2026, 3), REASON),
        Rebase("XR2", Month(2026, 3), REASON),
        Rebase("XR3", Month(2026, 8), "Recount."),
        Rebase("XR5", Month(2025, 7), "Recount"),
    )
)


def _rows(folder: str) -> dict[str, Row]:
    path = Path(folder)
    (path / "xmr.yaml").write_text(CATALOGUE, encoding="utf-8")
    lines = ["ref,period,value"] + [
        f"{ref},{FIRST.plus(index).iso()},{value}"
        for ref in ("XR1", "XR2", "XR3", "XR4", "XR5")
        for index, value in enumerate(BEFORE + AFTER)
    ]
    lines += [f"XR5,{FIRST.plus(index - 6).iso()},40" for index in range(6)]
    (path / "xmr.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    catalogue = load_catalogue(path / "xmr.yaml")
    report = build_report(
        catalogue, load_values(path / "xmr.csv", catalogue), Month(2026, 10), rebases=REBASES
    )
    return {row.ref: row for row in report.rows}


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Row]:
    return _rows(str(tmp_path_factory.mktemp("xmr")))


def _figure(row: Row, size: ChartSize = ChartSize.LARGE) -> Figure:
    with chart_style(size):
        return charts.trend_figure(row, size)


def _lines(figure: Figure, gid: str) -> list[Line2D]:
    return [line for line in figure.axes[0].lines if line.get_gid() == gid]


def _xy(line: Line2D) -> tuple[list[float], list[float]]:
    xs = [float(x) for x in np.asarray(line.get_xdata(), dtype=float)]
    return xs, [float(y) for y in np.asarray(line.get_ydata(), dtype=float)]


# ---------------------------------------------------------------- the model the chart is drawn from


def test_the_fixture_gives_the_limits_and_labels_worked_out_above(rows: dict[str, Row]) -> None:
    spc = rows["XR1"].spc
    assert [str(point.centre) for point in spc.series] == ["47"] * 8 + ["74"] * 8
    assert {(str(point.lower), str(point.upper)) for point in spc.series[:8]} == {("25.72", "68.28")}
    assert {(str(point.lower), str(point.upper)) for point in spc.series[8:]} == {("52.72", "95.28")}
    assert [point.segment for point in spc.series] == [0] * 8 + [1] * 8
    kinds = [point.point for point in spc.series]
    assert kinds[4] is PointKind.CONCERN and kinds[12] is PointKind.IMPROVEMENT
    assert kinds.count(PointKind.COMMON_CAUSE) == 14
    assert [spc.series[4].rule, spc.series[12].rule] == [Rule.OUTSIDE_LIMITS, Rule.OUTSIDE_LIMITS]
    assert (spc.variation, spc.assurance, rows["XR1"].status) == (
        Variation.COMMON_CAUSE,
        Assurance.HIT_OR_MISS,
        RagStatus.RED,
    )
    assert spc.limits_text == "average 74%, usually between 53% and 95%"
    assert charted_spc(rows["XR1"])
    assert [(s.first, s.last, s.rebase is not None) for s in spc_segments(rows["XR1"])] == [
        (0, 7, False),
        (8, 15, True),
    ]


# ---------------------------------------------------------------- what is drawn


def test_each_segments_average_and_limits_span_only_its_own_months(rows: dict[str, Row]) -> None:
    figure = _figure(rows["XR1"])
    # Segment 0 covers Jul 2025 .. Feb 2026 (x 0 .. 7), from half a month before to half after; segment 1
    # Mar .. Oct 2026 (x 8 .. 15): the lines step at the rebase, x = 7.5.
    assert [_xy(line) for line in _lines(figure, "spc-centre")] == [
        ([-0.5, 7.5], [47.0, 47.0]),
        ([7.5, 15.5], [74.0, 74.0]),
    ]
    assert [_xy(line) for line in _lines(figure, "spc-upper")] == [
        ([-0.5, 7.5], [68.28, 68.28]),
        ([7.5, 15.5], [95.28, 95.28]),
    ]
    assert [_xy(line) for line in _lines(figure, "spc-lower")] == [
        ([-0.5, 7.5], [25.72, 25.72]),
        ([7.5, 15.5], [52.72, 52.72]),
    ]
    assert {line.get_linestyle() for line in _lines(figure, "spc-centre")} == {"-"}
    assert {line.get_linestyle() for line in _lines(figure, "spc-upper") + _lines(figure, "spc-lower")} == {
        "-."
    }
    # The values' line runs through every month, grey, with no marker of its own.
    (series,) = _lines(figure, "series")
    assert _xy(series) == ([float(x) for x in range(16)], [float(v) for v in BEFORE + AFTER])
    assert (series.get_marker(), to_hex(series.get_color())) == ("None", XMR_GREY.lower())
    # 24 .. 96 and the limits 25.72 .. 95.28: padded to 16.8 .. 103.2, capped at 100%: 0% .. 100%.
    assert figure.axes[0].get_ylim() == (0.0, 100.0)


def _marks(figure: Figure) -> dict[str, tuple[list[float], list[float], str, str, str, float]]:
    found = {}
    for line in figure.axes[0].lines:
        gid = str(line.get_gid())
        if gid.startswith("spc-") and line.get_marker() not in ("None", None):
            face, edge = to_hex(line.get_markerfacecolor()), to_hex(line.get_markeredgecolor())
            found[gid.removeprefix("spc-")] = (
                *_xy(line),
                str(line.get_marker()),
                face,
                edge,
                line.get_markersize(),
            )
    return found


def test_each_kind_of_point_has_its_own_colour_and_shape(rows: dict[str, Row]) -> None:
    marks = _marks(_figure(rows["XR1"]))
    large = ChartSize.LARGE.value.marker_pt
    xs = [float(x) for x in range(16) if x not in (4, 12)]
    ys = [float(v) for x, v in enumerate(BEFORE + AFTER) if x not in (4, 12)]
    assert marks == {
        "common_cause": (xs, ys, "o", XMR_GREY.lower(), XMR_GREY.lower(), large * 0.75),
        "improvement": ([12.0], [96.0], "o", IMPROVEMENT_BLUE.lower(), "#ffffff", large * 1.45),
        "concern": ([4.0], [24.0], "s", CONCERN_ORANGE.lower(), CONCERN_EDGE.lower(), large * 1.15),
    }
    # Neither better nor worse (polarity neutral): purple diamonds, above and below alike.
    neutral = _marks(_figure(rows["XR2"]))
    assert set(neutral) == {"common_cause", "neither_high", "neither_low"}
    assert neutral["neither_high"][:4] == ([12.0], [96.0], "D", NEITHER_PURPLE.lower())
    assert neutral["neither_low"][:4] == ([4.0], [24.0], "D", NEITHER_PURPLE.lower())


def test_colour_is_never_the_only_signal_between_kinds_of_point(rows: dict[str, Row]) -> None:
    # Improvement and common cause are both round: the improvement's disc is nearly twice as wide and
    # ringed in white. Every other kind has a shape of its own.
    marks = {**_marks(_figure(rows["XR1"])), **_marks(_figure(rows["XR2"]))}
    shapes = {kind: (mark[2], mark[5]) for kind, mark in marks.items()}
    assert len({shapes[kind] for kind in ("common_cause", "improvement", "concern", "neither_high")}) == 4
    assert shapes["improvement"][1] / shapes["common_cause"][1] > 1.9


def test_a_rebase_is_an_upright_dashed_line_with_its_reason_cut_short(rows: dict[str, Row]) -> None:
    figure = _figure(rows["XR1"])
    (rebase,) = _lines(figure, "rebase")
    xs, ys = _xy(rebase)
    assert xs == [7.5, 7.5]  # between Feb 2026 and Mar 2026, where segment 1 begins
    assert ys[0] == 0.0 and ys[1] > 1.0  # from the axis up into the strip above the plot for its label
    assert rebase.get_linestyle() == "--"
    (label,) = [artist for artist in figure.artists if artist.get_gid() == "rebase-label"]
    # The reason is longer than the room from the line to the plot's right edge: cut at a word, with
    # an ellipsis. The alt text says it whole.
    assert label.get_label() == "Visits counted from the new case management" + ELLIPSIS
    assert REASON in trend_chart(rows["XR1"], ChartSize.LARGE).alt


def test_fitted_text_keeps_what_fits_and_cuts_at_a_word() -> None:
    assert fitted("Recount", 8, 100) == "Recount"
    text = "Counting rules changed in spring"
    room = width("Counting rules chan" + ELLIPSIS, 8)
    assert fitted(text, 8, room) == "Counting rules" + ELLIPSIS  # "chan" is given up for a whole word
    assert fitted(text, 8, width("Co" + ELLIPSIS, 8)) == "Co" + ELLIPSIS
    assert fitted(text, 8, 1) == ""


def test_the_legend_names_every_line_and_kind_of_point_drawn(rows: dict[str, Row]) -> None:
    entries = chart_legend.legend_entries(rows["XR1"], xmr=True)
    assert [entry.label for entry in entries] == [
        "Value",
        "Common cause",
        "Improvement",
        "Concern",
        "Average",
        "Process limits",
        "Rebase",
        "Target",
    ]
    figure = _figure(rows["XR1"])
    samples = {str(a.get_gid()): a for a in figure.artists if str(a.get_gid()).startswith("legend")}
    assert set(samples) == {
        "legend-xmr-series",
        "legend-point",
        "legend-centre",
        "legend-limits",
        "legend-rebase",
        "legend-target",
    }
    points = [a for a in figure.artists if a.get_gid() == "legend-point"]
    assert [(a.get_label(), a.get_marker()) for a in points] == [
        ("common_cause", "o"),
        ("improvement", "o"),
        ("concern", "s"),
    ]
    # A neutral indicator's key names its diamond once for both sides, and has no target.
    assert [entry.label for entry in chart_legend.legend_entries(rows["XR2"], xmr=True)] == [
        "Value",
        "Common cause",
        "Unusually high or low",
        "Average",
        "Process limits",
        "Rebase",
    ]


def test_a_segment_too_short_for_limits_draws_none_and_rings_its_points(rows: dict[str, Row]) -> None:
    # XR3: segment 0 is Jul 2025 .. Jul 2026 (x 0 .. 12), segment 1 Aug .. Oct 2026 (3 points, 8 needed).
    xr3 = rows["XR3"]
    figure = _figure(xr3)
    assert [_xy(line)[0] for line in _lines(figure, "spc-centre")] == [[-0.5, 12.5]]
    none = _marks(figure)["none"]
    assert none[:3] == ([13.0, 14.0, 15.0], [72.0, 70.0, 70.0], "o")
    assert none[3] == "#ffffff"  # a ring: a value with no limits to judge it by
    assert [entry.label for entry in chart_legend.legend_entries(xr3, xmr=True)][-2:] == [
        "Process limits",
        "Rebase",
    ]
    (label,) = [artist for artist in figure.artists if artist.get_gid() == "rebase-label"]
    assert label.get_label() == "Recount."
    assert xr3.spc.variation is Variation.NONE
    # Segment 0 is 13 points now (756 / 13 = 58.15 on average); its limits are said, segment 1's absence.
    alt = alt_text(xr3, xmr=True)
    assert "; from Aug 2026 (rebased: Recount), too few months yet for limits (3)." in alt
    assert alt.endswith("No variation or assurance is judged for Oct 2026: too few months since the rebase.")


# ---------------------------------------------------------------- the alt text


def test_the_alt_text_describes_the_whole_xmr_chart(rows: dict[str, Row]) -> None:
    assert alt_text(rows["XR1"], xmr=True) == (
        "XR1 stayed at 70% in Sep 2026 and Oct 2026; target ≥\u00a075%."
        " XmR chart of 16 months from Jul 2025 to Oct 2026, its limits worked out afresh at each rebase:"
        " until Feb 2026, average 47%, usually between 26% and 68%;"
        f" from Mar 2026 (rebased: {REASON}), average 74%, usually between 53% and 95%."
        " 2 of the 16 months are special causes: 1 shows improvement, beyond the upper limit in Jul 2026;"
        " 1 shows concern, beyond the lower limit in Nov 2025."
        " The latest value, 70% in Oct 2026, misses the target of ≥\u00a075%."
        " Variation: Common cause; assurance: Hit or miss."
    )
    assert alt_text(rows["XR2"], xmr=True).endswith(
        " 2 of the 16 months are special causes: 1 is unusually high, beyond the upper limit in Jul 2026;"
        " 1 is unusually low, beyond the lower limit in Nov 2025."
        " Variation: Common cause; assurance: No assurance."
    )


def test_the_alt_text_says_more_than_the_reading(rows: dict[str, Row]) -> None:
    xr1 = rows["XR1"]
    alt = trend_chart(xr1, ChartSize.LARGE).alt
    assert xr1.spc.reading_text == "Missed this month, within normal variation"
    assert xr1.spc.reading_text not in alt
    assert alt != trend_chart(xr1, ChartSize.SMALL).alt  # the small chart says what it draws: the trend


def test_the_alt_text_of_a_chart_without_a_rebase_gives_its_limits_in_one_clause(
    rows: dict[str, Row],
) -> None:
    assert alt_text(rows["XR4"], xmr=True) == (
        "XR4 stayed at 70% in Sep 2026 and Oct 2026; target ≥\u00a075%."
        " XmR chart of 16 months from Jul 2025 to Oct 2026: average 61%, usually between 37% and 84%."
        " All 16 months are special causes: 1 shows improvement, beyond the upper limit in Jul 2026;"
        " 7 show improvement, in a run above the average at times between Mar 2026 and Oct 2026;"
        " 1 shows concern, beyond the lower limit in Nov 2025;"
        " 7 show concern, in a run below the average at times between Jul 2025 and Feb 2026."
        " The latest value, 70% in Oct 2026, misses the target of ≥\u00a075%."
        " Variation: Improving, 8 months above the average; assurance: Hit or miss."
    )
    figure = _figure(rows["XR4"])
    assert [_xy(line)[0] for line in _lines(figure, "spc-centre")] == [[-0.5, 15.5]]
    assert _lines(figure, "rebase") == []
    assert [entry.label for entry in chart_legend.legend_entries(rows["XR4"], xmr=True)] == [
        "Value",
        "Improvement",
        "Concern",
        "Average",
        "Process limits",
        "Target",
    ]


def test_a_rebase_before_the_charted_months_is_named_not_drawn(rows: dict[str, Row]) -> None:
    xr5 = rows["XR5"]
    assert [(s.first, s.last, s.rebase is not None, s.marked) for s in spc_segments(xr5)] == [
        (0, 15, True, False)
    ]
    figure = _figure(xr5)
    assert _lines(figure, "rebase") == []
    (label,) = [artist for artist in figure.artists if artist.get_gid() == "rebase-label"]
    assert label.get_label() == "Limits since Jul 2025: Recount"
    assert "Rebase" not in [entry.label for entry in chart_legend.legend_entries(xr5, xmr=True)]
    assert [_xy(line) for line in _lines(figure, "spc-centre")] == [([-0.5, 15.5], [60.5, 60.5])]
    assert alt_text(xr5, xmr=True).startswith(
        "XR5 stayed at 70% in Sep 2026 and Oct 2026; target ≥\u00a075%."
        " XmR chart of 16 months from Jul 2025 to Oct 2026, its limits worked out afresh from Jul 2025"
        " (rebased: Recount): average 61%, usually between 37% and 84%. All 16 months are special causes:"
    )


def test_a_row_without_limits_keeps_the_trend_charts_alt_text() -> None:
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    fd1 = next(
        row
        for row in build_report(
            catalogue, load_values(FIXTURES / "small.csv", catalogue), Month(2023, 1)
        ).rows
        if row.ref == "FD1"
    )
    assert not charted_spc(fd1)  # 3 values: no limits, so the plain trend chart and its alt text
    assert alt_text(fd1, xmr=True) == alt_text(fd1)


# ---------------------------------------------------------------- what stays as it was


def test_the_small_chart_and_a_row_without_limits_keep_the_trend_chart(rows: dict[str, Row]) -> None:
    small = _figure(rows["XR1"], ChartSize.SMALL)
    assert not draws_xmr(rows["XR1"], ChartSize.SMALL)
    assert [
        str(line.get_gid()) for line in small.axes[0].lines if str(line.get_gid()).startswith("spc")
    ] == []
    (series,) = _lines(small, "series")
    assert (series.get_marker(), to_hex(series.get_color())) == ("o", SERIES_BLUE.lower())
    assert trend_chart(rows["XR1"], ChartSize.SMALL).alt == alt_text(rows["XR1"])
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    report = build_report(catalogue, load_values(FIXTURES / "small.csv", catalogue), Month(2023, 1))
    for row in report.rows:
        assert not draws_xmr(row, ChartSize.LARGE), row.ref
        assert _lines(_figure(row), "rebase") == []


def test_the_xmr_png_is_the_same_size_and_the_same_bytes_every_time(rows: dict[str, Row]) -> None:
    first = trend_chart(rows["XR1"], ChartSize.LARGE)
    assert struct.unpack(">II", first.png[16:24]) == (1003, 472)
    assert trend_chart(rows["XR1"], ChartSize.LARGE).png == first.png
    assert trend_chart(rows["XR3"], ChartSize.LARGE).png == trend_chart(rows["XR3"], ChartSize.LARGE).png


@pytest.mark.parametrize("colour", XMR_COLOURS.values())
def test_every_xmr_line_and_marker_edge_keeps_3_to_1_contrast_on_white_and_band_tints(colour: str) -> None:
    for background in ("#FFFFFF", *(tint(band) for band in ("#d4351c", "#ffdd00", "#00703c", "#003078"))):
        assert contrast_ratio(background, colour) >= 3.0, background


# ---------------------------------------------------------------- the cache


def test_the_cache_key_changes_with_any_spc_datum_drawn(rows: dict[str, Row]) -> None:
    xr1 = rows["XR1"]
    key = chart_key(xr1, ChartSize.LARGE)
    series = list(xr1.spc.series)
    series[12] = dataclasses.replace(series[12], upper=series[12].upper + 1)
    moved = dataclasses.replace(xr1, spc=dataclasses.replace(xr1.spc, series=tuple(series)))
    assert chart_key(moved, ChartSize.LARGE) != key
    relabelled = list(xr1.spc.series)
    relabelled[4] = dataclasses.replace(relabelled[4], point=PointKind.COMMON_CAUSE, rule=None)
    assert (
        chart_key(
            dataclasses.replace(xr1, spc=dataclasses.replace(xr1.spc, series=tuple(relabelled))),
            ChartSize.LARGE,
        )
        != key
    )
    rebase = dataclasses.replace(xr1.spc.rebases[0], reason="Another reason")
    reasoned = dataclasses.replace(xr1, spc=dataclasses.replace(xr1.spc, rebases=(rebase,)))
    assert chart_key(reasoned, ChartSize.LARGE) != key
    assert chart_key(dataclasses.replace(xr1), ChartSize.LARGE) == key
