"""A chart cache keyed by content: a rebuild after editing only commentary draws no chart again."""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import json
import os
import tempfile
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from scorecard_report import __version__
from scorecard_report.messages import Tick, log
from scorecard_report.model.report import Row
from scorecard_report.render.chart_kinds import Chart, ChartSize

# Read as files, not imported: the drawing modules import matplotlib, which a rebuild served wholly
# from the cache never needs. The alt text is kept with each chart, so its wording is part of the key:
# the alt text module, the row's own comparison (model.report) and the formatter's words and numbers.
# Every SPC datum a chart draws or its alt text says is in the row (``Row.spc``), so in the key.
DRAWING_MODULES = (
    "scorecard_report.render.charts",
    "scorecard_report.render.chart_style",
    "scorecard_report.render.chart_scale",
    "scorecard_report.render.chart_kinds",
    "scorecard_report.render.chart_labels",
    "scorecard_report.render.chart_legend",
    "scorecard_report.render.chart_xmr",
    "scorecard_report.present.alt_text",
    "scorecard_report.model.report",
    "scorecard_report.format.display",
    "scorecard_report.format.periods",
    "scorecard_report.format.spc",
    "scorecard_report.format.words",
)


@cache
def _style_fingerprint() -> str:
    """The chart modules' own source: any change to how charts are drawn makes every key new."""
    digest = hashlib.sha256()
    for name in DRAWING_MODULES:
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.origin is not None, name  # modules of this package
        digest.update(Path(spec.origin).read_bytes())
    return digest.hexdigest()


def chart_key(row: Row, size: ChartSize) -> str:
    """Everything the picture and its alt text are drawn from; commentary is not part of a chart."""
    content = repr((__version__, _style_fingerprint(), size.name, dataclasses.replace(row, commentary=None)))
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


MAGIC = b"scorecard-chart 2\n"
_DIGEST_BYTES = 32


class ChartCache:
    """One file per chart, written whole and renamed into place, so concurrent builds can share it.

    An entry is ``MAGIC``, the sha256 of the rest, the length of the metadata, the metadata (JSON) and the
    PNG. An entry whose checksum does not verify (a disk error, a truncated copy, someone's edit) is
    drawn again, never embedded.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.unwritable = False

    def get(self, key: str) -> Chart | None:
        try:
            raw = (self.folder / f"{key}.chart").read_bytes()
        except OSError:
            return None
        body = raw[len(MAGIC) + _DIGEST_BYTES :]
        if not raw.startswith(MAGIC) or raw[len(MAGIC) : len(MAGIC) + _DIGEST_BYTES] != _digest(body):
            return None  # absent, damaged or from another version: draw it again
        try:
            length = int.from_bytes(body[:4], "big")
            meta = json.loads(body[4 : 4 + length])
            return Chart(body[4 + length :], meta["alt"], meta["width_mm"], meta["height_mm"])
        except (ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, chart: Chart) -> None:
        if self.unwritable:
            return
        meta = json.dumps(
            {"alt": chart.alt, "width_mm": chart.width_mm, "height_mm": chart.height_mm}
        ).encode()
        body = len(meta).to_bytes(4, "big") + meta + chart.png
        temporary: str | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{key}.", dir=self.folder)
            with os.fdopen(handle, "wb") as file:
                file.write(MAGIC + _digest(body) + body)
            Path(temporary).replace(self.folder / f"{key}.chart")
        except OSError as error:  # a cache that cannot be written only costs time: say so once
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)
            self.unwritable = True
            log.warning(
                "the chart cache %s cannot be written (%s); charts are drawn afresh",
                self.folder,
                error.strerror or error,
            )


def _digest(body: bytes) -> bytes:
    return hashlib.sha256(body).digest()


class DrawnCharts:
    """The charts one run has drawn or read so far, by key, in memory: the editions of a run share them,
    so an indicator in several editions is drawn (or read from the cache) once, with the cache on or off.
    The key is the row's, so a chart an edition shows differently (a revision ringed) is drawn again."""

    def __init__(self) -> None:
        self.charts: dict[str, Chart] = {}


def cached_trend_charts(
    rows: Sequence[Row],
    size: ChartSize,
    cache_: ChartCache | None,
    *,
    workers: int | None = None,
    on_chart: Tick | None = None,
    drawn: DrawnCharts | None = None,
) -> dict[str, Chart]:
    """Charts by ref, drawing only those neither ``drawn`` (this run's) nor the cache holds; the same bytes
    either way. ``on_chart`` is called once for each chart, taken from the cache or drawn."""
    if cache_ is None and drawn is None:
        return _draw(rows, size, workers, on_chart)
    keys = {row.ref: chart_key(row, size) for row in rows}
    found = {ref: chart for ref, key in keys.items() if (chart := _held(key, drawn, cache_)) is not None}
    if on_chart is not None:
        for _ in found:
            on_chart()
    missing = [row for row in rows if row.ref not in found]
    made = _draw(missing, size, workers, on_chart) if missing else {}
    for ref, chart in made.items():
        if cache_ is not None:
            cache_.put(keys[ref], chart)
    charts = {row.ref: found.get(row.ref) or made[row.ref] for row in rows}
    if drawn is not None:
        drawn.charts.update((keys[ref], chart) for ref, chart in charts.items())
    return charts


def _held(key: str, drawn: DrawnCharts | None, cache_: ChartCache | None) -> Chart | None:
    """The chart this run already has, else the cache's, else None."""
    chart = drawn.charts.get(key) if drawn is not None else None
    if chart is None and cache_ is not None:
        chart = cache_.get(key)
    return chart


def _draw(
    rows: Sequence[Row], size: ChartSize, workers: int | None, on_chart: Tick | None
) -> dict[str, Chart]:
    from scorecard_report.render.charts import trend_charts

    return trend_charts(rows, size, workers=workers, on_chart=on_chart)
