"""Inputs with nothing in them, or nothing that belongs: clear errors, exit 65, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import SMALL_CATALOGUE, SMALL_DATA, files_under, scorecard


def build(tmp_path: Path, catalogue: Path, data: Path) -> list[str]:
    """Build every format; check the exit code and that nothing was written; return the error lines."""
    out = tmp_path / "out"
    run = scorecard("build", "--catalogue", catalogue, "--data", data, "--out", out)
    assert run.code == 65, run.err
    assert files_under(out) == []
    assert run.err.endswith("1 error: nothing was written\n")
    return run.errors


@pytest.mark.parametrize("content", ["", "\n\n", ",,,\n"])
def test_an_empty_values_file(tmp_path: Path, content: str) -> None:
    data = tmp_path / "values.csv"
    data.write_text(content, encoding="utf-8")
    assert build(tmp_path, SMALL_CATALOGUE, data) == [
        f"error: {data}: the file is empty (export the values again, with a header)",
    ]


def test_a_values_file_with_only_a_header(tmp_path: Path) -> None:
    data = tmp_path / "values.csv"
    data.write_text("ref,period,value,numerator,denominator,note\n", encoding="utf-8")
    assert build(tmp_path, SMALL_CATALOGUE, data) == [
        f"error: {data}: row 1: the file has a header but no values (export the values again, one row per "
        "ref)",
    ]


def test_a_values_file_with_no_ref_from_the_catalogue(tmp_path: Path) -> None:
    data = tmp_path / "values.csv"
    data.write_text("ref,period,value\n" + "".join(f"X{n},2023-01,{n}\n" for n in range(8)), "utf-8")
    # One error, rather than a warning for each of thousands of refs.
    assert build(tmp_path, SMALL_CATALOGUE, data) == [
        f"error: {data}: row 2: none of its refs (X0, X1, X2, X3, X4 and 3 more) is in the catalogue "
        "small.yaml (check that this values file belongs to this catalogue)",
    ]


@pytest.mark.parametrize(
    "sections", ["sections: []\n", "sections:\n  - id: empty\n    title: Empty\n    indicators: []\n"]
)
def test_a_catalogue_with_no_indicators(tmp_path: Path, sections: str) -> None:
    catalogue = tmp_path / "catalogue.yaml"
    catalogue.write_text(f"title: Empty\norganisation: Test Council\n{sections}", encoding="utf-8")
    assert build(tmp_path, catalogue, SMALL_DATA) == [
        f"error: {catalogue}:3: the catalogue has no indicators (add a section with at least one indicator "
        "under sections:)",
    ]
