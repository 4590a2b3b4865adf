"""The same inputs with SOURCE_DATE_EPOCH set give byte-identical files in every format."""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import EPOCH, STEM, build_small, files_under

FORMATS = ("pdf", "html", "docx", "csv")


def test_two_builds_of_every_format_are_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    for out in ("first", "second"):
        run = build_small(tmp_path / out, formats=",".join(FORMATS))
        assert run.code == 0, run.err
    names = [f"{STEM}.{extension}" for extension in FORMATS]
    assert files_under(tmp_path / "first") == files_under(tmp_path / "second") == sorted(names)
    for name in names:
        assert (tmp_path / "first" / name).read_bytes() == (tmp_path / "second" / name).read_bytes(), name
