"""A commentary file named for another month is refused: last month's words never sit quietly beside this
month's figures."""

from __future__ import annotations

from pathlib import Path

from .support import build_small

TEXT = "indicators:\n  FD1: Contacts rose to 1,348.\n"


def test_commentary_named_for_another_month_is_refused_saying_which_file_to_give(tmp_path: Path) -> None:
    commentary = tmp_path / "2022-12.yaml"
    commentary.write_text(TEXT, encoding="utf-8")
    run = build_small(tmp_path / "out", "--commentary", commentary, formats="csv")
    assert run.code == 65
    assert run.errors == [
        f"error: {commentary}: this commentary is for December 2022, but the report is for January 2023 "
        "(give --commentary with the file for January 2023 (2023-01.yaml), or --period 2022-12)"
    ]
    assert not (tmp_path / "out").exists()


def test_commentary_named_for_the_report_month_or_not_by_month_is_used(tmp_path: Path) -> None:
    for name in ("2023-01.yaml", "draft for committee.yaml", "2023-13.yaml"):
        commentary = tmp_path / name
        commentary.write_text(TEXT, encoding="utf-8")
        run = build_small(tmp_path / name.replace(".yaml", ""), "--commentary", commentary, formats="csv")
        assert (run.code, run.errors) == (0, []), name
