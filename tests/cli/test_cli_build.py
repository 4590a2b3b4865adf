"""``scorecard build``: file names, formats, exit codes, the default period, and nothing written on error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import Run, Small, files_under, write

Scorecard = Callable[..., Run]


def small_args(small: Small) -> list[str | Path]:
    return ["--catalogue", small.catalogue, "--data", small.data]


def test_writes_exactly_one_file_named_after_the_title(
    scorecard: Scorecard, tmp_path: Path, small: Small
) -> None:
    out = tmp_path / "reports"
    run = scorecard("build", *small_args(small), "--format", "csv", "--period", "2023-01", "--out", out)
    assert run.code == 0, run.err
    assert files_under(out) == ["small-test-scorecard-2023-01.csv"]


def test_format_defaults_to_the_documents_and_both_csvs(
    scorecard: Scorecard, tmp_path: Path, small: Small
) -> None:
    # Every format but the series CSV; the changes CSV has its header alone with nothing to compare with.
    out = tmp_path / "reports"
    run = scorecard("build", *small_args(small), "--period", "2023-01", "--out", out)
    assert run.code == 0, run.err
    assert files_under(out) == [
        "small-test-scorecard-2023-01-changes.csv",
        "small-test-scorecard-2023-01.csv",
        "small-test-scorecard-2023-01.docx",
        "small-test-scorecard-2023-01.html",
        "small-test-scorecard-2023-01.pdf",
        "small-test-scorecard-2023-01.xlsx",
    ]


def test_file_name_from_the_catalogues_name(scorecard: Scorecard, tmp_path: Path, small: Small) -> None:
    catalogue = write(
        tmp_path, "named.yaml", "name: front-door-card\n" + small.catalogue.read_text(encoding="utf-8")
    )
    out = tmp_path / "reports"
    run = scorecard(
        "build",
        "--format",
        "csv",
        "--catalogue",
        catalogue,
        "--data",
        small.data,
        "--period",
        "2023-01",
        "--out",
        out,
    )
    assert run.code == 0, run.err
    assert files_under(out) == ["front-door-card-2023-01.csv"]


def test_name_option_overrides(scorecard: Scorecard, tmp_path: Path, small: Small) -> None:
    out = tmp_path / "reports"
    run = scorecard(
        "build",
        "--format",
        "csv",
        *small_args(small),
        "--period",
        "2023-01",
        "--out",
        out,
        "--name",
        "board-pack",
    )
    assert run.code == 0, run.err
    assert files_under(out) == ["board-pack-2023-01.csv"]


def test_format_given_twice_makes_both_lists(scorecard: Scorecard, tmp_path: Path, small: Small) -> None:
    out = tmp_path / "reports"
    run = scorecard(
        "build", *small_args(small), "--period", "2023-01", "--format", "csv", "--format", "series,csv",
        "--out", out,
    )  # fmt: skip
    assert run.code == 0, run.err
    assert files_under(out) == ["small-test-scorecard-2023-01-series.csv", "small-test-scorecard-2023-01.csv"]


def test_building_again_replaces_the_file(scorecard: Scorecard, tmp_path: Path, small: Small) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    (out / "small-test-scorecard-2023-01.csv").write_text("stale\n", encoding="utf-8")
    run = scorecard("build", "--format", "csv", *small_args(small), "--period", "2023-01", "--out", out)
    assert run.code == 0, run.err
    assert files_under(out) == ["small-test-scorecard-2023-01.csv"]
    summary = (out / "small-test-scorecard-2023-01.csv").read_text(encoding="utf-8-sig")
    assert summary.startswith("ref,section,")


@pytest.mark.parametrize("formats", ["pptx", "csv,xls", "odt"])
def test_formats_not_available_are_refused_with_exit_2_and_nothing_written(
    scorecard: Scorecard, tmp_path: Path, small: Small, formats: str
) -> None:
    out = tmp_path / "reports"
    run = scorecard("build", *small_args(small), "--period", "2023-01", "--format", formats, "--out", out)
    assert run.code == 2
    refused = formats.split(",")[-1].lower()
    assert refused in run.err.lower()
    assert "error" in run.err.lower()
    assert files_under(out) == []


def test_unknown_format_is_refused_with_exit_2(scorecard: Scorecard, tmp_path: Path, small: Small) -> None:
    out = tmp_path / "reports"
    run = scorecard("build", *small_args(small), "--period", "2023-01", "--format", "pptx", "--out", out)
    assert run.code == 2
    assert "pptx" in run.err
    assert files_under(out) == []


def test_output_folder_that_is_a_file_exits_73(scorecard: Scorecard, tmp_path: Path, small: Small) -> None:
    not_a_folder = tmp_path / "reports"
    not_a_folder.write_text("keep me\n", encoding="utf-8")
    run = scorecard(
        "build", "--format", "csv", *small_args(small), "--period", "2023-01", "--out", not_a_folder
    )
    assert run.code == 73
    assert run.err.strip()
    assert not_a_folder.read_text(encoding="utf-8") == "keep me\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["reports"]


def test_output_folder_under_a_file_exits_73(scorecard: Scorecard, tmp_path: Path, small: Small) -> None:
    blocker = tmp_path / "reports"
    blocker.write_text("keep me\n", encoding="utf-8")
    run = scorecard(
        "build", "--format", "csv", *small_args(small), "--period", "2023-01", "--out", blocker / "2023"
    )
    assert run.code == 73
    assert blocker.read_text(encoding="utf-8") == "keep me\n"


def test_bad_data_exits_65_and_writes_nothing(scorecard: Scorecard, tmp_path: Path, small: Small) -> None:
    data = write(tmp_path, "values.csv", small.data.read_text(encoding="utf-8") + "FD1,2023-01,oops,,,\n")
    out = tmp_path / "reports"
    run = scorecard(
        "build",
        "--format",
        "csv",
        "--catalogue",
        small.catalogue,
        "--data",
        data,
        "--period",
        "2023-01",
        "--out",
        out,
    )
    assert run.code == 65
    assert len(run.error_lines) == 1
    assert "ref FD1" in run.error_lines[0]
    assert files_under(out) == []


def test_bad_catalogue_exits_65_and_writes_nothing(
    scorecard: Scorecard, tmp_path: Path, small: Small
) -> None:
    text = small.catalogue.read_text(encoding="utf-8").replace("polarity: neutral", "polarty: neutral")
    catalogue = write(tmp_path, "catalogue.yaml", text)
    out = tmp_path / "reports"
    run = scorecard(
        "build",
        "--format",
        "csv",
        "--catalogue",
        catalogue,
        "--data",
        small.data,
        "--period",
        "2023-01",
        "--out",
        out,
    )
    assert run.code == 65
    assert len(run.error_lines) == 1
    assert "polarty" in run.error_lines[0]
    assert files_under(out) == []


def test_missing_data_exits_66_and_writes_nothing(scorecard: Scorecard, tmp_path: Path, small: Small) -> None:
    out = tmp_path / "reports"
    missing = tmp_path / "nowhere.csv"
    run = scorecard(
        "build",
        "--format",
        "csv",
        "--catalogue",
        small.catalogue,
        "--data",
        missing,
        "--period",
        "2023-01",
        "--out",
        out,
    )
    assert run.code == 66
    assert str(missing) in run.err
    assert files_under(out) == []


def test_missing_catalogue_exits_66_and_writes_nothing(
    scorecard: Scorecard, tmp_path: Path, small: Small
) -> None:
    out = tmp_path / "reports"
    run = scorecard(
        "build",
        "--format",
        "csv",
        "--catalogue",
        tmp_path / "nowhere.yaml",
        "--data",
        small.data,
        "--period",
        "2023-01",
        "--out",
        out,
    )
    assert run.code == 66
    assert files_under(out) == []


def test_bad_period_option_exits_2_and_writes_nothing(
    scorecard: Scorecard, tmp_path: Path, small: Small
) -> None:
    out = tmp_path / "reports"
    run = scorecard("build", "--format", "csv", *small_args(small), "--period", "2023-13", "--out", out)
    assert run.code == 2
    assert "2023-13" in run.err
    assert files_under(out) == []


def test_defaults_catalogue_data_and_output_folder(
    scorecard: Scorecard, tmp_path: Path, small: Small, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "indicator_specs.yaml", "data: small.csv\n" + small.catalogue.read_text(encoding="utf-8"))
    write(tmp_path, "small.csv", small.data.read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    run = scorecard("build", "--format", "csv", "--period", "2023-01")
    assert run.code == 0, run.err
    assert files_under(tmp_path / "output") == ["small-test-scorecard-2023-01.csv"]


DEFAULT_PERIOD_CATALOGUE = """\
title: Period Test
organisation: Test Council
sections:
  - id: main
    title: Main
    indicators:
      - {ref: M1, title: One, unit: count, polarity: neutral}
      - {ref: M2, title: Two, unit: count, polarity: neutral}
      - {ref: M3, title: Three, unit: count, polarity: neutral}
      - {ref: M4, title: Four, unit: count, polarity: neutral}
      - {ref: Q1, title: Quarterly, unit: count, polarity: neutral, frequency: quarterly}
