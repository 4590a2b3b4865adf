"""The CSVs open in Excel: a UTF-8 byte-order mark (EF BB BF) at the start of the summary, series and changes
CSVs by default, so Excel on Windows shows "£" and "–" rather than "Â£" and "â€“"; ``csv_bom = false`` in
``scorecard.toml`` leaves it out for programs that do not expect one. Either way a reader that knows the
mark (``utf-8-sig``) reads the same rows.

The small fixture's section owner is "Head of Service – Front Door" and its 012 indicator is money, so
its files hold the characters Excel would garble; the summary CSV does not carry owners, but its titles
and targets ("85–90%") do.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from scorecard_report.cli import main
from scorecard_report.load.config import load_config
from scorecard_report.problems import InputError
from scorecard_report.render.summary_csv import UTF8_BOM, with_bom

FIXTURES = Path(__file__).parent.parent / "fixtures"
STEM = "small-test-scorecard-2023-01"
FILES = (f"{STEM}.csv", f"{STEM}-series.csv", f"{STEM}-changes.csv")


def build(folder: Path, setting: str | None) -> Path:
    """The three CSVs of the small fixture's January 2023, with ``setting`` as the config's ``csv_bom``."""
    config = folder / "scorecard.toml"
    lines = [f'catalogue = "{FIXTURES / "small.yaml"}"', f'data = "{FIXTURES / "small.csv"}"']
    config.write_text("\n".join([*lines, *([f"csv_bom = {setting}"] if setting else [])]) + "\n", "utf-8")
    out = folder / "out"
    arguments = ["build", "--config", str(config), "--period", "2023-01", "--out", str(out)]
    assert main([*arguments, "--format", "csv,series,changes"]) == 0
    return out


def test_the_mark_is_the_three_bytes_ef_bb_bf() -> None:
    assert UTF8_BOM == b"\xef\xbb\xbf"
    assert with_bom(b"ref\n", True) == b"\xef\xbb\xbfref\n"
    assert with_bom(b"ref\n", False) == b"ref\n"


@pytest.mark.parametrize("setting", [None, "true"], ids=["by default", "csv_bom = true"])
def test_every_csv_starts_with_the_mark(tmp_path: Path, setting: str | None) -> None:
    out = build(tmp_path, setting)
    for name in FILES:
        content = (out / name).read_bytes()
        assert content.startswith(b"\xef\xbb\xbf"), name
        assert content[3:].startswith(b"ref," if name != f"{STEM}-changes.csv" else b"kind,"), name


def test_csv_bom_false_leaves_it_out(tmp_path: Path) -> None:
    out = build(tmp_path, "false")
    assert (out / f"{STEM}.csv").read_bytes().startswith(b"ref,section,title,")
    assert (out / f"{STEM}-series.csv").read_bytes().startswith(b"ref,period,value,")
    assert (out / f"{STEM}-changes.csv").read_bytes() == b"kind,ref,title,section,period,was,now\n"


def test_a_reader_that_knows_the_mark_reads_the_same_rows_either_way(tmp_path: Path) -> None:
    (tmp_path / "with").mkdir()
    (tmp_path / "without").mkdir()
    marked, plain = build(tmp_path / "with", None), build(tmp_path / "without", "false")
    for name in FILES:
        with (
            (marked / name).open(encoding="utf-8-sig", newline="") as a,
            (plain / name).open(encoding="utf-8-sig", newline="") as b,
        ):
            assert list(csv.DictReader(a)) == list(csv.DictReader(b)), name
    with (marked / f"{STEM}.csv").open(encoding="utf-8-sig", newline="") as file:
        fd8 = next(row for row in csv.DictReader(file) if row["ref"] == "FD8")
    assert fd8["target"] == "85-90%"  # as the catalogue writes it
    # The first column is "ref", not "\ufeffref": the mark is read as the mark.
    with (marked / f"{STEM}.csv").open(encoding="utf-8-sig", newline="") as file:
        assert next(csv.reader(file))[0] == "ref"


def test_a_csv_bom_that_is_not_true_or_false_is_an_error_at_its_line(tmp_path: Path) -> None:
    config = tmp_path / "scorecard.toml"
    config.write_text('name = "scorecard"\ncsv_bom = "yes"\n', encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_config(config)
    (problem,) = raised.value.problems
    assert (problem.line, problem.message) == (2, "csv_bom: Input should be a valid boolean")
    assert problem.hint == (
        "write csv_bom = true (a byte-order mark, for Excel) or csv_bom = false (for other programs)"
    )


def test_the_config_reads_it(tmp_path: Path) -> None:
    config = tmp_path / "scorecard.toml"
    config.write_text("csv_bom = false\n", encoding="utf-8")
    assert load_config(config).csv_bom is False
    config.write_text("\n", encoding="utf-8")
    assert load_config(config).csv_bom is None  # the default, true, is the Job's
