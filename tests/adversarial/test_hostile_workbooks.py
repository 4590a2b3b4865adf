"""XLSX values files built to exhaust the reader (issue 12, points 7 and 8), and choosing their sheet.

A zip bomb is refused from the zip's directory before openpyxl sees the file; a sheet whose used range
claims every cell of the grid is read in the time of the cells it really has. Each file is a few KB.
"""

from __future__ import annotations

import json
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from fake_files import workbook

from scorecard_report.load.tables import Cell

from .support import SMALL_CATALOGUE, STEM, scorecard, summary_rows, validate

SHEET_XML = "xl/worksheets/sheet1.xml"
HEADER = ["ref", "period", "value"]
FD8 = ["FD8", "2023-01", 90]  # with FD1, half the monthly indicators: January 2023 is the latest period


def declare_size(path: Path, member: str, size: int) -> None:
    """Rewrite the zip's central directory so that ``member`` claims to inflate to ``size`` bytes."""
    data = bytearray(path.read_bytes())
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) >= 0:
        (name_length,) = struct.unpack_from("<H", data, start + 28)
        if data[start + 46 : start + 46 + name_length] == member.encode():
            struct.pack_into("<I", data, start + 24, size)
            path.write_bytes(bytes(data))
            return
        start += 4
    raise AssertionError(f"{member} is not in {path}")


def test_a_sheet_declaring_100_mib_is_refused_before_openpyxl_opens_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "values.xlsx"
    workbook(path, [HEADER, ["FD1", "2023-01", 1348]])
    declare_size(path, SHEET_XML, 100 << 20)
    opened: list[object] = []
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *args, **kwargs: opened.append((args, kwargs)))
    run = validate(SMALL_CATALOGUE, path)
    assert run.code == 65
    assert run.errors == [
        f"error: {path}: the values workbook is refused before it is opened: its part {SHEET_XML} would "
        "inflate to 100 MiB; at most 64 MiB a part are read (save it again from Excel as .xlsx; a genuine "
        "file is far smaller)"
    ]
    assert opened == []


@pytest.fixture
def cells_made(monkeypatch: pytest.MonkeyPatch) -> list[Cell]:
    """Every ``Cell`` the readers make; one past a budget of 1,000 stops the run, as a padded sheet would
    make 17 billion of them."""
    made: list[Cell] = []
    original: Callable[..., None] = Cell.__init__

    def counting(self: Cell, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)
        made.append(self)
        assert len(made) <= 1000, "the reader walks cells that do not exist"

    monkeypatch.setattr(Cell, "__init__", counting)
    return made


def test_one_formatted_cell_at_xfd1048576_costs_nothing(tmp_path: Path, cells_made: list[Cell]) -> None:
    path = tmp_path / "values.xlsx"
    book = workbook(path, [HEADER, ["FD1", "2023-01", 1348], FD8])
    book["Values"]["XFD1048576"].number_format = "0.00"  # Excel's last cell: the used range is the grid
    book["Values"]["A1048576"].number_format = "0.00"  # and the last row
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        assert '<dimension ref="A1:XFD1048576"/>' in archive.read(SHEET_XML).decode()

    run = validate(SMALL_CATALOGUE, path)
    assert (run.code, run.err.splitlines()) == (
        0,
        [f"reading sheet 'Values' of {path}", f"ok: {SMALL_CATALOGUE} (6 indicators) and {path} (2 values)"],
    )
    texts = ["ref", "period", "value", "FD1", "2023-01", "1348", "FD8", "2023-01", "90"]
    assert [cell.text for cell in cells_made] == texts

    cells_made.clear()
    out = tmp_path / "out"
    run = scorecard(
        "build", "--catalogue", SMALL_CATALOGUE, "--data", path, "--format", "csv", "--out", out
    )  # fmt: skip
    assert run.code == 0, run.err
    assert len(cells_made) == len(texts)
    assert summary_rows(out / f"{STEM}.csv")["FD1"]["current"] == "1348"


@pytest.fixture
def three_sheets(tmp_path: Path) -> Path:
    """A hidden sheet first, then two visible ones, each with its own value of FD1 for January 2023."""
    path = tmp_path / "values.xlsx"
    book = workbook(path, [HEADER, ["FD1", "2023-01", 999], FD8], title="Lookups")
    book["Lookups"].sheet_state = "hidden"
    for title, value in (("Values", 1348), ("Old", 1)):
        sheet = book.create_sheet(title)
        sheet.append(HEADER)
        sheet.append(["FD1", "2023-01", value])
        sheet.append(FD8)
    book.save(path)
    return path


