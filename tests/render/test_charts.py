"""Trend charts: alt text worked out by hand, gaps for missing values, axes, palette, stable bytes.

Rows come from ``tests/fixtures/small.yaml`` and ``small.csv``. For the report of Jan 2023 the
13 monthly periods run Jan 2022 .. Jan 2023; FD8 has 62% (Jan 2022), 83 (Dec 2022) and 93.4
(Jan 2023, shown 93%), target 85-90%, Regional Average (2021/22) 81 and England 79.6.
"""

from __future__ import annotations

import base64
import math
import struct
from dataclasses import replace
from decimal import Decimal
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.vocabulary import Comparator, Direction, Judgement
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.report import Row
from scorecard_report.render import chart_legend, charts
from scorecard_report.render.chart_labels import Frame, shown_x_labels, x_labels, year_boundaries
from scorecard_report.render.chart_scale import band_regions, series_line, series_values, y_axis
from scorecard_report.render.chart_style import (
    AXIS_COLOUR,
    LINE_COLOURS,
    TEXT_COLOUR,
    band_fill,
    chart_style,
    tint,
)
from scorecard_report.render.charts import ChartSize, alt_text, trend_chart, trend_charts
from scorecard_report.rules.contrast import contrast_ratio

FIXTURES = Path(__file__).parents[1] / "fixtures"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
NAN = math.nan


@cache
def _rows(year: int, month: int) -> dict[str, Row]:
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    values = load_values(FIXTURES / "small.csv", catalogue)
    return {row.ref: row for row in build_report(catalogue, values, Month(year, month)).rows}


def row(ref: str, year: int = 2023, month: int = 1) -> Row:
    return _rows(year, month)[ref]


def _same(actual: list[float], expected: list[float]) -> bool:
    return all((math.isnan(a) and math.isnan(e)) or a == e for a, e in zip(actual, expected, strict=True))


# ---------------------------------------------------------------- alt text


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        (
            "FD8",
            "FD8 rose from 83% in Dec 2022 to 93% in Jan 2023; target 85–\u206090%; Regional Average"
            " (2021/22) 81%. Trend of 13 months from Jan 2022 to Jan 2023, 10 of them without a value:"
            " lowest 62% in Jan 2022, highest 93% in Jan 2023.",
        ),
        # 70.5 is shown 71% (half away from zero): fell from 74%.
        (
            "CF5",
            "CF5 fell from 74% in Dec 2022 to 71% in Jan 2023; target ≥\u00a073%."
            " Trend of 13 months from Jan 2022 to Jan 2023, 11 of them without a value.",
        ),
        # 145 / 20000 x 10000 = 72.5 from the numerator and denominator; no benchmark values.
        (
            "CLA1",
            "CLA1 rose from 71.5 in Dec 2022 to 72.5 in Jan 2023; target ≤\u00a070."
            " Trend of 13 months from Jan 2022 to Jan 2023, 10 of them without a value:"
            " lowest 70.0 in Jan 2022, highest 72.5 in Jan 2023.",
        ),
        (
            "FD1",
            "FD1 rose from 1,196 in Dec 2022 to 1,348 in Jan 2023."
            " Trend of 13 months from Jan 2022 to Jan 2023, 10 of them without a value: starting at"
            " 1,221 in Jan 2022, lowest 1,196 in Dec 2022, highest 1,348 in Jan 2023.",
        ),
        # Quarterly: current is the latest quarter end on or before Jan 2023, Dec 2022 = Q3 2022/23.
        (
            "CLA9",
            "CLA9 rose from 88% in Q2 2022/23 to 94% in Q3 2022/23."
            " Trend of 13 quarters from Q3 2019/20 to Q3 2022/23, 10 of them without a value: starting"
            " at 90% in Q3 2021/22, lowest 88% in Q2 2022/23, highest 94% in Q3 2022/23.",
        ),
        # Annual: current is 2021/22 (Mar 2022); the Mar 2023 value is after the report period.
        (
            "012",
            "012 was £1.3m in 2021/22, with no value for 2020/21."
            " Trend of 1 year, 2021/22.",  # an annual chart draws only the years with a value
        ),
    ],
)
def test_alt_text_says_the_latest_change_target_benchmark_and_span(ref: str, expected: str) -> None:
    assert alt_text(row(ref)) == expected


