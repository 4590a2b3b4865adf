"""No home folder, an unknown user, a cache folder that cannot be written, a damaged cache entry: the build
still works, says so once in the tool's own words, and never embeds a damaged chart."""

from __future__ import annotations

import json
import os
import pwd
import subprocess
import sys
from pathlib import Path

import pytest

from scorecard_report.render.chart_cache import ChartCache, cached_trend_charts, chart_key
from scorecard_report.render.chart_kinds import ChartSize

from .support import SMALL_CATALOGUE, SMALL_DATA, STEM, build_small

NO_HOME = (
    "warning: no chart cache: there is no home folder to keep it in, so every chart is drawn afresh "
    '(set XDG_CACHE_HOME, or cache = "FOLDER" in scorecard.toml)'
)


def homeless(monkeypatch: pytest.MonkeyPatch) -> None:
    """No HOME, no XDG_CACHE_HOME, and a uid the password database does not know."""
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def unknown_user(uid: int) -> pwd.struct_passwd:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.setattr(pwd, "getpwuid", unknown_user)


def test_no_home_and_an_unknown_user_build_without_a_cache_saying_so_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    homeless(monkeypatch)
    run = build_small(tmp_path / "out", formats="pdf,csv")
    assert run.code == 0, run.err
    assert run.warnings == [NO_HOME]
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == [f"{STEM}.csv", f"{STEM}.pdf"]


def test_a_relative_xdg_cache_home_is_ignored_as_the_xdg_rules_say(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    run = build_small(tmp_path / "out", formats="pdf")
    assert run.code == 0, run.err
    assert not (tmp_path / "relative").exists()
    charts = (tmp_path / "home" / ".cache" / "scorecard-report").glob("*.chart")
    assert len(list(charts)) == 6  # an appendix chart for each of the fixture's six indicators


def test_a_cache_folder_that_cannot_be_written_builds_without_it_saying_so_once(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be\n")
    config = tmp_path / "scorecard.toml"
    config.write_text('cache = "not-a-folder/cache"\n', encoding="utf-8")
    run = build_small(tmp_path / "out", "--config", config, formats="pdf,html,csv")
    assert run.code == 0, run.err
    assert run.warnings == [
        f"warning: no chart cache: {blocker / 'cache'} cannot be written (Not a directory), "
        "so every chart is drawn afresh"
    ]


def test_a_csv_build_needs_no_cache_and_says_nothing_of_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    homeless(monkeypatch)
    run = build_small(tmp_path / "out", formats="csv")
    assert (run.code, run.err) == (0, f"wrote {tmp_path / 'out' / f'{STEM}.csv'}\n")


def test_under_json_logs_every_line_is_json_even_when_matplotlib_cannot_write_its_config(
    tmp_path: Path,
) -> None:
    environment = {key: value for key, value in os.environ.items() if key not in ("XDG_CACHE_HOME",)}
    environment.pop("MPLCONFIGDIR", None)
    environment["HOME"] = "/dev/null/no-home"  # neither the cache nor matplotlib's config can live here
    arguments = ["--catalogue", SMALL_CATALOGUE, "--data", SMALL_DATA, "--period", "2023-01"]
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "scorecard_report",
            "build",
            *map(str, arguments),
            "--format",
            "pdf,csv",
            "--out",
            str(tmp_path / "out"),
            "--log-format",
            "json",
        ],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    entries = [json.loads(line) for line in done.stderr.splitlines()]  # every line is JSON
    warnings = [entry["message"] for entry in entries if entry["level"] == "warning"]
    assert warnings == [
        "no chart cache: /dev/null/no-home/.cache/scorecard-report cannot be written (Not a directory), "
        "so every chart is drawn afresh"
    ]


def test_a_damaged_cache_entry_is_drawn_again_never_embedded(tmp_path: Path) -> None:
    from scorecard_report.inputs.periods import Month
    from scorecard_report.load.catalogue import load_catalogue
    from scorecard_report.load.values import load_values
    from scorecard_report.model.build import build_report

    catalogue = load_catalogue(SMALL_CATALOGUE)
    report = build_report(catalogue, load_values(SMALL_DATA, catalogue), Month(2023, 1), None)
    rows = list(report.rows[:1])
    cache = ChartCache(tmp_path)
    drawn = cached_trend_charts(rows, ChartSize.LARGE, cache, workers=1)
    entry = tmp_path / f"{chart_key(rows[0], ChartSize.LARGE)}.chart"
    good = entry.read_bytes()

    damaged = bytearray(good)
    damaged[-100] ^= 0xFF  # one bit pattern in the PNG, as a disk error would leave it
    entry.write_bytes(bytes(damaged))
    assert cache.get(entry.stem) is None
    again = cached_trend_charts(rows, ChartSize.LARGE, cache, workers=1)
    assert again == drawn
    assert entry.read_bytes() == good  # drawn again and put back whole

    entry.write_bytes(good[: len(good) // 2])  # cut short
    assert cache.get(entry.stem) is None
    entry.write_bytes(good[40:])  # the checksum itself damaged
    assert cache.get(entry.stem) is None