def current_fd1(tmp_path: Path, *options: str | Path) -> tuple[str, str]:
    out = tmp_path / "out"
    run = scorecard("build", "--catalogue", SMALL_CATALOGUE, "--format", "csv", "--out", out, *options)
    assert run.code == 0, run.err
    return summary_rows(out / f"{STEM}.csv")["FD1"]["current"], run.err.splitlines()[0]


def test_the_first_visible_sheet_is_read_and_named(tmp_path: Path, three_sheets: Path) -> None:
    said = f"reading sheet 'Values' of {three_sheets}"
    assert current_fd1(tmp_path, "--data", three_sheets) == ("1348", said)


@pytest.mark.parametrize("named", ["Old", "Lookups", "lookups"])
def test_sheet_reads_the_sheet_named_hidden_or_not_in_any_case(
    tmp_path: Path, three_sheets: Path, named: str
) -> None:
    value, said = current_fd1(tmp_path, "--data", three_sheets, "--sheet", named)
    title = named.title()
    assert (value, said) == (
        {"Old": "1", "Lookups": "999"}[title],
        f"reading sheet '{title}' of {three_sheets}",
    )


def test_an_unknown_sheet_is_a_usage_error_listing_the_sheets(three_sheets: Path) -> None:
    run = validate(SMALL_CATALOGUE, three_sheets, "--sheet", "Summary")
    assert run.code == 2
    assert run.errors == [
        f"error: {three_sheets} has no sheet 'Summary'; its sheets are 'Lookups' (hidden), 'Values', 'Old'"
    ]


def test_sheet_on_a_csv_file_is_a_usage_error(tmp_path: Path) -> None:
    data = tmp_path / "values.csv"
    data.write_text("ref,period,value\nFD1,2023-01,1348\n", encoding="utf-8")
    run = validate(SMALL_CATALOGUE, data, "--sheet", "Values")
    assert run.code == 2
    assert run.errors == [
        f"error: sheet 'Values' named, but {data} is a CSV file, which has no sheets: name a sheet only "
        "for an XLSX file"
    ]


@pytest.mark.usefixtures("three_sheets")  # tmp_path/values.xlsx, the config's data
def test_the_configs_sheet_goes_with_the_configs_data(tmp_path: Path) -> None:
    config = tmp_path / "scorecard.toml"
    config.write_text(f'catalogue = "{SMALL_CATALOGUE}"\ndata = "values.xlsx"\nsheet = "Old"\n', "utf-8")
    assert current_fd1(tmp_path, "--config", config)[0] == "1"
    assert current_fd1(tmp_path, "--config", config, "--sheet", "Lookups")[0] == "999"
    # --data names another file: the config's sheet is one of the config's data, so it is not applied.
    data = tmp_path / "values.csv"
    data.write_text("ref,period,value\nFD1,2023-01,7\nFD8,2023-01,90\n", encoding="utf-8")
    assert current_fd1(tmp_path, "--config", config, "--data", data)[0] == "7"


def test_commentary_init_drafts_from_the_sheet_named(tmp_path: Path, three_sheets: Path) -> None:
    catalogue = tmp_path / "catalogue.yaml"  # its commentary/ folder is then in tmp_path
    catalogue.write_bytes(SMALL_CATALOGUE.read_bytes())
    commentary = tmp_path / "commentary" / "2023-01.yaml"
    run = scorecard(
        "commentary", "init", "--catalogue", catalogue, "--data", three_sheets, "--sheet", "Lookups",
        "--period", "2023-01",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert "999" in commentary.read_text(encoding="utf-8")


def test_publishing_another_sheet_is_never_up_to_date(tmp_path: Path, three_sheets: Path) -> None:
    out = tmp_path / "published"
    publish = ("publish", "--catalogue", SMALL_CATALOGUE, "--data", three_sheets, "--format", "csv")
    first = scorecard(*publish, "--out", out, "--sheet", "Old")
    assert first.code == 0, first.err
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["settings"]["sheet"] == "Old"
    again = scorecard(*publish, "--out", out, "--sheet", "Lookups")
    assert again.code == 0, again.err
    assert "up to date" not in again.err
    assert summary_rows(out / "small-test-scorecard-latest.csv")["FD1"]["current"] == "999"