def test_alt_text_when_current_is_missing_names_the_last_value() -> None:
    # Report for Feb 2023: FD8 has no Feb value; its last is 93% in Jan 2023.
    assert alt_text(row("FD8", 2023, 2)) == (
        "FD8: no value for Feb 2023 (Not yet available); last value 93% in Jan 2023; target 85–\u206090%;"
        " Regional Average (2021/22) 81%. Trend of 13 months from Feb 2022 to Feb 2023,"
        " 11 of them without a value."
    )


def test_alt_text_with_no_values_at_all() -> None:
    # Report for Nov 2022: CF5's only values are Dec 2022 and Jan 2023, both after it.
    assert alt_text(row("CF5", 2022, 11)) == (
        "CF5: no values in the 13 months from Nov 2021 to Nov 2022; target ≥\u00a073%."
    )


def test_alt_text_stayed_when_the_shown_values_are_equal() -> None:
    # 92.6 and 93.4 both show as 93%: the direction of travel (which the model decides) is no change.
    fd8 = row("FD8")
    previous = replace(fd8.previous_period, value=Decimal("92.6"), text="93%", shown=Decimal(93))
    assert alt_text(replace(fd8, previous_period=previous, direction=Direction.SAME)).startswith(
        "FD8 stayed at 93% in Dec 2022 and Jan 2023; target 85–\u206090%;"
    )


def test_alt_text_when_the_change_is_below_the_shown_precision() -> None:
    # £1,350,000 and £1,380,000 both show as £1.4m: say it rose, without "from £1.4m to £1.4m".
    spend = row("012")
    current = replace(spend.current, value=Decimal(1380000), text="£1.4m", shown=Decimal(1380000))
    previous = replace(spend.current, value=Decimal(1350000), text="£1.4m", shown=Decimal(1350000))
    previous = replace(previous, period_text="2020/21")
    changed = replace(spend, current=current, previous_period=previous, direction=Direction.UP)
    assert alt_text(changed).startswith("012 rose slightly from 2020/21 to 2021/22, £1.4m.")


def test_alt_text_follows_the_rows_own_direction_against_the_previous_year(tmp_path: Path) -> None:
    # FD8 rose from 83% (Dec 2022) to 93% (Jan 2023), but is compared with the previous year: 95% in
    # Jan 2022. The table's arrow says down, declining; the alt text must say fell, from 95%, not rose.
    catalogue_text = (FIXTURES / "small.yaml").read_text(encoding="utf-8")
    catalogue_path = tmp_path / "small.yaml"
    catalogue_path.write_text(
        catalogue_text.replace(
            "default_tolerance: 5%\n", "default_tolerance: 5%\ndirection_of_travel: previous_year\n"
        ),
        encoding="utf-8",
    )
    data = tmp_path / "small.csv"
    data.write_text(
        (FIXTURES / "small.csv").read_text(encoding="utf-8").replace("FD8,2022-01,62%", "FD8,2022-01,95%"),
        encoding="utf-8",
    )
    catalogue = load_catalogue(catalogue_path)
    report = build_report(catalogue, load_values(data, catalogue), Month(2023, 1))
    [fd8] = [each for each in report.rows if each.ref == "FD8"]
    assert (fd8.comparator, fd8.direction, fd8.judgement) == (
        Comparator.PREVIOUS_YEAR,
        Direction.DOWN,
        Judgement.DECLINING,
    )
    assert fd8.previous_period.text == "83%"  # what the chart used to compare with, wrongly
    assert alt_text(fd8).startswith("FD8 fell from 95% in Jan 2022 to 93% in Jan 2023; target 85–\u206090%;")


# ---------------------------------------------------------------- what is drawn


def _line(figure: Figure, gid: str) -> list[Line2D]:
    return [line for line in figure.axes[0].lines if line.get_gid() == gid]


def _ydata(line: Line2D) -> list[float]:
    return [float(value) for value in np.asarray(line.get_ydata(), dtype=float)]


