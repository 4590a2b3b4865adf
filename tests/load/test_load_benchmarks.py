"""The benchmarks file (ref, benchmark, value[, year]) and how its values reach the report."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.vocabulary import Comparison
from scorecard_report.load.benchmarks import load_benchmarks
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.problems import InputError

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "benchmarks.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_value_replaces_the_catalogues_and_carries_its_year(tmp_path: Path) -> None:
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    values = load_values(FIXTURES / "small.csv", catalogue)
    table = load_benchmarks(_write(tmp_path, "ref,benchmark,value,year\nFD8,region,95,2022/23\n"), catalogue)
    row = {r.ref: r for r in build_report(catalogue, values, Month(2023, 1), table).rows}["FD8"]
    region, england = row.benchmarks
    # FD8 shows 93% (93.4 at 0 dp). The file's 95 replaces the catalogue's 81: 93 < 95, polarity high → worse.
    assert (region.value, region.year, region.text) == (Decimal(95), "2022/23", "95%")
    assert (region.comparison, region.difference_text) == (Comparison.WORSE, "\u2212\u20602pp")
    # England stays the catalogue's 79.6 → shown 80%; 93 > 80 → better, +13 points; year from the catalogue.
    assert (england.value, england.year) == (Decimal("79.6"), "2021/22")
    assert england.comparison is Comparison.BETTER
    assert england.difference_text == "+\u206013pp"


def test_a_value_without_a_year_takes_the_benchmarks_year(tmp_path: Path) -> None:
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    table = load_benchmarks(_write(tmp_path, "ref,benchmark,value\nCF5,england,70%\n"), catalogue)
    assert table.get("CF5", "england").value == Decimal(70)  # type: ignore[union-attr]
    assert table.get("CF5", "england").year is None  # type: ignore[union-attr]


def test_every_problem_is_listed_with_its_row(tmp_path: Path) -> None:
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    text = "ref,benchmark,value\nFD8,regional,80\nFD8,region,eighty\nCF5,england,70\nCF5,england,71\n"
    with pytest.raises(InputError) as raised:
        load_benchmarks(_write(tmp_path, text), catalogue)
    lines = [str(problem) for problem in raised.value.problems]
    assert len(lines) == 3
    assert "row 2: ref FD8: unknown benchmark 'regional'" in lines[0]
    assert "row 3: ref FD8: 'eighty' is not a number" in lines[1]
    assert "row 5: ref CF5: benchmark 'england' appears twice for this ref, in rows 4 and 5" in lines[2]


def test_an_unknown_ref_is_a_warning_or_under_strict_an_error(tmp_path: Path) -> None:
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    path = _write(tmp_path, "ref,benchmark,value\nZZ9,region,80\n")
    table = load_benchmarks(path, catalogue)
    assert table.values == {}
    assert [str(w) for w in table.warnings] == [
        f"warning: {path}: row 2: ref ZZ9: ref 'ZZ9' is not in the catalogue small.yaml "
        "(its benchmark is ignored; add it to the catalogue or fix the ref)"
    ]
    with pytest.raises(InputError):
        load_benchmarks(path, catalogue, strict=True)


def test_missing_columns_are_named(tmp_path: Path) -> None:
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    with pytest.raises(InputError, match="missing column\\(s\\) benchmark, value"):
        load_benchmarks(_write(tmp_path, "ref,amount\nFD8,80\n"), catalogue)