"""

# Jan 2023: all four monthly indicators have a value.
# Feb 2023: two of four (M3 is marked missing, M4 blank): at least half -> the default period.
# Mar 2023: one of four; the quarterly Q1 does not count towards the monthly indicators.
DEFAULT_PERIOD_DATA = """\
ref,period,value
M1,2023-01,1
M2,2023-01,2
M3,2023-01,3
M4,2023-01,4
M1,2023-02,5
M2,2023-02,6
M3,2023-02,NYA
M4,2023-02,
M1,2023-03,7
M2,2023-03,NYA
M3,2023-03,NYA
M4,2023-03,NYA
Q1,2023-03,8
"""


def test_default_period_is_the_latest_month_with_at_least_half_the_monthly_values(
    scorecard: Scorecard, tmp_path: Path
) -> None:
    catalogue = write(tmp_path, "catalogue.yaml", DEFAULT_PERIOD_CATALOGUE)
    data = write(tmp_path, "values.csv", DEFAULT_PERIOD_DATA)
    out = tmp_path / "reports"
    run = scorecard("build", "--format", "csv", "--catalogue", catalogue, "--data", data, "--out", out)
    assert run.code == 0, run.err
    assert files_under(out) == ["period-test-2023-02.csv"]


def test_default_period_needs_half_not_more(scorecard: Scorecard, tmp_path: Path) -> None:
    # With M2's Feb value missing too, Feb has one of four: Jan 2023 is the default.
    catalogue = write(tmp_path, "catalogue.yaml", DEFAULT_PERIOD_CATALOGUE)
    data = write(tmp_path, "values.csv", DEFAULT_PERIOD_DATA.replace("M2,2023-02,6", "M2,2023-02,-"))
    out = tmp_path / "reports"
    run = scorecard("build", "--format", "csv", "--catalogue", catalogue, "--data", data, "--out", out)
    assert run.code == 0, run.err
    assert files_under(out) == ["period-test-2023-01.csv"]


def test_wide_xlsx_and_long_csv_give_the_same_summary(
    scorecard: Scorecard, tmp_path: Path, small: Small
) -> None:
    import openpyxl

    # small.csv in wide form, one sheet row per ref; ratios as their computed values.
    months = ["2021-12", "2022-01", "2022-03", "2022-09", "2022-12", "2023-01", "2023-03"]
    wide = {
        "FD1": {"2022-01": "1,221", "2022-12": 1196, "2023-01": 1348},
        "FD8": {"2022-01": "62%", "2022-12": 83, "2023-01": 93.4},
        "CF5": {"2022-12": 74, "2023-01": 70.5},
        "CLA1": {"2022-01": 70, "2022-12": 71.5, "2023-01": 72.5},
        "CLA9": {"2021-12": 90, "2022-09": 88, "2022-12": 94},
        "012": {"2022-03": 1250000, "2023-03": 999},
    }
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["ref", "title", *months])
    for ref, values in wide.items():
        sheet.append([ref, "", *(values.get(month) for month in months)])
    xlsx = tmp_path / "small.xlsx"
    book.save(xlsx)
    long_run = scorecard(
        "build",
        "--format",
        "csv",
        "--catalogue",
        small.catalogue,
        "--data",
        small.data,
        "--out",
        tmp_path / "long",
    )
    wide_run = scorecard(
        "build", "--format", "csv", "--catalogue", small.catalogue, "--data", xlsx, "--out", tmp_path / "wide"
    )
    assert long_run.code == 0, long_run.err
    assert wide_run.code == 0, wide_run.err
    name = "small-test-scorecard-2023-01.csv"
    assert files_under(tmp_path / "long") == files_under(tmp_path / "wide") == [name]
    assert (tmp_path / "long" / name).read_bytes() == (tmp_path / "wide" / name).read_bytes()


def test_summary_without_benchmarks_has_only_the_fixed_columns(scorecard: Scorecard, tmp_path: Path) -> None:
    catalogue = write(tmp_path, "catalogue.yaml", DEFAULT_PERIOD_CATALOGUE)
    data = write(tmp_path, "values.csv", DEFAULT_PERIOD_DATA)
    out = tmp_path / "reports"
    run = scorecard(
        "build",
        "--format",
        "csv",
        "--catalogue",
        catalogue,
        "--data",
        data,
        "--period",
        "2023-01",
        "--out",
        out,
    )
    assert run.code == 0, run.err
    header = (out / "period-test-2023-01.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == (
        "ref,section,title,unit,frequency,period,data_to,due,timeliness,current,previous_period,previous_year,"
        "target,status,band,direction,judgement,variation,assurance,reading,attention,spc_centre,"
        "spc_lower,spc_upper,spc_points,capable_band,derived,how_computed"
    )


def test_data_named_by_the_catalogue_but_missing_exits_66(
    scorecard: Scorecard, tmp_path: Path, small: Small
) -> None:
    catalogue = write(
        tmp_path, "catalogue.yaml", "data: absent.csv\n" + small.catalogue.read_text(encoding="utf-8")
    )
    out = tmp_path / "reports"
    run = scorecard("build", "--format", "csv", "--catalogue", catalogue, "--period", "2023-01", "--out", out)
    assert run.code == 66
    assert "absent.csv" in run.err
    assert files_under(out) == []


def test_strict_build_with_an_unknown_ref_exits_65_and_writes_nothing(
    scorecard: Scorecard, tmp_path: Path, small: Small
) -> None:
    data = write(tmp_path, "values.csv", small.data.read_text(encoding="utf-8") + "ZZ9,2023-01,1,,,\n")
    out = tmp_path / "reports"
    relaxed = scorecard(
        "build",
        "--format",
        "csv",
        "--catalogue",
        small.catalogue,
        "--data",
        data,
        "--period",
        "2023-01",
        "--out",
        out,
    )
    assert relaxed.code == 0, relaxed.err
    assert "ZZ9" in relaxed.err
    strict_out = tmp_path / "strict"
    strict = scorecard(
        "build",
        "--format",
        "csv",
        "--strict",
        "--catalogue",
        small.catalogue,
        "--data",
        data,
        "--period",
        "2023-01",
        "--out",
        strict_out,
    )
    assert strict.code == 65
    assert files_under(strict_out) == []