def test_missing_values_are_gaps_not_zeros() -> None:
    # FD8: a lone 62 in Jan 2022, ten missing months, then 83 and 93.4.
    expected = [62.0, *[NAN] * 10, 83.0, 93.4]
    assert _same(series_values(row("FD8")), expected)
    with chart_style(ChartSize.SMALL):
        (series,) = _line(charts.trend_figure(row("FD8"), ChartSize.SMALL), "series")
    ydata = _ydata(series)
    assert _same(ydata, expected)
    assert 0.0 not in ydata
    assert series.get_marker() == "o"  # so the lone January value still shows


def test_target_and_benchmark_lines() -> None:
    with chart_style(ChartSize.SMALL):
        fd8 = charts.trend_figure(row("FD8"), ChartSize.SMALL)
        cla1 = charts.trend_figure(row("CLA1"), ChartSize.SMALL)
    # A range target: both edges of the band, dashed; the first benchmark with a value, dotted.
    assert sorted(_ydata(line)[0] for line in _line(fd8, "target")) == [85.0, 90.0]
    assert [_ydata(line)[0] for line in _line(fd8, "benchmark")] == [81.0]
    assert _line(fd8, "target")[0].get_linestyle() == "--"
    assert _line(fd8, "benchmark")[0].get_linestyle() == ":"
    # "<=70": one dashed line at 70; CLA1 has no benchmark values.
    assert [_ydata(line)[0] for line in _line(cla1, "target")] == [70.0]
    assert _line(cla1, "benchmark") == []


def _legend(figure: Figure) -> set[str]:
    return {str(artist.get_gid()) for artist in figure.artists if str(artist.get_gid()).startswith("legend")}


def test_a_legend_only_where_there_is_more_than_the_series() -> None:
    with chart_style(ChartSize.SMALL):
        assert _legend(charts.trend_figure(row("FD1"), ChartSize.SMALL)) == set()
        assert _legend(charts.trend_figure(row("FD8"), ChartSize.SMALL)) == {
            "legend-series",
            "legend-band",
            "legend-benchmark",
        }
        assert _legend(charts.trend_figure(row("CLA1"), ChartSize.SMALL)) == {
            "legend-series",
            "legend-target",
        }


@pytest.mark.parametrize(
    ("ref", "most", "labels"),
    [
        # 62 .. 93.4 and lines at 81, 85, 90; padded by a tenth of 31.4 to 58.86 .. 96.54: steps of
        # 1, 2, 2.5, 5 and 10 need more than 5 ticks, 20 needs 4.
        ("FD8", 5, ("40%", "60%", "80%", "100%")),
        ("FD8", 7, ("50%", "60%", "70%", "80%", "90%", "100%")),
        # 70.0 .. 72.5 (target 70), padded to 69.75 .. 72.75 at 1 decimal: whole numbers fit in 5.
        ("CLA1", 5, ("69", "70", "71", "72", "73")),
        # £1,250,000 alone: padded by 25,000; millions show to 0.1m, so steps of £100,000.
        ("012", 5, ("£1.2m", "£1.3m")),
    ],
)
def test_y_axis_reaches_every_value_and_line_in_the_rows_unit(
    ref: str, most: int, labels: tuple[str, ...]
) -> None:
    assert y_axis(row(ref), most).labels == labels


def test_x_labels_fit_and_always_include_the_latest_period() -> None:
    fd8 = row("FD8")
    frame = Frame(left=30, bottom=20, right=235, top=130, width=241, height=142)
    shown = shown_x_labels(fd8, frame, 7)
    # 205 points for 13 months; "2022" at 7 pt plus padding needs two slots: every other month.
    assert [index for index, _ in shown] == [0, 2, 4, 6, 8, 10, 12]
    assert [pair for _, pair in shown][:2] == [("Jan", "2022"), ("Mar", "")]
    assert shown[-1] == (12, ("Jan", "2023"))


# ---------------------------------------------------------------- palette


def _relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB ``#RRGGBB`` colour."""
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast_with_white(colour: str) -> float:
    return 1.05 / (_relative_luminance(colour) + 0.05)


def test_luminance_formula_on_known_colours() -> None:
    assert _contrast_with_white("#FFFFFF") == pytest.approx(1.0)
    assert _contrast_with_white("#000000") == pytest.approx(21.0)
    assert _contrast_with_white("#767676") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("colour", [*LINE_COLOURS.values(), AXIS_COLOUR])
