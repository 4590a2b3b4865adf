"""The chart cache: used when nothing changed, bypassed when anything a chart shows did, never stale."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import threading
from decimal import Decimal
from pathlib import Path

import pytest

from scorecard_report.inputs.commentary import Paragraph, Run, Text
from scorecard_report.inputs.periods import Month
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.messages import Tick
from scorecard_report.model.build import build_report
from scorecard_report.model.report import Row
from scorecard_report.render import chart_cache
from scorecard_report.render.chart_cache import ChartCache, cached_trend_charts, chart_key
from scorecard_report.render.charts import Chart, ChartSize
from scorecard_report.render.outputs import chart_cache_folder

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture(scope="module")
def rows() -> tuple[Row, ...]:
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    return build_report(catalogue, load_values(FIXTURES / "small.csv", catalogue), Month(2023, 1)).rows


def counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    drawn: list[str] = []
    real = chart_cache._draw

    def draw(
        rows: tuple[Row, ...], size: ChartSize, workers: int | None, on_chart: Tick | None
    ) -> dict[str, Chart]:
        drawn.extend(row.ref for row in rows)
        return real(rows, size, workers, on_chart)

    monkeypatch.setattr(chart_cache, "_draw", draw)
    return drawn


def test_a_second_build_draws_nothing_and_gets_the_same_bytes(
    rows: tuple[Row, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = counting(monkeypatch)
    cache = ChartCache(tmp_path)
    first = cached_trend_charts(rows, ChartSize.LARGE, cache)
    assert drawn == [row.ref for row in rows]
    second = cached_trend_charts(rows, ChartSize.LARGE, cache)
    assert drawn == [row.ref for row in rows]  # nothing more was drawn
    assert second == first
    assert second == cached_trend_charts(rows, ChartSize.LARGE, None)  # the same as drawing afresh


def test_commentary_does_not_change_a_key_but_a_value_or_the_size_does(rows: tuple[Row, ...]) -> None:
    fd8 = next(row for row in rows if row.ref == "FD8")
    key = chart_key(fd8, ChartSize.LARGE)
    commented = dataclasses.replace(fd8, commentary=Text((Paragraph((Run("new words"),)),)))
    assert chart_key(commented, ChartSize.LARGE) == key
    new_value = dataclasses.replace(fd8.trend[-1], value=Decimal("94"), shown=Decimal("94"), text="94%")
    changed = dataclasses.replace(fd8, trend=(*fd8.trend[:-1], new_value))
    assert chart_key(changed, ChartSize.LARGE) != key
    assert chart_key(fd8, ChartSize.SMALL) != key


def test_a_new_chart_style_makes_every_key_new(
    rows: tuple[Row, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    key = chart_key(rows[0], ChartSize.LARGE)
    monkeypatch.setattr(chart_cache, "_style_fingerprint", lambda: "another style")
    assert chart_key(rows[0], ChartSize.LARGE) != key


def test_a_damaged_cache_file_is_drawn_again(
    rows: tuple[Row, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = ChartCache(tmp_path)
    cached_trend_charts(rows[:1], ChartSize.SMALL, cache)
    (tmp_path / f"{chart_key(rows[0], ChartSize.SMALL)}.chart").write_bytes(b"\x00\x00")
    drawn = counting(monkeypatch)
    cached_trend_charts(rows[:1], ChartSize.SMALL, cache)
    assert drawn == [rows[0].ref]


def test_builds_sharing_the_cache_never_read_half_a_chart(tmp_path: Path) -> None:
    chart = Chart(b"\x89PNG" + b"x" * 200_000, "alt text", 170.0, 80.0)
    cache = ChartCache(tmp_path)
    seen: list[Chart | None] = []

    def write() -> None:
        for _ in range(20):
            cache.put("k", chart)

    def read() -> None:
        for _ in range(200):
            seen.append(cache.get("k"))

    threads = [threading.Thread(target=write), threading.Thread(target=write), threading.Thread(target=read)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(found is None or found == chart for found in seen)
    assert cache.get("k") == chart
    assert [p.name for p in tmp_path.iterdir()] == ["k.chart"]  # no temporary file left behind


def test_where_the_cache_lives(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert chart_cache_folder(False, None) == tmp_path / "scorecard-report"
    assert chart_cache_folder(True, None) is None  # --no-cache
    assert chart_cache_folder(False, False) is None  # cache = false in scorecard.toml
    assert chart_cache_folder(False, tmp_path / "mine") == tmp_path / "mine"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert chart_cache_folder(False, None) == Path.home() / ".cache" / "scorecard-report"


REBUILD = """
import sys
from pathlib import Path
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.inputs.periods import Month
from scorecard_report.render.chart_cache import ChartCache, cached_trend_charts
from scorecard_report.render.chart_kinds import ChartSize
fixtures, cache = Path(sys.argv[1]), Path(sys.argv[2])
catalogue = load_catalogue(fixtures / "small.yaml")
rows = build_report(catalogue, load_values(fixtures / "small.csv", catalogue), Month(2023, 1)).rows
charts = cached_trend_charts(rows, ChartSize.SMALL, ChartCache(cache))
print(len(charts), "matplotlib" in sys.modules)
"""


def test_a_rebuild_served_from_the_cache_never_imports_matplotlib(
    rows: tuple[Row, ...], tmp_path: Path
) -> None:
    cached_trend_charts(rows, ChartSize.SMALL, ChartCache(tmp_path))
    rebuild = [sys.executable, "-c", REBUILD, str(FIXTURES), str(tmp_path)]
    assert subprocess.run(rebuild, capture_output=True, text=True, check=True).stdout.split() == [
        str(len(rows)),
        "False",
    ]
    # The same rebuild with an empty cache draws, and so imports it: the check above can fail.
    empty = [*rebuild[:-1], str(tmp_path / "empty")]
    assert subprocess.run(empty, capture_output=True, text=True, check=True).stdout.split()[1] == "True"