def test_every_line_colour_has_3_to_1_contrast_with_white(colour: str) -> None:
    assert _contrast_with_white(colour) >= 3.0


def test_label_text_has_4_5_to_1_contrast_with_white() -> None:
    assert _contrast_with_white(TEXT_COLOUR) >= 4.5


# ---------------------------------------------------------------- the PNG


def _png_size(png: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk follows the signature
    return width, height


@pytest.mark.parametrize(("size", "pixels"), [(ChartSize.SMALL, (501, 295)), (ChartSize.LARGE, (1003, 472))])
def test_png_is_the_print_size_at_150_dpi(size: ChartSize, pixels: tuple[int, int]) -> None:
    chart = trend_chart(row("FD8"), size)
    assert chart.png.startswith(PNG_SIGNATURE)
    # 85 x 50 mm and 170 x 80 mm at 150 dpi, whole pixels (85 / 25.4 x 150 = 501.97, cut to 501).
    assert _png_size(chart.png) == pixels
    assert (chart.width_mm, chart.height_mm) == (size.value.width_mm, size.value.height_mm)
    assert chart.alt == alt_text(row("FD8"))


def test_png_has_no_text_chunks() -> None:
    png = trend_chart(row("FD8"), ChartSize.SMALL).png
    for chunk in (b"tEXt", b"iTXt", b"zTXt", b"tIME"):
        assert chunk not in png


def test_same_row_gives_the_same_bytes() -> None:
    for ref in ("FD8", "CLA9", "012"):
        assert trend_chart(row(ref), ChartSize.SMALL).png == trend_chart(row(ref), ChartSize.SMALL).png
    for banded in (_quarterly()["QA"], _quarterly()["QD"]):
        assert trend_chart(banded, ChartSize.LARGE).png == trend_chart(banded, ChartSize.LARGE).png


def test_data_uri_carries_the_png() -> None:
    chart = trend_chart(row("FD1"), ChartSize.SMALL)
    prefix = "data:image/png;base64,"
    assert chart.data_uri().startswith(prefix)
    assert base64.b64decode(chart.data_uri()[len(prefix) :]) == chart.png


def test_a_row_with_no_values_still_renders() -> None:
    chart = trend_chart(row("CF5", 2022, 11), ChartSize.SMALL)
    assert chart.png.startswith(PNG_SIGNATURE)


def test_pool_and_serial_give_identical_charts_in_row_order() -> None:
    # Twelve rows (more than SERIAL_LIMIT, so two worker processes share them).
    rows = [replace(one, ref=f"{one.ref}-{copy}") for copy in (1, 2) for one in _rows(2023, 1).values()]
    assert len(rows) > charts.SERIAL_LIMIT
    pooled = trend_charts(rows, ChartSize.SMALL, workers=2)
    serial = trend_charts(rows, ChartSize.SMALL, workers=1)
    assert list(pooled) == [one.ref for one in rows]
    assert pooled == serial


# ---------------------------------------------------------------- performance bands behind the line

# tests/fixtures/quarterly.yaml at Q4 2015/16. QA (polarity high) has bands 75-84 / 85-93 / 95-99:
# thresholds 75, 85 and 95; values 74, 94, 100 and 94. QD (polarity low) has 16-20 / 10-15 / Below 10:
# thresholds 20, 15 and 10; values 12 and 6.


@cache
def _quarterly() -> dict[str, Row]:
    catalogue = load_catalogue(FIXTURES / "quarterly.yaml")
    values = load_values(FIXTURES / "quarterly.csv", catalogue)
    return {each.ref: each for each in build_report(catalogue, values, Month(2016, 3)).rows}


def _bands(figure: Figure) -> dict[str, tuple[float, float, str]]:
    """Each band's tint by its gid: (bottom, top, colour)."""
    found = {}
    for patch in figure.axes[0].patches:
        gid = str(patch.get_gid())
        if gid.startswith("band-"):
            corners = patch.get_patch_transform().transform(patch.get_path().vertices)
            found[gid] = (
                float(corners[:, 1].min()),
                float(corners[:, 1].max()),
                to_hex(patch.get_facecolor()),
            )
    return found


def test_a_banded_chart_reaches_every_threshold() -> None:
    # QA: 74 .. 100 and thresholds 75, 85, 95: padded to 71.4 .. 102.6, capped at 100%; steps of 10.
    assert y_axis(_quarterly()["QA"], 5).labels == ("70%", "80%", "90%", "100%")
    # QD: 6 .. 12 and thresholds 10, 15, 20: padded by 1.4 to 4.6 .. 21.4; steps of 1, 2 and 5 need
    # 19, 10 and 6 ticks, 10 needs 4.
    assert y_axis(_quarterly()["QD"], 5).labels == ("0%", "10%", "20%", "30%")


def test_each_band_is_a_light_tint_over_the_values_it_covers() -> None:
    # Polarity high: each band from its threshold up to the next; below the bands, down to the axis.
    # Tints are 88% white: the default red #d4351c is (212, 53, 28) -> (250, 231, 228) = #fae7e4.
    assert [(r.step.key, r.low, r.high) for r in band_regions(_quarterly()["QA"], 70, 100)] == [
        ("inadequate", 70, 75),
        ("requires_improvement", 75, 85),
        ("good", 85, 95),
        ("outstanding", 95, 100),
    ]
    # Polarity low: each band from its threshold down to the next better one; the best to the bottom.
    assert [(r.step.key, r.low, r.high) for r in band_regions(_quarterly()["QD"], 0, 30)] == [
        ("inadequate", 20, 30),
        ("requires_improvement", 15, 20),
        ("good", 10, 15),
        ("outstanding", 0, 10),
    ]
    assert tint("#d4351c") == "#FAE7E4"
    assert tint("#ffdd00") == "#FFFBE0"  # (255, 221, 0) -> (255, 251, 224)
    with chart_style(ChartSize.LARGE):
        drawn = _bands(charts.trend_figure(_quarterly()["QA"], ChartSize.LARGE))
    assert drawn == {
        "band-inadequate": (70.0, 75.0, "#fae7e4"),
        "band-requires_improvement": (75.0, 85.0, "#fffbe0"),
        "band-good": (85.0, 95.0, "#e0eee8"),
        "band-outstanding": (95.0, 100.0, "#e0e6ef"),
    }


def test_a_band_only_part_in_view_is_cut_at_the_axis_and_one_out_of_view_is_left_out() -> None:
    regions = band_regions(_quarterly()["QA"], 80, 90)
    assert [(r.step.key, r.low, r.high) for r in regions] == [
        ("requires_improvement", 80, 85),
        ("good", 85, 90),
    ]


def test_the_legend_names_each_band_with_its_threshold() -> None:
    qa = _quarterly()["QA"]
    assert qa.band_scale is not None
    entries = chart_legend.legend_entries(qa)
    # Colour is never the only signal: each band's entry is its threshold in the report's words.
    assert [entry.label for entry in entries] == ["Value", *(step.text for step in qa.band_scale.steps)]
    assert [step.label for step in qa.band_scale.steps] == [
        "Inadequate",
        "Requires improvement",
        "Good",
        "Outstanding",
    ]
    assert all(step.label in step.text for step in qa.band_scale.steps)
    with chart_style(ChartSize.SMALL):
        figure = charts.trend_figure(qa, ChartSize.SMALL)
    assert [str(artist.get_gid()) for artist in figure.artists].count("legend-scale") == 4


def test_a_band_of_the_councils_own_naming_has_a_grey_tint() -> None:
    assert band_fill(None, 0) != band_fill(None, 1)
    assert band_fill("#00703c", 3) == tint("#00703c")


@pytest.mark.parametrize("colour", ["#d4351c", "#ffdd00", "#00703c", "#003078"])
@pytest.mark.parametrize("line", [*LINE_COLOURS.values(), TEXT_COLOUR])
def test_every_line_keeps_3_to_1_contrast_on_every_default_band_tint(colour: str, line: str) -> None:
    assert contrast_ratio(tint(colour), line) >= 3.0


# ---------------------------------------------------------------- quarters and years on the x axis


def _x_labels(chart_row: Row, size: ChartSize) -> list[tuple[str, int]]:
    look = size.value
    frame = charts._frame(
        chart_row, y_axis(chart_row, look.most_y_ticks), chart_legend.legend_entries(chart_row), look
    )
    return [(label.text, label.line) for label in x_labels(chart_row, frame, look.font_pt)]


@pytest.mark.parametrize("size", list(ChartSize))
def test_a_quarterly_chart_labels_every_quarter_and_each_year_under_its_quarters(size: ChartSize) -> None:
    # 13 quarters from Q4 2012/13 to Q4 2015/16: one quarter of 2012/13, then three whole years.
    labels = _x_labels(_quarterly()["QA"], size)
    assert [text for text, line in labels if line == 0] == ["Q4", *["Q1", "Q2", "Q3", "Q4"] * 3]
    assert [text for text, line in labels if line == 1] == ["2012/13", "2013/14", "2014/15", "2015/16"]


def test_a_quarterly_chart_marks_where_each_year_begins() -> None:
    qa = _quarterly()["QA"]
    frame = Frame(left=30, bottom=20, right=290, top=130, width=300, height=142)
    # 260 points for 13 quarters, 20 each: 2013/14 begins at the second, 2014/15 at the sixth.
    assert year_boundaries(qa, frame) == [50.0, 130.0, 210.0]
    assert year_boundaries(row("FD8"), frame) == []  # months are not grouped


# ---------------------------------------------------------------- annual charts: only years with values

ANNUAL_CATALOGUE = """\
title: Annual
organisation: Test Council
sections:
  - id: main
    title: Main
    indicators:
      - {ref: A1, title: Placement moves, unit: percent, polarity: low, frequency: annual}
      - {ref: A2, title: Not yet in, unit: percent, polarity: high, frequency: annual}
"""


def _annual(tmp_path: Path) -> dict[str, Row]:
    (tmp_path / "annual.yaml").write_text(ANNUAL_CATALOGUE, encoding="utf-8")
    (tmp_path / "annual.csv").write_text(
        "ref,period,value\nA1,2012/13,12\nA1,2014/15,11\nA1,2015/16,9\n"
        "A2,2013/14,60\nA2,2014/15,64\nA2,2015/16,\n",
        encoding="utf-8",
    )
    catalogue = load_catalogue(tmp_path / "annual.yaml")
    report = build_report(catalogue, load_values(tmp_path / "annual.csv", catalogue), Month(2016, 3))
    return {each.ref: each for each in report.rows}


def test_an_annual_chart_shows_only_the_years_with_values(tmp_path: Path) -> None:
    rows = _annual(tmp_path)
    a1, a2 = rows["A1"], rows["A2"]
    assert len(a1.trend) == 13  # 2003/04 .. 2015/16 in the model
    assert [figure.period_text for figure in a1.chart_trend] == ["2012/13", "2014/15", "2015/16"]
    assert _x_labels(a1, ChartSize.SMALL) == [("2012/13", 0), ("2014/15", 0), ("2015/16", 0)]
    # The current year is drawn even without a value: the chart ends at the report's year.
    assert [figure.period_text for figure in a2.chart_trend] == ["2013/14", "2014/15", "2015/16"]
    assert _same(series_values(a2), [60.0, 64.0, NAN])
    # Monthly and quarterly charts keep every period, gaps and all.
    assert row("FD8").chart_trend == row("FD8").trend
    assert _quarterly()["QA"].chart_trend == _quarterly()["QA"].trend


def test_no_line_joins_years_across_one_left_out(tmp_path: Path) -> None:
    # 2013/14 has no value: a break (NaN) between 2012/13 and 2014/15, so the line does not bridge it.
    xs, ys = series_line(_annual(tmp_path)["A1"])
    assert xs == [0.0, 0.5, 1.0, 2.0]
    assert _same(ys, [12.0, NAN, 11.0, 9.0])
    with chart_style(ChartSize.SMALL):
        (series,) = _line(charts.trend_figure(_annual(tmp_path)["A1"], ChartSize.SMALL), "series")
    assert _same(_ydata(series), [12.0, NAN, 11.0, 9.0])


def test_an_annual_chart_with_no_values_keeps_its_years() -> None:
    spend = row("012", 2021, 1)  # 012's first value is Mar 2022, after this report's year (2019/20)
    assert all(figure.missing for figure in spend.trend)
    assert spend.chart_trend == spend.trend
    assert trend_chart(spend, ChartSize.SMALL).png.startswith(PNG_SIGNATURE)
